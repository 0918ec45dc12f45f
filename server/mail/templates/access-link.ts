// The email that carries an access link: a customer opens it to chat with the organization's team.
import { layout, type RenderedEmail } from './layout';

export type AccessLinkData = { organizationName: string; senderName: string | null; url: string; expiresOn: string; maxUses: number };

export function accessLinkEmail(d: AccessLinkData): RenderedEmail {
  return layout({
    subject: `Your link to chat with ${d.organizationName}`,
    heading: `Chat with ${d.organizationName}`,
    paragraphs: [
      `${d.senderName ?? `The team at ${d.organizationName}`} sent you a link to talk with them in a chat.`,
      `Open it and confirm to start. It works until ${d.expiresOn}, ${d.maxUses === 1 ? 'once' : `up to ${d.maxUses} times`}.`,
    ],
    action: { label: 'Open the chat', url: d.url },
    footer: `Someone at ${d.organizationName} sent you this email. Just ignore it if you did not expect it.`,
  });
}
