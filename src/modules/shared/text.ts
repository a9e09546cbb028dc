/** Small text helpers shared by pages, importers and exporters. */

/** A URL-friendly form of a name: ASCII letters and digits where possible, other scripts kept. */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

export const nowIso = (): string => new Date().toISOString();
