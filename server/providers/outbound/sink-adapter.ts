// The built-in sink: a provider that delivers nothing outside. What it is given — an SMS, an email, a call's words or
// recording, a fax — is kept in PostgreSQL (SinkMessage, the provider's organization) and shown at /dev/sink; an email is
// also put in the development mailbox (/dev/mail). For demos and trying campaigns out without a gateway: it goes through
// the same transmissions, spools and provider choice as any other type. The spool id is its identity, so an attempt
// sent again after a crash is kept once; what it keeps is delivered, so it records delivery as a receipt would.
import { db } from '../../db';
import { keepInSink } from '../../domain/providers/sink-messages';
import { ProviderError, withPrefix, type ProviderAdapter } from './provider-adapter';

export const sinkAdapter: ProviderAdapter = {
  type: 'sink',
  services: ['sms', 'email', 'voice', 'fax'],
  async send(config, message) {
    const kept = await keepInSink(db, {
      providerId: config.id,
      spoolId: message.spoolId,
      service: message.service,
      from: message.from,
      to: message.service === 'email' ? message.to : withPrefix(config, message.to),
      subject: message.subject ?? null,
      text: message.service === 'voice' ? (message.say ?? '') : (message.text ?? ''),
      html: message.html ?? null,
      playUrl: message.playUrl ?? null,
      attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.content.length })),
    });
    if (!kept) throw new ProviderError('The sink provider was deleted while it was sending', 'failed');
    const readAt = kept.emailMessageId ? `/dev/mail/${kept.emailMessageId}` : '/dev/sink';
    return { messageId: kept.id, status: 'delivered', response: { kept: kept.id, readAt, ...(kept.again && { keptBefore: true }) }, connectedAt: new Date() };
  },
};
