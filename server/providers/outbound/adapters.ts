// Which adapter speaks each provider type.
import { httpAdapter } from './http-adapter';
import { kannelAdapter } from './kannel-adapter';
import type { ProviderAdapter, ProviderType } from './provider-adapter';
import { sinkAdapter } from './sink-adapter';
import { smtpAdapter } from './smtp-adapter';
import { twilioAdapter } from './twilio-adapter';

export const ADAPTERS: Record<ProviderType, ProviderAdapter> = { smtp: smtpAdapter, twilio: twilioAdapter, http: httpAdapter, kannel: kannelAdapter, sink: sinkAdapter };
