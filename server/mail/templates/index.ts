// Every email the product sends, by name. A slice adds its template file here.
import { accessLinkEmail } from './access-link';
import { loanLinkEmail } from './loan-link';
import { organizationInviteEmail } from './organization-invite';
import { passwordResetEmail } from './password-reset';
import { teamInviteEmail } from './team-invite';

export const TEMPLATES = {
  'password-reset': passwordResetEmail,
  'loan-link': loanLinkEmail,
  'team-invite': teamInviteEmail,
  'organization-invite': organizationInviteEmail,
  'access-link': accessLinkEmail,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateData<T extends TemplateName> = Parameters<(typeof TEMPLATES)[T]>[0];
