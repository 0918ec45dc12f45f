// The email a dealer sends after a live call: the organization's loan (financing) link for the vehicle discussed.
import { layout, type RenderedEmail } from './layout';

export type LoanLinkData = { firstName: string | null; organizationName: string; dealerName: string | null; vehicle: string; url: string };

export function loanLinkEmail(d: LoanLinkData): RenderedEmail {
  return layout({
    subject: `Financing for the ${d.vehicle} — ${d.organizationName}`,
    heading: d.firstName ? `Hi ${d.firstName}, here is your financing link` : 'Here is your financing link',
    paragraphs: [
      `Thanks for your call with ${d.dealerName ?? 'our team'} at ${d.organizationName} about the ${d.vehicle}.`,
      'You can apply for financing online with the link below; it takes a few minutes.',
    ],
    action: { label: 'Apply for financing', url: d.url },
    footer: `You get this email because you asked ${d.organizationName} for a call. Just ignore it if you are not interested.`,
  });
}
