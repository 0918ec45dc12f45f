// Kannel's sendsms HTTP interface: GET http://{host}:{port}{path}?username&password&from&to&text[&coding=2&charset=UTF-8]
// [&dlr-mask&dlr-url]. Kannel answers 202 "0: Accepted for delivery" (200 "Sent." from older boxes), 403 for bad
// credentials, 503 "3: Temporal failure, try again later." when its queue is full. It returns no message id: the
// delivery-report URL carries the spool id instead.
import { gatewayRequest, refusalOf } from './gateway-request';
import { ProviderError, timeoutMsOf, withPrefix, type ProviderAdapter } from './provider-adapter';

const GSM_BASIC = /^[\n\r !"#$%&'()*+,\-./0-9:;<=>?@A-Z_a-z£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉÄÖÑÜ§¿äöñüà^{}\\[\]~|€]*$/;

export const kannelAdapter: ProviderAdapter = {
  type: 'kannel',
  services: ['sms'],
  async send(config, message, { signal }) {
    if (message.service !== 'sms') throw new ProviderError(`Kannel carries SMS only, not ${message.service}`, 'failed');
    const url = new URL(`http://${config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host}:${config.port ?? 13013}${config.settings.path ?? '/cgi-bin/sendsms'}`);
    const text = message.text ?? '';
    const q = url.searchParams;
    q.set('username', config.username);
    q.set('password', config.password ?? '');
    q.set('from', message.from);
    q.set('to', withPrefix(config, message.to));
    q.set('text', text);
    if (!GSM_BASIC.test(text)) {
      q.set('coding', '2');
      q.set('charset', 'UTF-8');
    }
    if (message.receiptUrl) {
      q.set('dlr-mask', String(config.settings.dlrMask ?? 31));
      // Kannel fills %d (the report type) and %A (the SMSC's answer) when it fetches this URL.
      q.set('dlr-url', `${message.receiptUrl}${message.receiptUrl.includes('?') ? '&' : '?'}type=%d&answer=%A`);
    }
    const res = await gatewayRequest({ url, method: 'GET', what: 'Kannel', timeoutMs: timeoutMsOf(config), signal });
    const answer = res.body.trim().slice(0, 200);
    const refused = refusalOf(res, 'Kannel', answer);
    if (refused) throw refused;
    // SECURITY: the request URL holds the password; only Kannel's answer is kept.
    return { messageId: null, status: /^0:|^Sent/i.test(answer) ? 'accepted' : answer || 'accepted', response: { httpStatus: res.status, answer }, connectedAt: res.connectedAt };
  },
};
