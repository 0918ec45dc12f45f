// The email that invites someone to a team, with the link that lets them join.
import { layout, type RenderedEmail } from './layout';

export type TeamInviteData = { inviterName: string | null; teamName: string; organizationName: string; role: 'member' | 'manager'; url: string; expiresOn: string };

export function teamInviteEmail(d: TeamInviteData): RenderedEmail {
  const who = d.inviterName ? `${d.inviterName} invites you` : 'You are invited';
  return layout({
    subject: `Join ${d.teamName} at ${d.organizationName} on Pitchcraft`,
    heading: `${who} to join ${d.teamName}`,
    paragraphs: [
      `${d.organizationName} uses Pitchcraft to practise sales pitches and get coaching on every one. You are invited to the team ${d.teamName}${d.role === 'manager' ? ' as a manager' : ''}.`,
      `The link below works once, until ${d.expiresOn}. If you already have a Pitchcraft account with this address, sign in with it to join.`,
    ],
    action: { label: `Join ${d.teamName}`, url: d.url },
    footer: 'If you did not expect this invitation, you can ignore this email.',
  });
}
