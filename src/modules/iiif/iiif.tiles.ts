import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/**
 * Static IIIF Image API 3 tiles (level 0), made once per page image with sharp and kept on disk beside
 * the blob store: `<data dir>/iiif/<aa>/<image sha256>/info.json` and
 * `.../{region}/{size}/0/default.jpg`. They are keyed by the page image's SHA-256, so an image shared
 * by two documents is tiled once, and a page rendered again (a new pipeline version) gets new tiles.
 */

export const tileEdge = 512;

// A decompression bomb must fail, not take the process down (page images are at most 2,000 px anyway).
const limitInputPixels = 200_000_000;

const sha256Pattern = /^[0-9a-f]{64}$/;

/** The `id` written at tiling time; routes replace it with the public address of the image. */
export const placeholderImageId = 'urn:chancery:iiif-image';

export type TileStore = {
  /** Whether the tiles of this page image are on disk. */
  has(imageSha256: string): boolean;
  /**
   * Makes the tiles of a page image unless they exist. Concurrent calls for one image share the work;
   * a crash half-way leaves only a temporary folder, never a half-filled tile set.
   */
  ensure(imageSha256: string, readImage: () => Promise<Buffer>): Promise<void>;
  /** The stored info.json, with the sizes of the whole-image renditions added. */
  info(imageSha256: string): Promise<Record<string, unknown> | undefined>;
  /** The absolute path of a file inside an image's tile set, from already validated path segments. */
  tilePath(imageSha256: string, segments: string[]): string;
};

export function createTileStore(root: string): TileStore {
  const inFlight = new Map<string, Promise<void>>();
  const folderOf = (sha: string) => {
    if (!sha256Pattern.test(sha)) throw new Error('not a SHA-256');
    return path.join(root, sha.slice(0, 2), sha);
  };
  const has = (sha: string) => fs.existsSync(path.join(folderOf(sha), 'info.json'));

  async function make(sha: string, readImage: () => Promise<Buffer>): Promise<void> {
    const incoming = path.join(root, '.incoming', `${sha}-${randomBytes(6).toString('hex')}`);
    await fsp.mkdir(incoming, { recursive: true });
    try {
      // libvips writes the tile set into a folder named after the output, and a properties file beside it.
      const built = path.join(incoming, sha);
      await sharp(await readImage(), { limitInputPixels })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82 })
        .tile({ layout: 'iiif3', size: tileEdge, id: placeholderImageId })
        .toFile(built);
      await addFullSizes(built);
      const target = folderOf(sha);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      try {
        await fsp.rename(built, target);
      } catch (error) {
        // Another process finished the same tiles first: theirs are as good as ours.
        const code = (error as NodeJS.ErrnoException).code;
        if (!(code === 'EEXIST' || code === 'ENOTEMPTY') || !has(sha)) throw error;
      }
    } finally {
      await fsp.rm(incoming, { recursive: true, force: true });
    }
  }

  return {
    has,
    ensure(sha, readImage) {
      if (has(sha)) return Promise.resolve();
      let pending = inFlight.get(sha);
      if (!pending) {
        pending = make(sha, readImage).finally(() => inFlight.delete(sha));
        inFlight.set(sha, pending);
      }
      return pending;
    },
    async info(sha) {
      try {
        return JSON.parse(await fsp.readFile(path.join(folderOf(sha), 'info.json'), 'utf8'));
      } catch {
        return undefined;
      }
    },
    tilePath: (sha, segments) => path.join(folderOf(sha), ...segments),
  };
}

/**
 * libvips renders the whole image at the smallest scale under `full/{w},{h}/`; listing such renditions
 * in `sizes` lets a level-0 client (Mirador's thumbnails, a viewer's first paint) use them.
 */
async function addFullSizes(folder: string): Promise<void> {
  const infoFile = path.join(folder, 'info.json');
  const info = JSON.parse(await fsp.readFile(infoFile, 'utf8')) as Record<string, unknown>;
  const entries = await fsp.readdir(path.join(folder, 'full')).catch(() => [] as string[]);
  const sizes = entries
    .map((name) => /^(\d+),(\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ width: Number(m[1]), height: Number(m[2]) }))
    .sort((a, b) => a.width - b.width);
  if (sizes.length > 0) info.sizes = sizes;
  await fsp.writeFile(infoFile, JSON.stringify(info));
}

/** Where the tiles of an archive live: beside its blobs in the data directory. */
export const tilesRootOf = (dataDir: string) => path.join(dataDir, 'iiif');
