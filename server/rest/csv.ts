// CSV responses streamed batch by batch with csv-stringify (the csv project's writer): UTF-8 with a byte-order mark so
// spreadsheets read accents right, a header row, and every cell that a spreadsheet would run as a formula (starting
// with =, +, -, @, tab or CR) prefixed with a quote.
import { stringify } from 'csv-stringify/sync';
import type { ApiResponse } from './respond';

export type CsvCell = string | number | null | undefined;
/** The rows come in batches (a cursor's reads): one batch becomes one chunk of the response. */
export type CsvExport = { columns: string[]; batches: AsyncIterable<CsvCell[][]> };

const OPTIONS = { escape_formulas: true, eof: true } as const;

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
        controller.enqueue(encoder.encode(stringify([], { ...OPTIONS, bom: true, header: true, columns: data.columns })));
      },
      async pull(controller) {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(stringify(next.value, OPTIONS)));
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
