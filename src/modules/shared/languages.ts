/**
 * Languages are stored as BCP 47 tags (`zh`, `ru`, `en`, `zh-Hant`), which is what HTML `lang`
 * attributes need. Archives and library systems often write ISO 639-2 codes (`chi`, `rus`, `eng`),
 * so those are accepted on the way in and mapped to the two-letter form.
 */
const iso6392ToBcp47: Record<string, string> = {
  ara: 'ar',
  chi: 'zh',
  zho: 'zh',
  cze: 'cs',
  ces: 'cs',
  dan: 'da',
  dut: 'nl',
  nld: 'nl',
  eng: 'en',
  fin: 'fi',
  fre: 'fr',
  fra: 'fr',
  ger: 'de',
  deu: 'de',
  gre: 'el',
  ell: 'el',
  heb: 'he',
  hin: 'hi',
  hun: 'hu',
  ind: 'id',
  ita: 'it',
  jpn: 'ja',
  kor: 'ko',
  mon: 'mn',
  nor: 'no',
  per: 'fa',
  fas: 'fa',
  pol: 'pl',
  por: 'pt',
  rum: 'ro',
  ron: 'ro',
  rus: 'ru',
  spa: 'es',
  swe: 'sv',
  tha: 'th',
  tib: 'bo',
  bod: 'bo',
  tur: 'tr',
  ukr: 'uk',
  uig: 'ug',
  vie: 'vi',
  kaz: 'kk',
  srp: 'sr',
  hrv: 'hr',
  bul: 'bg',
  alb: 'sq',
  sqi: 'sq',
};

const bcp47Pattern = /^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8})*$/;

/** Returns the canonical BCP 47 tag for a language code, or undefined when it is not one. */
export function normalizeLanguage(code: string): string | undefined {
  const trimmed = code.trim();
  if (trimmed === '') return undefined;
  const lower = trimmed.toLowerCase();
  const mapped = iso6392ToBcp47[lower];
  if (mapped) return mapped;
  if (!bcp47Pattern.test(trimmed.replace(/_/g, '-'))) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** English name of a language tag, for labels ("Chinese", "Russian"). */
export function languageName(tag: string): string {
  try {
    return displayNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The primary language subtag (`zh` for `zh-Hant`), which decides analysers and fonts. */
export const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/** Whether text in `tag` is foreign to an English page and so needs its own `lang` attribute. */
export const isForeignToPage = (tag: string | null | undefined): boolean =>
  tag !== null && tag !== undefined && primaryLanguage(tag) !== 'en';
