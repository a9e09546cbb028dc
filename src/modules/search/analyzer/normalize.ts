/**
 * Text normalisation shared by indexing and queries: whatever is folded here is folded on both sides,
 * so a reader typing "Zhou Enlai", "ZHŌU ĒNLÁI" or "Хрущёв" finds what the archive spells otherwise.
 */

/**
 * Invisible characters that sit inside words (soft hyphen, zero-width joiners, word joiner, BOM).
 * PDF and OCR text is full of soft hyphens; treating them as separators would cut words in two.
 */
const IN_WORD_INVISIBLES = /\u00ad|\u200c|\u200d|\u2060|\ufeff/g;

/**
 * A word hyphenated across a line break ("пере-\nговоры", "negoti-\nations"), as typewritten and
 * OCR'd documents have on most pages. Joined only when both sides are lower-case letters, so that
 * "Sino-\nSoviet" stays two words; a compound broken at its own hyphen ("well-\nknown") is joined too,
 * which is the price of this dictionary-free rule.
 */
const LINE_END_HYPHEN = /(\p{Ll})[-\u00ad\u2010\u2011][ \t]*\r?\n\s*(?=\p{Ll})/gu;

/**
 * Combining marks removed after canonical decomposition: the generic diacritic blocks only, so that
 * Japanese voicing marks and Indic vowel signs (which change the letter, not its accent) survive.
 * The first alternative keeps the breve of Cyrillic й and ў: "й" is a letter of its own in Russian
 * and the Russian stemmer expects it, whereas ё folds to е (the diaeresis is in the removed block).
 */
const DIACRITICS =
  /(\u0438\u0306|\u0443\u0306)|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Letters that have no decomposition but that readers type without their stroke or ligature. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
};
const SPECIAL_LETTER = /[ßæœøđðłþıς]/g;

/** Anything beyond printable ASCII and ordinary whitespace takes the full (slower) path. */
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7e]/;

/**
 * Unicode NFKC, full-width and compatibility forms, case folding, diacritic folding (Zhōu → zhou,
 * Хрущёв → хрущев, Straße → strasse), words hyphenated at line ends joined. Punctuation, numbers
 * and line breaks are kept: splitting into words is the tokenizer's job. Idempotent.
 */
export function normalizeText(text: string): string {
  let result = text.includes('\n') ? text.replace(LINE_END_HYPHEN, '$1') : text;
  if (!NOT_PLAIN_ASCII.test(result)) return result.toLowerCase();

  result = result.normalize('NFKC').replace(IN_WORD_INVISIBLES, '').toLowerCase();
  result = result.replace(SPECIAL_LETTER, (letter) => SPECIAL_LETTERS[letter] ?? letter);
  return result.normalize('NFD').replace(DIACRITICS, '$1').normalize('NFC');
}
