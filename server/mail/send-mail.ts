// Asks for an email to be sent: renders it now, stores it and enqueues its delivery in the caller's transaction.
import type { Tx } from '../db';
import { enqueue } from '../jobs/enqueue';
import { mailSettings } from './settings';
import { TEMPLATES, type TemplateData, type TemplateName } from './templates';

export async function sendMail<T extends TemplateName>(
  tx: Tx,
  message: { organizationId: string | null; to: string; template: T; data: TemplateData<T> },
): Promise<string> {
  const render = TEMPLATES[message.template] as (data: TemplateData<T>) => { subject: string; html: string; text: string };
  const rendered = render(message.data);
  const email = await tx.emailMessage.create({
    data: { organizationId: message.organizationId, template: message.template, from: mailSettings().from, to: message.to, ...rendered },
    select: { id: true },
  });
  await enqueue(tx, 'mail.send', { emailId: email.id, organizationId: message.organizationId });
  return email.id;
}
