// The shapes of an upload as the domain takes it, whichever door it came through: a file streamed as it arrives, and
// the parts of a multipart/form-data body in the order sent. The doors produce them (server/rest/streamed-body.ts
// reads a request body into them); the domain only consumes them, so nothing in server/domain imports from a door.

/** A file as it arrives; `stream` fails with an AppError (400) if the body is cut off part-way. */
export type StreamedFile = { name: string; filename: string | null; contentType: string | null; stream: AsyncIterable<Uint8Array> };

/** One part of a multipart/form-data body: a text field (valid UTF-8, checked) or a file. */
export type Part = { kind: 'field'; name: string; value: string } | ({ kind: 'file' } & StreamedFile);
