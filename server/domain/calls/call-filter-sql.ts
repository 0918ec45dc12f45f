// The filters of API.md §4 as one SQL where-clause per table. The calls and leads lists, their counts and their CSV
// exports all read through these, so a list and its export can never disagree about which rows match.
// Tables are aliased: `c` for calls; `l` for leads and `lc` for the call a lead came from (LEFT JOIN).
import { Prisma } from '../../generated/prisma/client';
import { containsPattern } from '../shared/list-filters';
import type { CallFilters } from './call-filters';

const anyOf = (column: Prisma.Sql, values: string[]) => Prisma.sql`${column} IN (${Prisma.join(values)})`;

type Columns = { table: Prisma.Sql; status: Prisma.Sql; phone: Prisma.Sql; firstName: Prisma.Sql; lastName: Prisma.Sql };

const CALL: Columns = {
  table: Prisma.raw('c'),
  status: Prisma.raw('c.status'),
  phone: Prisma.raw('c."customerPhone"'),
  firstName: Prisma.raw('c."customerFirstName"'),
  lastName: Prisma.raw('c."customerLastName"'),
};
// A lead's status filter is the status of the call it came from; a walk-in lead (no call) has none.
const LEAD: Columns = {
  table: Prisma.raw('l'),
  status: Prisma.raw('lc.status'),
  phone: Prisma.raw('l.phone'),
  firstName: Prisma.raw('l."firstName"'),
  lastName: Prisma.raw('l."lastName"'),
};

function filterSql(organizationId: string, f: CallFilters, col: Columns): Prisma.Sql {
  const t = col.table;
  const column = (name: string) => Prisma.sql`${t}.${Prisma.raw(`"${name}"`)}`;
  // SECURITY: the tenant scope is always the first condition.
  const and: Prisma.Sql[] = [Prisma.sql`${column('organizationId')} = ${organizationId}::uuid`];
  if (f.range.gte) and.push(Prisma.sql`${column('createdAt')} >= ${f.range.gte}`);
  if (f.range.lte) and.push(Prisma.sql`${column('createdAt')} <= ${f.range.lte}`);
  if (f.status) and.push(Prisma.sql`${col.status} IN (${Prisma.join(f.status.map((s) => Prisma.sql`${s}::"CallStatus"`))})`);
  if (f.carType) and.push(anyOf(column('carType'), f.carType));
  if (f.carMake) and.push(anyOf(column('carMake'), f.carMake));
  if (f.carModel) and.push(anyOf(column('carModel'), f.carModel));
  // A VIN filter is checked to be letters and digits, so a prefix needs no escaping.
  if (f.vin) and.push(f.vin.length === 17 ? Prisma.sql`${column('vin')} = ${f.vin}` : Prisma.sql`${column('vin')} LIKE ${`${f.vin}%`}`);
  if (f.dealerIds) and.push(Prisma.sql`${column('dealerId')} IN (${Prisma.join(f.dealerIds.map((id) => Prisma.sql`${id}::uuid`))})`);
  if (f.phoneDigits) and.push(Prisma.sql`${col.phone} LIKE ${containsPattern(f.phoneDigits)}`);
  for (const word of f.nameWords) and.push(Prisma.sql`(${col.firstName} ILIKE ${containsPattern(word)} OR ${col.lastName} ILIKE ${containsPattern(word)})`);
  return Prisma.join(and, ' AND ');
}

/** Conditions on `"Call" c` for one organization. */
export const callFilterSql = (organizationId: string, f: CallFilters) => filterSql(organizationId, f, CALL);

/** Conditions on `"Lead" l LEFT JOIN "Call" lc ON lc.id = l."callId"` for one organization. */
export const leadFilterSql = (organizationId: string, f: CallFilters) => filterSql(organizationId, f, LEAD);
