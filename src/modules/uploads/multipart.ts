import { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError } from '../../app/errors.ts';

/** A refused upload: the status says why (400 malformed, 413 too large, 415 wrong type, 422 unusable). */
export class UploadProblem extends AppError {
  constructor(
    status: 400 | 413 | 415 | 422,
    message: string,
    readonly field: string = 'file',
  ) {
    super(
      status === 413 ? 'uploads.too_large' : status === 415 ? 'uploads.unsupported_type' : 'uploads.invalid',
      status,
      message,
    );
  }
}

export type IncomingFile = {
  /** The file's bytes as they arrive; read it once. */
  stream: Readable;
  /** The name the browser sent: for display only, never a path. */
  fileName: string;
};

/** Largest ordinary field (a label, a language): forms with long text go through the urlencoded editor. */
const maxFieldBytes = 64 * 1024;

/**
 * Reads a multipart form as a stream: fields are collected, and the one file field (`file`) is handed
 * to `onFile` while it is still arriving, so a 200 MB scan passes through without being held in
 * memory. Fields must come before the file (browsers send them in page order); `onFile` gets those.
 * When `onFile` refuses the file, reading stops at once and its error is thrown.
 */
export async function readMultipart<T>(
  request: Request,
  onFile: (fields: Record<string, string>, file: IncomingFile) => Promise<T>,
): Promise<{ fields: Record<string, string>; file: T | undefined }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.startsWith('multipart/form-data') || !request.body) {
    throw new UploadProblem(400, 'Send the file from the upload form (multipart/form-data).');
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // The name as sent, folders and all, so that a crafted one is refused rather than trimmed.
      preservePath: true,
      // Browsers send the file name as raw UTF-8 bytes (Cyrillic and Chinese names are common here).
      defParamCharset: 'utf8',
      limits: { fields: 30, fieldSize: maxFieldBytes, fieldNameSize: 100, parts: 40, files: 1 },
    });
  } catch {
    throw new UploadProblem(400, 'The upload form was not understood (no multipart boundary).');
  }
  const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);

  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let handling: Promise<T> | undefined;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      source.destroy();
      parser.destroy();
      // The file handler sees its stream end and removes what it had begun to store; answering only
      // after that (or after a short wait) means a refused upload has left nothing behind.
      const cleanedUp = (handling ?? Promise.resolve()).catch(() => undefined);
      const patience = new Promise((resolve) => setTimeout(resolve, 5000).unref());
      void Promise.race([cleanedUp, patience]).then(() => reject(error));
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) {
        fail(new UploadProblem(413, `The field “${name.slice(0, 40)}” is too long.`, name));
        return;
      }
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      // A cut-off upload makes the part's stream error; the handler hears it through its reads, and
      // this listener keeps an error nobody reads any more from ending the process.
      stream.on('error', () => {});
      if (handling || name !== 'file') {
        stream.resume();
        return;
      }
      handling = onFile({ ...fields }, { stream, fileName: info.filename ?? '' });
      handling.catch((error) => {
        stream.resume();
        fail(error);
      });
    });
    parser.on('partsLimit', () => fail(new UploadProblem(400, 'The upload form has too many parts.')));
    parser.on('fieldsLimit', () => fail(new UploadProblem(400, 'The upload form has too many fields.')));
    parser.on('error', () => fail(new UploadProblem(400, 'The upload was cut off or is not a valid form.')));
    parser.on('close', () => {
      if (settled) return;
      (handling ?? Promise.resolve(undefined)).then((file) => {
        if (settled) return;
        settled = true;
        resolve({ fields, file });
      }, fail);
    });
    source.on('error', () => fail(new UploadProblem(400, 'The upload was interrupted.')));
    source.pipe(parser);
  });
}

/**
 * Splits the first bytes off a stream (to decide its type) and gives back a stream of the whole,
 * those bytes included, that fails with a 413 once more than `maxBytes` have passed.
 */
export async function openWithHead(
  stream: Readable,
  headBytes: number,
  maxBytes: number,
  tooLarge: string,
): Promise<{ head: Buffer; whole: Readable }> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first: Buffer[] = [];
  let length = 0;
  while (length < headBytes) {
    const next = await iterator.next();
    if (next.done) break;
    first.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(first).subarray(0, headBytes);
  async function* everything() {
    let seen = 0;
    const pass = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) throw new UploadProblem(413, tooLarge);
      return chunk;
    };
    for (const chunk of first) yield pass(chunk);
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield pass(next.value);
    }
  }
  return { head, whole: Readable.from(everything(), { objectMode: false }) };
}

/** Collects a (bounded) stream into memory, for text sources that must be read whole to convert. */
export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
