import { normalizeLanguage } from '../../shared/languages.ts';
import { detectScript, type Script } from './script.ts';

/** What the analyser needs to know of a language tag: the language and the script it is written in. */
export type TextLanguage = {
  /** Primary language subtag (`zh` for `zh-Hant`), undefined when the tag is missing or invalid. */
  language: string | undefined;
  /** The script of the language (stated in the tag or the likely one: `sr` → Cyrillic). */
  script: Script | undefined;
};

const UNKNOWN: TextLanguage = { language: undefined, script: undefined };

const SCRIPT_BY_ISO15924: Readonly<Record<string, Script>> = {
  Latn: 'latin',
  Cyrl: 'cyrillic',
  Hans: 'han',
  Hant: 'han',
  Hani: 'han',
  Jpan: 'han',
};

/**
 * Tags repeat (a few per archive), and `Intl.Locale#maximize` is costly next to analysing a short
 * title, so answers are kept. The bound only guards against a caller passing arbitrary user input.
 */
const cache = new Map<string, TextLanguage>();
const CACHE_LIMIT = 1_000;

/**
 * Reads a BCP 47 tag (`en`, `ru-RU`, `zh-Hant`, `sr-Latn`; ISO 639-2 codes such as `rus` too).
 * A missing, empty, undetermined (`und`) or malformed tag gives an unknown language, never an error.
 */
export function resolveLanguage(tag: string | undefined | null): TextLanguage {
  if (tag === undefined || tag === null) return UNKNOWN;
  const known = cache.get(tag);
  if (known) return known;

  let resolved = UNKNOWN;
  // The shared helper maps ISO 639-2 codes (`rus`, `chi`); Intl copes with the rest (`EN`, `zh_CN`).
  const canonical = normalizeLanguage(tag) ?? tag.trim().replace(/_/g, '-');
  if (canonical !== '') {
    try {
      const locale = new Intl.Locale(canonical);
      const language = locale.language;
      if (language && language !== 'und') {
        const script = locale.maximize().script;
        resolved = { language, script: script ? (SCRIPT_BY_ISO15924[script] ?? 'other') : undefined };
      }
    } catch {
      // A tag that Intl rejects is treated like a missing one: text is still indexed by its scripts.
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(tag, resolved);
  return resolved;
}

const LANGUAGE_BY_SCRIPT: Readonly<Record<Script, string | undefined>> = {
  han: 'zh',
  cyrillic: 'ru',
  latin: 'en',
  other: undefined,
};

/**
 * A guess at the language of an untagged text from its main script, in this archive's terms:
 * Han → `zh`, Cyrillic → `ru`, Latin → `en`. Undefined for other scripts or text without letters.
 */
export function detectLanguage(text: string): string | undefined {
  const script = detectScript(text);
  return script === undefined ? undefined : LANGUAGE_BY_SCRIPT[script];
}
