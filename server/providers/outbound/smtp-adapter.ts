// SMTP gateways for email and email-to-fax, through the platform's nodemailer transport code (server/mail/transport).
// The host is resolved and checked by the SSRF guard before every send and the transport connects to that checked
// address (TLS still verifies the hostname). The spool id is the Message-ID, so a redelivery is recognisable.
import { gatewayTransport } from '../../mail/transport';
import { ProviderError, timeoutMsOf, type ProviderAdapter, type ProviderConfig } from './provider-adapter';
import { ForbiddenTargetError, resolveAllowed } from './target-guard';

type SmtpError = { responseCode?: number; response?: string; code?: string; message?: string };

export const messageIdOf = (spoolId: string) => `<${spoolId}@pitchcraft.mail>`;

async function transportFor(config: ProviderConfig & { updatedAt?: string }) {
  let address: string;
  try {
    address = (await resolveAllowed(config.host))[0]!.address;
  } catch (error) {
    if (error instanceof ForbiddenTargetError) throw new ProviderError(`The SMTP server may not be reached: ${error.message}`, 'failed');
    throw error;
  }
  const secure = config.settings.secure ?? config.port === 465;
  const key = `${config.id}|${config.updatedAt ?? ''}|${address}`;
  return gatewayTransport(key, {
    host: address,
    port: config.port ?? (secure ? 465 : 587),
    secure,
    // The checked address is connected to; certificates are still verified against the configured hostname.
    tls: { servername: config.host },
    ...(config.username && { auth: { user: config.username, pass: config.password ?? '' } }),
    timeoutMs: timeoutMsOf(config),
  });
}

export const smtpAdapter: ProviderAdapter & { transportFor: typeof transportFor } = {
  type: 'smtp',
  services: ['email', 'fax'],
  transportFor,
  async send(config, message) {
    if (message.service !== 'email' && message.service !== 'fax') throw new ProviderError(`SMTP carries email and fax, not ${message.service}`, 'failed');
    let to = message.to;
    if (message.service === 'fax') {
      if (!config.settings.faxDomain) throw new ProviderError('This SMTP gateway has no fax domain (settings.faxDomain): it cannot send faxes', 'failed');
      to = `${`${config.prefix ?? ''}${message.to}`.replace(/[^\d]/g, '')}@${config.settings.faxDomain}`;
    }
    const transport = await transportFor(config);
    try {
      const info = await transport.sendMail({
        messageId: messageIdOf(message.spoolId),
        from: message.from,
        to,
        subject: message.subject ?? '',
        ...(message.html !== undefined && { html: message.html }),
        text: message.text ?? '',
        attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
      return { messageId: info.messageId, status: 'accepted', response: { response: info.response, accepted: info.accepted.map(String), rejected: info.rejected.map(String) }, connectedAt: new Date() };
    } catch (error) {
      const e = error as SmtpError;
      const text = (e.response ?? e.message ?? String(error)).slice(0, 300);
      if (e.code === 'ETIMEDOUT' || /timeout/i.test(e.code ?? '')) throw new ProviderError(`The SMTP server did not answer in time (${text})`, 'failed');
      throw new ProviderError(e.responseCode ? `The SMTP server answered ${e.responseCode}: ${text}` : `The SMTP server could not be reached (${e.code ?? text})`, 'failed', { status: e.responseCode });
    }
  },
};
