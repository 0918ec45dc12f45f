// CSV downloads: UTF-8 with a byte-order mark so spreadsheets read accents right, a header row (csv-stringify, the
// csv project's writer), then the rows: either the bytes PostgreSQL wrote — formula-safe and with local times already
// (server/csv-export.ts) — as they were written, or batches of cells built in JavaScript, written by csv-stringify
// with every cell through neutralizeFormula (server/csv-formula-safety.ts, the one place that rule lives).
import { stringify } from 'csv-stringify/sync';
import type { CsvExport } from '../csv-export';
import { neutralizeFormula, type CsvCell } from '../csv-formula-safety';
import type { ApiResponse } from './respond';

export { neutralizeFormula };

/** Chunks handed to the response are gathered to at least this size: fewer, larger writes to the socket. */
const CHUNK_BYTES = 64 * 1024;
/** How far the export may read ahead of the client: enough to keep the database and the socket busy at once. */
const READ_AHEAD_BYTES = 256 * 1024;

// Formulas are defused by neutralizeFormula, not by csv-stringify's escape_formulas (which would quote phone numbers).
const OPTIONS = { eof: true } as const;

/** Batches of cells as CSV bytes, one chunk per batch. */
async function* rowsAsCsv(batches: AsyncIterable<CsvCell[][]>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const rows of batches) {
    if (rows.length > 0) yield encoder.encode(stringify(rows.map((row) => row.map(neutralizeFormula)), OPTIONS));
  }
}

/**
 * Waits for the first rows (or the end) before answering, so an export that fails before its first byte is still a
 * problem+json error rather than a cut-off download. Then pull-based with a bounded read-ahead: the export is read
 * only while less than READ_AHEAD_BYTES wait for the client, so memory stays flat whatever the row count and a
 * slow client slows the database; a client that goes away stops the export.
 */
export async function csvStream(data: CsvExport): Promise<ReadableStream<Uint8Array>> {
  const chunks = ('body' in data ? data.body : rowsAsCsv(data.batches))[Symbol.asyncIterator]();
  const first = await chunks.next();
  // Headers can come from a user's file (an import's error report): they are cells like any other.
  const columns = data.columns.map((c) => String(neutralizeFormula(c)));
  const header = new TextEncoder().encode(stringify([], { ...OPTIONS, bom: true, header: true, columns }));
  let done = first.done === true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(header);
        if (first.done) controller.close();
        else controller.enqueue(first.value);
      },
      async pull(controller) {
        const parts: Uint8Array[] = [];
        let size = 0;
        while (!done && size < CHUNK_BYTES) {
          const next = await chunks.next();
          if (next.done) done = true;
          else {
            parts.push(next.value);
            size += next.value.byteLength;
          }
        }
        if (size > 0) controller.enqueue(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size));
        if (done) controller.close();
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: READ_AHEAD_BYTES }),
  );
}

export async function csvResponse(data: CsvExport, baseName: string): Promise<ApiResponse> {
  const day = new Date().toISOString().slice(0, 10);
  return {
    status: 200,
    raw: await csvStream(data),
    contentType: 'text/csv; charset=utf-8',
    headers: { 'Content-Disposition': `attachment; filename="${baseName}-${day}.csv"` },
  };
}
