import { decodeVin } from '@/server/domain/vehicles/decode-vin';
import { ok } from '@/server/rest/respond';
import { withApi } from '@/server/rest/with-api';
import { otherMethods } from '@/server/rest/other-methods';

// GET /api/v1/vin/{vin} – offline decode: validity (check digit), manufacturer, country, make, model and year
export const GET = withApi<'public', { vin: string }>({ access: 'public' }, async ({ params }) => ok(await decodeVin(params.vin), { 'Cache-Control': 'public, max-age=86400' }));

// Every other method – 405 problem+json with Allow; OPTIONS lists the allowed ones
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods({ GET });
