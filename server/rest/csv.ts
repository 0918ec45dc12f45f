// CSV responses streamed row by row with csv-stringify (the csv project's writer): UTF-8 with a byte-order mark so
// spreadsheets read accents right, a header row, and every cell that a spreadsheet would run as a formula (starting
// with =, +, -, @, tab or CR) prefixed with a quote.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ApiResponse } from './respond';

export type CsvCell = string | number | null | undefined;
export type CsvExport = { columns: string[]; rows: AsyncIterable<CsvCell[]> };

export function csvStream(data: CsvExport): ReadableStream<Uint8Array> {
  const writer = stringify({ header: true, columns: data.columns, bom: true, escape_formulas: true });
  // Readable.from pulls from the domain's generator only as fast as the client reads: memory stays flat.
  const source = Readable.from(data.rows);
  source.on('error', (e) => writer.destroy(e));
  source.pipe(writer);
  return Readable.toWeb(writer) as ReadableStream<Uint8Array>;
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
