import { CJK_CLASS, type Script, wordScript } from './script.ts';

/**
 * What a normalised text is made of, for the analyser: words (letters and digits of any script but
 * Han/kana) and Han/kana runs. Everything else separates: spaces, punctuation, symbols, emoji,
 * control characters. Hyphens and dots separate too, so an archival reference such as
 * "118-01767-01" gives the words 118, 01767 and 01 (leading zeros kept: they are part of the
 * reference), and "CIA-RDP80-00810A" gives cia, rdp80, 00810a. Queries are cut the same way, so the
 * reference typed whole is found as the phrase of its parts.
 */
export type Piece = { kind: 'word'; word: string; script: Script } | { kind: 'cjk'; run: string };

const WORD_CHAR = `[[\\p{L}\\p{N}\\p{M}]--${CJK_CLASS}]`;
const WORD_START = `[[\\p{L}\\p{N}]--${CJK_CLASS}]`;
const APOSTROPHE = `['\u2019\u02bc]`;

/**
 * Group 1 is a Han/kana run; otherwise a word, which may hold apostrophes between letters
 * (don't, O'Brien, Khrushchev's). Built with `new RegExp` because the `v` flag (set difference in
 * classes) is newer than the TypeScript target, though Node 20 runs it.
 */
const PIECE = new RegExp(`(${CJK_CLASS}+)|${WORD_START}${WORD_CHAR}*(?:${APOSTROPHE}${WORD_CHAR}+)*`, 'gv');

const HAS_APOSTROPHE = new RegExp(APOSTROPHE, 'u');
const APOSTROPHES = new RegExp(APOSTROPHE, 'gu');
const POSSESSIVE = new RegExp(`${APOSTROPHE}s$`, 'u');

/**
 * Longer words are cut: PostgreSQL refuses lexemes over 2 kB, and nothing longer than this is a word
 * anyone types (URLs and base64 blobs are what reach it). Queries are cut alike, so they still match.
 */
export const MAX_WORD_LENGTH = 80;

function cleanWord(raw: string, script: Script): string {
  let word = raw;
  if (HAS_APOSTROPHE.test(word)) {
    // English possessives go ("Enlai's" → enlai) so a quoted "Zhou Enlai" still matches; other
    // apostrophes join (don't → dont, O'Brien → obrien), as users type them either way.
    if (script === 'latin') word = word.replace(POSSESSIVE, '');
    word = word.replace(APOSTROPHES, '');
  }
  if (word.length > MAX_WORD_LENGTH) {
    const cut = word.charCodeAt(MAX_WORD_LENGTH - 1);
    // Never keep half of a surrogate pair.
    word = word.slice(0, cut >= 0xd800 && cut <= 0xdbff ? MAX_WORD_LENGTH - 1 : MAX_WORD_LENGTH);
  }
  return word;
}

/** Calls `visit` for each word and Han/kana run of a normalised text, in order. */
export function forEachPiece(normalized: string, visit: (piece: Piece) => void): void {
  for (const match of normalized.matchAll(PIECE)) {
    const run = match[1];
    if (run !== undefined) {
      visit({ kind: 'cjk', run });
      continue;
    }
    const script = wordScript(match[0]);
    const word = cleanWord(match[0], script);
    if (word !== '') visit({ kind: 'word', word, script });
  }
}
