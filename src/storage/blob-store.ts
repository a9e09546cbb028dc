import type { Readable } from 'node:stream';

/**
 * Where files live. Content-addressed: a file's key is the SHA-256 of its bytes, so storing the same
 * scan twice keeps one copy and a key can never point at changed content. Other stores (S3) implement
 * this same contract; `blob-store.contract.ts` is the test suite every provider must pass.
 */
export type BlobStore = {
  /** Streams the input into the store and returns its digest and size. Never buffers the whole file. */
  put(input: Readable | Uint8Array): Promise<{ sha256: string; byteSize: number }>;
  /** Opens a stored file for reading, or undefined when it is not stored. */
  open(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
  size(sha256: string): Promise<number | undefined>;
  delete(sha256: string): Promise<void>;
};

export const isSha256 = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
