import { primaryLanguage } from '../../../shared/languages.ts';

/** Languages written right to left, by primary subtag (Arabic, Persian, Urdu, Pashto, Hebrew, Yiddish, Syriac, Dhivehi, Uyghur in Arabic script). */
const rightToLeft = new Set(['ar', 'fa', 'ur', 'ps', 'he', 'yi', 'syr', 'dv', 'ug', 'ku', 'sd']);

/**
 * The `dir` of a text in a language: `rtl` for scripts written right to left, else `ltr`. A script
 * subtag wins (`ug-Cyrl` and `ku-Latn` are left to right, `az-Arab` right to left).
 */
export function textDirection(language: string | null | undefined): 'ltr' | 'rtl' {
  if (!language) return 'ltr';
  const script = /-([A-Za-z]{4})(?:-|$)/.exec(language)?.[1]?.toLowerCase();
  if (script) return ['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm'].includes(script) ? 'rtl' : 'ltr';
  return rightToLeft.has(primaryLanguage(language)) ? 'rtl' : 'ltr';
}
