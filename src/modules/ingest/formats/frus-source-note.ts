import { squash } from './format.ts';

/**
 * A FRUS source note ("Source: Department of State, Central Files, 711.11-KE/1-2161. Secret; Niact.
 * Drafted by ...") split into what an archive record keeps in separate fields: where the original is
 * held, its reference there, its classification markings, and whether the printed text is a
 * translation (Khrushchev's letters are).
 */
export type SourceNote = {
  repository: string | null;
  archivalReference: string | null;
  classifications: string[];
  translation: { translator: string | null; label: string; originalLanguage: string | null } | null;
};

const levels = [
  'Top Secret',
  'Secret',
  'Confidential',
  'Restricted',
  'Limited Official Use',
  'Official Use Only',
  'Unclassified',
  'No classification marking',
];

/** Precedence tells how fast a telegram travels, not how secret it is: not a classification. */
const precedence =
  /^(niact|priority|routine|immediate|operational immediate|flash|emergency|immediate action|deferred|plain|opim|niact immediate)$/i;

const markingSentence = new RegExp(`(^|[.:]\\s*)((?:${levels.join('|')})\\b[^.]*)\\.(?=\\s|$|[A-Z“"])`, 'i');

/** Holding institutions as FRUS names them, with the name the archive's authority list uses. */
const repositories: [RegExp, string][] = [
  [/^Department of State\b/i, 'US Department of State'],
  [/^Central Intelligence Agency\b/i, 'Central Intelligence Agency'],
  [/^National Archives(?: and Records Administration)?\b/i, 'National Archives and Records Administration'],
  [/^Washington National Records Center\b/i, 'National Archives and Records Administration'],
  [/^Kennedy Library\b/i, 'John F. Kennedy Presidential Library'],
  [/^(?:Dwight D\. )?Eisenhower Library\b/i, 'Dwight D. Eisenhower Presidential Library'],
  [/^(?:Harry S\. )?Truman Library\b/i, 'Harry S. Truman Presidential Library'],
  [/^(?:Lyndon B\. )?Johnson Library\b/i, 'Lyndon B. Johnson Presidential Library'],
  [/^Library of Congress\b/i, 'Library of Congress'],
  [/^(?:Department of Defense|Washington National Records Center, RG 330)\b/i, 'US Department of Defense'],
];

export function parseSourceNote(noteText: string): SourceNote {
  const text = squash(noteText).replace(/^Source:\s*/i, '');
  const marking = markingSentence.exec(text);
  let reference: string;
  let classifications: string[] = [];
  if (marking) {
    reference = text.slice(0, marking.index).trim();
    classifications = marking[2]!
      .split(/[;,]/)
      .map((item) => squash(item))
      .filter((item) => item !== '' && !precedence.test(item))
      .filter((item) => !/^no classification marking/i.test(item) && !/^but\b/i.test(item))
      .map((item) => (item.length > 100 ? item.slice(0, 100) : item));
  } else {
    reference = firstSentence(text);
  }
  reference = reference.replace(/[.;,\s]+$/, '');

  let repository: string | null = null;
  let archivalReference: string | null = reference === '' ? null : reference;
  for (const [pattern, name] of repositories) {
    const match = pattern.exec(reference);
    if (!match) continue;
    repository = name;
    const rest = reference
      .slice(match[0].length)
      .replace(/^[\s,:]+/, '')
      .trim();
    // "Kennedy Library, National Security Files, ..." keeps the part after the institution; a bare
    // "Department of State" keeps the whole phrase so the reference is never empty.
    archivalReference = rest === '' ? reference : rest;
    break;
  }
  return {
    repository,
    archivalReference,
    classifications: [...new Set(classifications)],
    translation: findTranslation(text),
  };
}

/** The first sentence, not cut at abbreviations like "p. 476" or "U.S." or initials. */
function firstSentence(text: string): string {
  const end = /\.(?=\s+[A-Z“"(])(?<!\b(?:[A-Z]|p|pp|No|Vol|vol|U\.S|Dept|St|Jr|Mr|Mrs|Dr|ibid|Ibid))/.exec(
    text,
  );
  return end ? text.slice(0, end.index) : text;
}

/**
 * Whether the note says the printed text is a translation, and whose. Mentions of other
 * translations ("A slightly different translation is printed in ...") do not count.
 */
function findTranslation(text: string): SourceNote['translation'] {
  const statement =
    /\b(?:source text|this (?:message|letter|text|document)|the text)\b[^.]*?\b(?:is|was)\b[^.]*?\b(Department of State|Soviet|Russian|official|unofficial|informal|Embassy)?\s*translation\b/i.exec(
      text,
    ) ??
    /(?:bears the notation|this)\s+[“"](official|informal|unofficial|rough)\s+translation/i.exec(text) ??
    /translation as received from the (Russians|Soviets)/i.exec(text);
  if (!statement) return null;
  const kind = (statement[1] ?? '').toLowerCase();
  const soviet = /soviet|russian/i.test(kind) || /received from the (russians|soviets)/i.test(statement[0]);
  const state = kind === 'department of state' || /prepared in the Department of State/i.test(text);
  const translator = soviet ? 'Soviet Government' : state ? 'US Department of State' : null;
  const label = soviet
    ? 'English translation (Soviet)'
    : state
      ? 'English translation (Department of State)'
      : kind
        ? `English translation (${kind})`
        : 'English translation';
  const originalLanguage = /\b(Russian|Soviet|Moscow|Khrushchev)\b/i.test(text) ? 'ru' : null;
  return { translator, label, originalLanguage };
}
