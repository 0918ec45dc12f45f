// CSV downloads: UTF-8 with a byte-order mark so spreadsheets read accents right, a header row (csv-stringify, the
// csv project's writer), then the rows' bytes exactly as the export wrote them — formula-safe and with local times
// already (server/csv-export.ts, server/csv-formula-safety.ts).
import { stringify } from 'csv-stringify/sync';
import type { CsvExport } from '../csv-export';
import type { ApiResponse } from './respond';

/**
 * Waits for the first rows (or the end) before answering, so an export that fails before its first byte is still a
 * problem+json error rather than a cut-off download. Then pull-based: the next chunk is asked for only when the client
 * has read the last (highWaterMark 0), and a client that goes away stops the export.
 */
export async function csvStream(data: CsvExport): Promise<ReadableStream<Uint8Array>> {
  const chunks = data.body[Symbol.asyncIterator]();
  const first = await chunks.next();
  const header = new TextEncoder().encode(stringify([], { bom: true, header: true, columns: data.columns, eof: true }));
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(header);
        if (first.done) controller.close();
        else controller.enqueue(first.value);
      },
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
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
