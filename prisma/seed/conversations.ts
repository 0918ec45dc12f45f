// Demo Motors' conversations: a customer's phone (an external user) chatting with the owner — two of its messages
// unread — and a group of the sales team, so the chat inbox shows itself on first start.
import { randomUUID } from 'node:crypto';
import { newSecret } from '../../server/auth/secrets';
import { externalUserEmail } from '../../server/domain/external-users/external-user-email';
import { ago, type SeedSection, type SeedTx } from './section';

type Line = { from: string; text: string; at: Date };

async function say(tx: SeedTx, conversationId: string, lines: Line[]) {
  for (const l of lines) await tx.conversationMessage.create({ data: { conversationId, senderId: l.from, body: l.text, createdAt: l.at } });
  await tx.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: lines.at(-1)!.at } });
}

export const conversationsSection: SeedSection = {
  name: 'conversations',
  seeded: async (db, demo) => (await db.conversation.count({ where: { organizationId: demo.organizationId } })) > 0,
  async seed(tx, demo) {
    const org = demo.organizationId;
    const owner = demo.people.owner!.userId;
    // The customer's installation has no key anyone knows: the app registering it again (rotateKey) gets one.
    const customer = randomUUID();
    await tx.user.create({ data: { id: customer, email: externalUserEmail(customer), firstName: 'Dana’s iPhone', lastName: '', createdAt: ago(2) } });
    await tx.externalUser.create({ data: { userId: customer, organizationId: org, uniqueId: 'demo-ios-7f3a', platform: 'ios', deviceName: 'Dana’s iPhone', hardwareId: 'demo-hw-7f3a', osVersion: '18.1', createdAt: ago(2) } });
    // The link the owner emailed her, opened once: Customers shows how she got in and until when it works. Its secret
    // is not kept (sealing needs the app's APP_SECRET, which the seed may not have): an empty seal opens to nothing, so
    // sending her a link again makes a new one.
    const link = newSecret('pal', 24);
    await tx.accessLink.create({
      data: { organizationId: org, externalUserId: customer, email: 'dana.reyes@example.com', tokenHash: link.hash, tokenSealed: '', maxUses: 5, uses: 1, expiresAt: new Date(Date.now() + 5 * 86_400_000), createdById: owner, createdAt: ago(2) },
    });

    const chat = await tx.conversation.create({
      data: { organizationId: org, type: 'chat', chatKey: [owner, customer].sort().join(':'), createdById: customer, createdAt: ago(1, 3) },
    });
    await tx.conversationParticipant.createMany({ data: [{ conversationId: chat.id, userId: owner, lastReadAt: ago(1, 2, 50), joinedAt: ago(1, 3) }, { conversationId: chat.id, userId: customer, lastReadAt: ago(0, 1), joinedAt: ago(1, 3) }] });
    await say(tx, chat.id, [
      { from: customer, text: 'Hi! Is the blue 2022 Accord on your site still available?', at: ago(1, 3) },
      { from: owner, text: 'It is — it came in last week, 31,000 miles, one owner. Would you like to see it?', at: ago(1, 2, 55) },
      { from: customer, text: 'Yes please. Could I come by Saturday morning?', at: ago(0, 2, 10) },
      { from: customer, text: 'Around 10 would be perfect.', at: ago(0, 2, 9) },
    ]);

    const team = ['manager', 'rep', 'rep2'].map((k) => demo.people[k]?.userId).filter((id): id is string => Boolean(id));
    if (team.length) {
      const group = await tx.conversation.create({ data: { organizationId: org, type: 'group', name: 'Weekend sale', createdById: owner, createdAt: ago(3) } });
      await tx.conversationParticipant.createMany({ data: [owner, ...team].map((userId) => ({ conversationId: group.id, userId, isAdmin: userId === owner, lastReadAt: ago(0, 5), joinedAt: ago(3) })) });
      await say(tx, group.id, [
        { from: owner, text: 'Saturday: doors at 9, coffee and test drives all day. Who takes the morning shift?', at: ago(3) },
        { from: team[0]!, text: 'I will, and I bring the financing sheets.', at: ago(2, 22) },
        ...(team[1] ? [{ from: team[1], text: 'Afternoon is mine.', at: ago(2, 21) }] : []),
      ]);
    }
  },
};
