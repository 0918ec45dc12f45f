// CSV responses streamed batch by batch with csv-stringify (the csv project's writer): UTF-8 with a byte-order mark so
// spreadsheets read accents right, a header row, and every cell that a spreadsheet would run as a formula defused by
// neutralizeFormula (the one place that rule lives).
import { stringify } from 'csv-stringify/sync';
import type { ApiResponse } from './respond';

export type CsvCell = string | number | null | undefined;
/** The rows come in batches (a cursor's reads): one batch becomes one chunk of the response. */
export type CsvExport = { columns: string[]; batches: AsyncIterable<CsvCell[][]> };

// Formulas are defused by neutralizeFormula, not by csv-stringify's escape_formulas (which would quote phone numbers).
const OPTIONS = { eof: true } as const;

/** A phone number in E.164: "+", then 2 to 15 digits, the first not 0. Nothing a spreadsheet could run. */
const E164 = /^\+[1-9]\d{1,14}$/;
/** What a spreadsheet treats as the start of a formula (or of a DDE payload): =, +, -, @, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * SECURITY: the formula-injection rule of every CSV export, in one place. A text cell starting like a formula (=, +,
 * -, @, tab, CR) is prefixed with a single quote, so a spreadsheet shows it as text instead of running it — except a
 * whole E.164 phone number ("+15125550142"), which is digits only and is exported as it is. Numbers are not text.
 */
export function neutralizeFormula(cell: CsvCell): CsvCell {
  if (typeof cell !== 'string' || !FORMULA_START.test(cell) || E164.test(cell)) return cell;
  return `'${cell}`;
}

const neutralized = (rows: CsvCell[][]) => rows.map((row) => row.map(neutralizeFormula));

/**
 * Pull-based end to end: the stream asks the domain for the next batch only when the client has read the last one
 * (highWaterMark 0), so a slow reader slows the database cursor instead of filling memory.
 */
export function csvStream(data: CsvExport): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = data.batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(stringify([], { ...OPTIONS, bom: true, header: true, columns: data.columns.map((c) => String(neutralizeFormula(c))) })));
      },
      async pull(controller) {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(stringify(neutralized(next.value), OPTIONS)));
      },
      async cancel() {
        // The client went away: stop the source (closes its cursor).
        await batches.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

export function csvResponse(data: CsvExport, baseName: string): ApiResponse {
  const day = new Date().toISOString().slice(0, 10);
  return {
    status: 200,
    raw: csvStream(data),
    contentType: 'text/csv; charset=utf-8',
    headers: { 'Content-Disposition': `attachment; filename="${baseName}-${day}.csv"` },
  };
}
