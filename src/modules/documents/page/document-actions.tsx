import type { FC } from 'hono/jsx';
import type { CitationPart, FormattedCitation } from '../../citations/citation-parts.ts';

/** Citation parts as markup: each part escaped by JSX, the title marked, the URL a link. */
export const CitationText: FC<{ parts: CitationPart[] }> = ({ parts }) => (
  <>
    {parts.map((part) =>
      part.role === 'url' ? (
        <a href={part.href ?? part.text}>{part.text}</a>
      ) : part.role ? (
        <span class={`citation-${part.role}`}>{part.italic ? <i>{part.text}</i> : part.text}</span>
      ) : part.italic ? (
        <i>{part.text}</i>
      ) : (
        part.text
      ),
    )}
  </>
);

/**
 * A button app.js brings to life; hidden without JavaScript, where the text stays selectable instead.
 * It copies the exact plain text, and, where the clipboard takes it, the marked-up element it describes
 * as HTML too, so italics survive a paste into a word processor.
 */
export const CopyButton: FC<{ text: string; label: string; describedBy?: string }> = ({
  text,
  label,
  describedBy,
}) => (
  <button type="button" class="copy-button" data-copy-text={text} aria-describedby={describedBy} hidden>
    {label}
  </button>
);

export type CitationForm = { id: string; label: string; citation: FormattedCitation };

export type CitationChoice = { id: string; label: string; href: string };

const FormList: FC<{ forms: CitationForm[]; pinned?: boolean }> = ({ forms, pinned = false }) => (
  <>
    {forms.map((form) => (
      <div class="citation-form">
        <p class="citation-form__label" id={`${form.id}-label`}>
          {form.label}
        </p>
        <p class="citation-form__text" id={form.id}>
          <CitationText parts={form.citation.parts} />
        </p>
        <CopyButton
          text={form.citation.text}
          label={
            pinned ? `Copy this version's ${form.label.toLowerCase()}` : `Copy ${form.label.toLowerCase()}`
          }
          describedBy={form.id}
        />
      </div>
    ))}
  </>
);

/**
 * "Get citation": a disclosure that works with JavaScript off. The style chooser is a list of plain
 * links (`?cite=apa#cite`), so it works everywhere and each style has an address; app.js turns it into a
 * select. Each form has its own copy button. The version part pins the text being read, and the
 * downloads give the same record to reference managers.
 */
export const CitationBox: FC<{
  styleLabel: string;
  forms: CitationForm[];
  choices?: CitationChoice[];
  currentStyle?: string;
  open?: boolean;
  version?: { label: string; forms: CitationForm[] } | undefined;
  downloads?: { label: string; href: string; type: string }[];
  /** When the archive offers more CSL styles than a list can show: a field for a style's name. */
  otherStyles?: { count: number; view: string | undefined } | undefined;
}> = ({
  styleLabel,
  forms,
  choices = [],
  currentStyle,
  open = false,
  version,
  downloads = [],
  otherStyles,
}) => (
  <details class="action" id="cite" open={open}>
    <summary class="action__summary">Get citation</summary>
    <div class="action__panel">
      {choices.length > 1 ? (
        <nav class="citation-styles" aria-label="Citation style">
          <span class="citation-styles__label">Style:</span>
          <ul class="citation-styles__list">
            {choices.map((choice) => (
              <li>
                <a
                  href={choice.href}
                  data-style={choice.id}
                  aria-current={choice.id === currentStyle ? 'true' : undefined}
                >
                  {choice.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {otherStyles ? (
        <form class="citation-other-style" method="get" action="#cite">
          {otherStyles.view ? <input type="hidden" name="view" value={otherStyles.view} /> : null}
          <label for="cite-other">
            Another of {otherStyles.count.toLocaleString('en-US')} CSL styles, by file name (e.g.
            csl:harvard-cite-them-right):
          </label>{' '}
          <input id="cite-other" name="cite" type="text" spellcheck={false} autocomplete="off" />{' '}
          <button type="submit">Show</button>
        </form>
      ) : null}
      <p class="action__heading">{styleLabel}</p>
      <FormList forms={forms} />
      {version ? (
        <section class="citation-version" aria-labelledby="citation-version-heading">
          <p class="action__heading" id="citation-version-heading">
            Cite this version: {version.label}
          </p>
          <FormList forms={version.forms} pinned />
        </section>
      ) : null}
      {downloads.length > 0 ? (
        <p class="citation-downloads">
          Download citation:{' '}
          {downloads.map((download, index) => (
            <>
              {index > 0 ? ' · ' : ''}
              <a href={download.href} type={download.type} download>
                {download.label}
              </a>
            </>
          ))}
        </p>
      ) : null}
    </div>
  </details>
);

/** "Share": the permanent link to copy, an e-mail link, and the device's own share sheet when there is one. */
export const ShareBox: FC<{ title: string; permalink: string; archiveName: string }> = ({
  title,
  permalink,
  archiveName,
}) => {
  const mailto = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(
    `${title}\n${archiveName}\n\n${permalink}`,
  )}`;
  return (
    <details class="action" id="share">
      <summary class="action__summary">Share</summary>
      <div class="action__panel">
        <label class="action__heading" for="share-permalink">
          Permanent link
        </label>
        <div class="share-link">
          <input id="share-permalink" type="url" readonly value={permalink} class="share-link__input" />
          <CopyButton text={permalink} label="Copy link" />
        </div>
        <p class="share-options">
          <a href={mailto}>Send by e-mail</a>
          <button
            type="button"
            class="native-share"
            data-share-title={title}
            data-share-url={permalink}
            hidden
          >
            More ways to share…
          </button>
        </p>
      </div>
    </details>
  );
};
