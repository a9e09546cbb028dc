/** An opening `<p>` tag (not `<pre>` or `<param>`): what counts as a numbered paragraph. */
const paragraphTag = () => /<p(?=[\s>])([^>]*)>/gi;

/**
 * Stable paragraph anchors for a stored text: the n-th paragraph (`<p>`, in document order) gets the
 * id `p-<n>` and a small "link to this paragraph" link, so a reader can cite and share a passage.
 * Numbering follows the stored text only, so a link stays right as long as the text is not revised (a
 * pinned citation says when it was). Ids from the sanitiser all start with `t-`, so they never collide;
 * a paragraph that already has one gets its anchor on an empty span at its start instead.
 *
 * Every version is in the page (the hidden ones too), so only the version shown carries the bare
 * `p-<n>`; the others carry `<view>-p-<n>`, and the links always name their version with `?view=`.
 */
export function addParagraphAnchors(
  html: string,
  options: { prefix: string; linkBase: string; label: string },
): string {
  const base = options.linkBase.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  let n = 0;
  return html.replace(paragraphTag(), (_tag, attributes: string) => {
    n += 1;
    const id = `${options.prefix}p-${n}`;
    const link = `<a class="paragraph-link" href="${base}#p-${n}" aria-label="${options.label} ${n}">¶</a>`;
    if (/\sid\s*=/i.test(attributes))
      return `<p${attributes}><span id="${id}" class="paragraph-anchor"></span>${link}`;
    return `<p id="${id}"${attributes}>${link}`;
  });
}

/** How many numbered paragraphs a text has: the highest `#p-<n>` its anchors reach. */
export const countParagraphs = (html: string): number => html.match(paragraphTag())?.length ?? 0;
