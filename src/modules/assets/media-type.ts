/**
 * The type of a file, decided by its first bytes and never by its name: a script renamed `.pdf` is
 * not a PDF. Returns undefined for anything we do not accept as a scan or text source.
 */
export function sniffMediaType(head: Uint8Array): string | undefined {
  const startsWith = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  const ascii = (offset: number, text: string) =>
    [...text].every((ch, i) => head[offset + i] === ch.charCodeAt(0));
  if (ascii(0, '%PDF-')) return 'application/pdf';
  if (startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (startsWith(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (startsWith(0x49, 0x49, 0x2a, 0x00) || startsWith(0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) return 'application/zip';
  return undefined;
}

export const scanMediaTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/gif',
  'image/webp',
];

const extensions: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'text/html': 'html',
  'text/plain': 'txt',
};

export const extensionFor = (mediaType: string): string => extensions[mediaType] ?? 'bin';

/** Browsers can show these inline; anything else is served as a download. */
export const isInlineSafe = (mediaType: string): boolean =>
  mediaType === 'application/pdf' || (mediaType.startsWith('image/') && mediaType !== 'image/svg+xml');
