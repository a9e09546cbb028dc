import { inflateSync } from 'node:zlib';

/**
 * Unpacks a WOFF 1.0 font into the plain TrueType/OpenType file it wraps. fontkit can read WOFF itself,
 * but it inflates every table with a JavaScript decoder each time a font is opened, which made one
 * Chinese page take seconds; Node's native zlib does the same work once, in milliseconds.
 * Layout of both formats: https://www.w3.org/TR/WOFF/ and the OpenType "table directory".
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const input = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 font (no "wOFF" signature)');
  const flavor = input.getUint32(4);
  const numTables = input.getUint16(12);

  const tables = Array.from({ length: numTables }, (_, index) => {
    const entry = 44 + index * 20;
    const offset = input.getUint32(entry + 4);
    const compressedLength = input.getUint32(entry + 8);
    const length = input.getUint32(entry + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    const data = compressedLength < length ? new Uint8Array(inflateSync(stored)) : stored;
    if (data.byteLength !== length) throw new Error('a WOFF table does not inflate to its declared length');
    return { tag: input.getUint32(entry), checksum: input.getUint32(entry + 16), data };
  });

  const headerLength = 12 + numTables * 16;
  const padded = (length: number) => (length + 3) & ~3;
  const total = tables.reduce((sum, table) => sum + padded(table.data.byteLength), headerLength);
  const output = new Uint8Array(total);
  const view = new DataView(output.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, flavor);
  view.setUint16(4, numTables);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, numTables * 16 - searchRange);
  let offset = headerLength;
  for (const [index, table] of tables.entries()) {
    const record = 12 + index * 16;
    view.setUint32(record, table.tag);
    view.setUint32(record + 4, table.checksum);
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, table.data.byteLength);
    output.set(table.data, offset);
    offset += padded(table.data.byteLength);
  }
  return output;
}
