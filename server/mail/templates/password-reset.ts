// The email with a single-use link to choose a new password.
import { layout, type RenderedEmail } from './layout';

export type PasswordResetData = { firstName: string; url: string; validMinutes: number };

export function passwordResetEmail(d: PasswordResetData): RenderedEmail {
  return layout({
    subject: 'Reset your Pitchcraft password',
    heading: `Hi ${d.firstName}, choose a new password`,
    paragraphs: [
      'Someone (hopefully you) asked to reset the password of your Pitchcraft account.',
      `The link below works once and for ${d.validMinutes} minutes. Setting a new password signs you out everywhere else.`,
    ],
    action: { label: 'Choose a new password', url: d.url },
    footer: 'If you did not ask for this, ignore this email: your password stays as it is.',
  });
}
