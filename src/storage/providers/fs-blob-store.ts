import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type BlobStore, isSha256 } from '../blob-store.ts';

/**
 * Blobs on the local filesystem under `<root>/ab/cd/<sha256>`. Writes go to a temporary file in the
 * same directory tree and are renamed into place, so a crash never leaves a partial file under a
 * valid name.
 */
export function createFsBlobStore({ root }: { root: string }): BlobStore {
  const pathOf = (sha256: string) => {
    if (!isSha256(sha256)) throw new Error('Not a SHA-256 digest');
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  return {
    async put(input) {
      const tmpDir = path.join(root, 'tmp');
      await fsp.mkdir(tmpDir, { recursive: true });
      const tmpFile = path.join(tmpDir, randomUUID());
      const hash = createHash('sha256');
      let byteSize = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          byteSize += chunk.length;
          callback(null, chunk);
        },
      });
      const source = input instanceof Uint8Array ? Readable.from([Buffer.from(input)]) : input;
      try {
        await pipeline(source, measure, fs.createWriteStream(tmpFile, { flags: 'wx' }));
        const sha256 = hash.digest('hex');
        const finalPath = pathOf(sha256);
        await fsp.mkdir(path.dirname(finalPath), { recursive: true });
        await fsp.rename(tmpFile, finalPath);
        return { sha256, byteSize };
      } catch (error) {
        await fsp.rm(tmpFile, { force: true });
        throw error;
      }
    },
    async open(sha256) {
      if (!isSha256(sha256)) return undefined;
      try {
        const handle = await fsp.open(pathOf(sha256), 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async has(sha256) {
      return (await this.size(sha256)) !== undefined;
    },
    async size(sha256) {
      if (!isSha256(sha256)) return undefined;
      try {
        return (await fsp.stat(pathOf(sha256))).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(sha256) {
      if (!isSha256(sha256)) return;
      await fsp.rm(pathOf(sha256), { force: true });
    },
  };
}
