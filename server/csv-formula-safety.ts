// SECURITY: the one rule that keeps an exported CSV cell from running as a spreadsheet formula (CSV injection, see
// OWASP "CSV Injection"). Every text cell of every export goes through `formulaSafeSql` (server/csv-export.ts applies
// it to each text column), so the rule lives here and nowhere else:
//
//   a cell whose first character is one of FORMULA_LEADS is prefixed with a single quote ('), which spreadsheets
//   show as text — except an E.164 phone number (`+` followed only by digits, e.g. +15125550142), which no
//   spreadsheet runs as anything but a number and is exported as it is.
//
// The leads are csv-stringify's `escape_formulas` set (the library the exports used before they moved into SQL):
// = + - @, tab and carriage return, and the full-width ＝ ＋ － ＠ that Apple Numbers normalizes to them.
import { Prisma } from './generated/prisma/client';

export const FORMULA_LEADS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'] as const;

/** `+` and then only digits: a phone number in E.164, exported without the quote. */
export const E164_PHONE = /^\+[0-9]+$/;

const LEAD_CODE_POINTS = FORMULA_LEADS.map((c) => c.codePointAt(0)!).join(', ');
// The same pattern in PostgreSQL's regular-expression syntax (ARE), checked against E164_PHONE by the tests.
const E164_PHONE_SQL = `'^\\+[0-9]+$'`;

/**
 * The cell as the export writes it, in SQL, for a text expression: NULL and '' stay empty; a formula lead gets the
 * quote unless the whole cell is an E.164 number. `ascii()` reads the first character's code point without copying
 * the string, so cells that start otherwise (nearly all) cost one integer comparison.
 */
export function formulaSafeSql(text: Prisma.Sql): Prisma.Sql {
  // Parenthesized: an operand such as c.vehicle->>'make' must not bind to the || or ~ around it.
  const x = Prisma.sql`(${text})`;
  return Prisma.sql`(CASE WHEN ascii(${x}) NOT IN (${Prisma.raw(LEAD_CODE_POINTS)}) THEN nullif(${x}, '')
    WHEN ${x} ~ ${Prisma.raw(E164_PHONE_SQL)} THEN ${x} ELSE '''' || ${x} END)`;
}

/** The same rule for a cell built in JavaScript (tests use it as the oracle for the SQL). */
export function formulaSafe(cell: string | null): string {
  if (!cell) return '';
  return (FORMULA_LEADS as readonly string[]).includes(String.fromCodePoint(cell.codePointAt(0)!)) && !E164_PHONE.test(cell) ? `'${cell}` : cell;
}
