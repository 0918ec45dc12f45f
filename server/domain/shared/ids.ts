// What our ids look like (UUIDs), so a path segment that cannot be one is answered without a database round trip.
export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
