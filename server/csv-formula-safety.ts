// SECURITY: the one rule that keeps an exported CSV cell from running as a spreadsheet formula (CSV injection, see
// OWASP "CSV Injection"). Every text cell of every export goes through it (server/csv-export.ts applies formulaSafeSql
// to each text column; server/rest/csv.ts applies neutralizeFormula to rows built in JavaScript and to headers), so
// the rule lives here and nowhere else:
//
//   a cell whose first character is one of FORMULA_LEADS is prefixed with a single quote ('), which spreadsheets
//   show as text — except a whole E.164 phone number (`+`, then 2 to 15 digits, the first not 0, e.g. +15125550142),
//   which no spreadsheet runs as anything but a number and is exported as it is. Numbers are not text.
//
// Exports written by PostgreSQL use formulaSafeSql; rows built in JavaScript (contacts) use neutralizeFormula.
//
// The leads are csv-stringify's `escape_formulas` set (the library the exports used before they moved into SQL):
// = + - @, tab and carriage return, and the full-width ＝ ＋ － ＠ that Apple Numbers normalizes to them.
import { Prisma } from './generated/prisma/client';

export const FORMULA_LEADS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'] as const;

/** A phone number in E.164: `+`, then 2 to 15 digits, the first not 0; exported without the quote. */
export const E164_PHONE = /^\+[1-9][0-9]{1,14}$/;

const LEAD_CODE_POINTS = FORMULA_LEADS.map((c) => c.codePointAt(0)!).join(', ');
// The same pattern in PostgreSQL's regular-expression syntax (ARE), checked against E164_PHONE by the tests.
const E164_PHONE_SQL = `'^\\+[1-9][0-9]{1,14}$'`;

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

export type CsvCell = string | number | null | undefined;

/** The same rule for a cell built in JavaScript: text starting like a formula gets the quote; numbers and empty cells stay as they are. */
export function neutralizeFormula(cell: CsvCell): CsvCell {
  if (typeof cell !== 'string' || !cell) return cell;
  return (FORMULA_LEADS as readonly string[]).includes(String.fromCodePoint(cell.codePointAt(0)!)) && !E164_PHONE.test(cell) ? `'${cell}` : cell;
}

/** A text cell as the export writes it (NULL as empty): the oracle the tests hold the SQL to. */
export function formulaSafe(cell: string | null): string {
  return cell ? String(neutralizeFormula(cell)) : '';
}
