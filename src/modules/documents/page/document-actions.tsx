import type { FC } from 'hono/jsx';
import type { CitationPart, FormattedCitation } from '../../citations/citation-parts.ts';

/** Citation parts as markup: each part escaped by JSX, the title marked, the URL a link. */
export const CitationText: FC<{ parts: CitationPart[] }> = ({ parts }) => (
  <>
    {parts.map((part) =>
      part.role === 'url' ? (
        <a href={part.text}>{part.text}</a>
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

/** "Get citation": a disclosure that works with JavaScript off; each form has its own copy button. */
export const CitationBox: FC<{ styleLabel: string; forms: CitationForm[] }> = ({ styleLabel, forms }) => (
  <details class="action" id="cite">
    <summary class="action__summary">Get citation</summary>
    <div class="action__panel">
      <p class="action__heading">{styleLabel}</p>
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
            label={`Copy ${form.label.toLowerCase()}`}
            describedBy={form.id}
          />
        </div>
      ))}
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
