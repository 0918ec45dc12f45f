// The email to someone an administrator added to an organization: a link to choose their password (a new account), or
// word that they can now sign in to it (an account they already had).
import { layout, type RenderedEmail } from './layout';

export type OrganizationInviteData = { inviterName: string | null; organizationName: string; roleName: string; url: string; expiresOn: string | null };

export function organizationInviteEmail(d: OrganizationInviteData): RenderedEmail {
  const who = d.inviterName ? `${d.inviterName} added you` : 'You were added';
  const choosePassword = d.expiresOn !== null;
  return layout({
    subject: choosePassword ? `Join ${d.organizationName} on Pitchcraft` : `You now have access to ${d.organizationName} on Pitchcraft`,
    heading: `${who} to ${d.organizationName}`,
    paragraphs: choosePassword
      ? [
          `${d.organizationName} uses Pitchcraft for sales coaching, live calls and outreach. Your account is ready, with the role ${d.roleName}: choose a password to start.`,
          `The link below works once, until ${d.expiresOn}.`,
        ]
      : [`${d.organizationName} uses Pitchcraft for sales coaching, live calls and outreach. Sign in with your Pitchcraft account to find it in your organizations (role: ${d.roleName}).`],
    action: { label: choosePassword ? 'Choose your password' : `Open ${d.organizationName}`, url: d.url },
    footer: 'If you did not expect this, you can ignore this email, or leave the organization from its settings.',
  });
}
