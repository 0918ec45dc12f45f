'use client';
// Importing a CSV file into a group: drop or choose a file, see its first rows with the field each column fills
// (matched from the headers, changeable), import, then the report — with the lines that were not imported, and a
// download of them — or, for a large file, a progress bar fed by import.progress events.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { uploadFile, UploadError } from '@/components/media/upload-file';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { Select } from '@/components/ui/select';
import { TableScroller } from '@/components/ui/table-scroller';
import { CONTACT_FIELDS, type ContactField } from '@/server/domain/contacts/contact.schema';
import { FIELD_LABELS } from '@/server/domain/contacts/import/column-mapping';
import type { ImportReportDto } from '@/server/domain/contacts/import/import.schema';
import { UploadIcon } from './icons';

type Stage =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string; fraction: number }
  | { kind: 'mapping'; fileName: string; uploadId: string }
  | { kind: 'done'; importId: string; report: ImportReportDto }
  | { kind: 'queued'; importId: string };

export function CsvImport({ organizationId, groupId }: { organizationId: string; groupId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [mapping, setMapping] = useState<Array<ContactField | null> | null>(null);
  const preview = useQuery(trpc.contacts.previewImport.queryOptions({ uploadId: stage.kind === 'mapping' ? stage.uploadId : '' }, { enabled: stage.kind === 'mapping', retry: false }));
  const start = useMutation(trpc.contacts.startImport.mutationOptions());
  const columns = mapping ?? preview.data?.mapping ?? [];

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setMapping(null);
    setStage({ kind: 'uploading', fileName: file.name, fraction: 0 });
    try {
      const blob = file.type ? file : new Blob([file], { type: 'text/csv' });
      const up = await uploadFile({ kind: 'csv', file: blob, organizationId, onProgress: (fraction) => setStage({ kind: 'uploading', fileName: file.name, fraction }) });
      setStage({ kind: 'mapping', fileName: file.name, uploadId: up.uploadId });
    } catch (e) {
      setError(e instanceof UploadError ? e.message : 'The file could not be uploaded; try again.');
      setStage({ kind: 'idle' });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void choose(e.dataTransfer.files[0]);
  };

  const run = async () => {
    if (stage.kind !== 'mapping') return;
    setError(null);
    try {
      const result = await start.mutateAsync({ uploadId: stage.uploadId, groupId, fileName: stage.fileName, columns });
      setStage(result.kind === 'report' ? { kind: 'done', importId: result.importId, report: result.report } : { kind: 'queued', importId: result.importId });
      await queryClient.invalidateQueries(trpc.contacts.pathFilter());
    } catch (e) {
      setError(readServerError(e).message);
    }
  };

  const reset = () => {
    setStage({ kind: 'idle' });
    setMapping(null);
    setError(null);
  };

  return (
    <Card aria-labelledby="import-title">
      <CardHeader
        id="import-title"
        title="Import contacts"
        description={<>A CSV file with a header row (First name, Phone, Email…; <a className="text-accent-700 underline underline-offset-2" href={`/${organizationId}/contacts/sample.csv`} download>download a sample</a>). Rows matching a contact by phone or email update it.</>}
      />
      <CardBody className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        {(stage.kind === 'idle' || stage.kind === 'uploading') && (
          <div
            onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            className={cx('flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-6 py-8 text-center transition-colors', dragging ? 'border-accent-500 bg-accent-50' : 'border-zinc-300 bg-zinc-50/60')}
          >
            <span className="text-zinc-500"><UploadIcon /></span>
            {stage.kind === 'uploading' ? (
              <div className="w-full max-w-sm space-y-2" role="status">
                <p className="text-sm text-zinc-700">Uploading {stage.fileName}…</p>
                <progress className="h-2 w-full accent-accent-600" value={stage.fraction} max={1} aria-label="Upload progress" />
              </div>
            ) : (
              <>
                <p className="text-sm text-zinc-700">Drop a CSV file here, or</p>
                <Button variant="secondary" onClick={() => input.current?.click()}>Choose a file</Button>
                <p className="text-xs text-zinc-500">UTF-8 or UTF-16, at most 50 MB. No row limit: large files import in the background.</p>
              </>
            )}
            <input ref={input} type="file" accept=".csv,text/csv" className="sr-only" aria-label="CSV file to import" onChange={(e) => { void choose(e.target.files?.[0]); e.target.value = ''; }} />
          </div>
        )}
        {stage.kind === 'mapping' && (
          preview.isError ? (
            <Alert tone="error">{readServerError(preview.error).message}</Alert>
          ) : !preview.data ? (
            <p className="text-sm text-zinc-500" role="status">Reading {stage.fileName}…</p>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-zinc-700">
                <span className="font-medium">{stage.fileName}</span>: the first rows, and the contact field each column fills. Change any that are wrong; “Leave out” skips a column.
              </p>
              <TableScroller label="Preview of the file">
                <table className="w-full text-left text-sm" aria-label="Preview of the file">
                  <thead>
                    <tr className="border-b border-zinc-100 align-bottom">
                      {preview.data.columns.map((header, i) => (
                        <th key={i} scope="col" className="min-w-40 px-3 py-2 font-medium">
                          <span className="mb-1 block truncate text-xs text-zinc-500" title={header}>{header || `Column ${i + 1}`}</span>
                          <label htmlFor={`map-${i}`} className="sr-only">Field for column {header || i + 1}</label>
                          <Select id={`map-${i}`} value={columns[i] ?? ''} onChange={(e) => { const next = [...columns]; next[i] = (e.target.value || null) as ContactField | null; setMapping(next); }} className="[&_select]:h-9">
                            <option value="">Leave out</option>
                            {CONTACT_FIELDS.map((f) => <option key={f} value={f}>{FIELD_LABELS[f]}</option>)}
                          </Select>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-100">
                    {preview.data.rows.map((row, r) => (
                      <tr key={r}>
                        {preview.data.columns.map((_, i) => <td key={i} className="max-w-48 truncate px-3 py-2 text-zinc-700">{row[i] ?? ''}</td>)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
            </div>
          )
        )}
        {stage.kind === 'done' && <ImportReport organizationId={organizationId} importId={stage.importId} report={stage.report} />}
        {stage.kind === 'queued' && <p className="text-sm text-zinc-700" role="status">This file is large, so it is being imported in the background. Its progress is shown below; you can leave this page.</p>}
      </CardBody>
      {stage.kind === 'mapping' && preview.data && (
        <CardFooter>
          <Button variant="secondary" onClick={reset}>Choose another file</Button>
          <Button busy={start.isPending} onClick={() => void run()}>Import</Button>
        </CardFooter>
      )}
      {(stage.kind === 'done' || stage.kind === 'queued') && (
        <CardFooter>
          <Button variant="secondary" onClick={reset}>Import another file</Button>
        </CardFooter>
      )}
    </Card>
  );
}

/** The counts of an import and the lines it did not import, with a CSV download of every one. */
export function ImportReport({ organizationId, importId, report }: { organizationId: string; importId: string; report: ImportReportDto }) {
  const stats = [
    ['Imported', report.imported],
    ['Updated', report.updated],
    ['Skipped', report.skipped],
    ['Not imported', report.errorCount],
  ] as const;
  return (
    <div className="space-y-3" aria-label="Import report" role="region">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map(([label, n]) => (
          <div key={label} className="rounded-lg bg-zinc-50 px-3 py-2">
            <dt className="text-xs text-zinc-500">{label}</dt>
            <dd className={cx('text-lg font-semibold tabular-nums', label === 'Not imported' && n > 0 ? 'text-red-700' : 'text-zinc-900')}>{n.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
      {report.errorCount > 0 && (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-sm font-semibold text-zinc-900">Lines not imported</h3>
            <a href={`/${organizationId}/contacts/imports/${importId}/errors.csv`} className="text-sm font-medium text-accent-700 underline underline-offset-2" download>
              Download them as CSV
            </a>
          </div>
          <TableScroller label="Lines not imported">
            <table className="w-full text-left text-sm" aria-label="Lines not imported">
              <thead className="border-b border-zinc-100 text-xs text-zinc-500">
                <tr><th scope="col" className="py-2 pr-4 font-medium">Line</th><th scope="col" className="py-2 font-medium">Why</th></tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {report.errors.map((e) => (
                  <tr key={e.line} className="align-top">
                    <td className="py-2 pr-4 tabular-nums text-zinc-700">{e.line}</td>
                    <td className="py-2 break-words text-zinc-700">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
          {report.errorCount > report.errors.length && <p className="text-xs text-zinc-500">The first {report.errors.length} of {report.errorCount.toLocaleString('en')} are listed; the download has them all.</p>}
        </div>
      )}
    </div>
  );
}
