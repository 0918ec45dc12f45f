// Every email the product sends, by name. A slice adds its template file here.
import { passwordResetEmail } from './password-reset';

export const TEMPLATES = {
  'password-reset': passwordResetEmail,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type TemplateData<T extends TemplateName> = Parameters<(typeof TEMPLATES)[T]>[0];
