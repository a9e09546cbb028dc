import { escapeHtml } from '../../shared/sanitize-html.ts';
import { isElement, type XmlElement, type XmlNode } from './xml-tree.ts';

/**
 * TEI text as the HTML the archive stores for a transcript: paragraphs, lists, tables, quotations,
 * signatures and datelines keep their structure; footnotes become numbered marks linked both ways
 * to a notes section at the end; cross-references become links; abbreviations from the volume's
 * list carry their expansion as a tooltip. Page breaks and facsimile pointers are dropped (the
 * archive has no page images for these editions). Redaction markers ("[name not declassified]") are
 * ordinary text in TEI and stay verbatim. The result still goes through the sanitiser on import.
 */
export type TeiRenderOptions = {
  /** Makes footnote ids unique per document (`d12` gives `fn-d12-3`). */
  idPrefix: string;
  /** Expansions of abbreviations by their xml:id (`t_USSR1` → "Union of Soviet Socialist Republics"). */
  glossary?: ReadonlyMap<string, string>;
  /** The address a `ref/@target` points to, or undefined to keep only its text. */
  resolveLink?: (target: string) => string | undefined;
  /** Elements left out entirely (the source note, rendered elsewhere). */
  skip?: (element: XmlElement) => boolean;
};

export type TeiRenderResult = { html: string; footnotes: string[] };

const blockNames = new Set([
  'p',
  'ab',
  'list',
  'table',
  'quote',
  'div',
  'head',
  'closer',
  'opener',
  'signed',
  'salute',
  'dateline',
  'lg',
  'l',
  'figure',
  'floatingText',
  'postscript',
  'byline',
  'sp',
  'stage',
]);

const hiTags: Record<string, string> = {
  italic: 'em',
  italics: 'em',
  i: 'em',
  bold: 'strong',
  strong: 'strong',
  b: 'strong',
  underline: 'u',
  superscript: 'sup',
  sup: 'sup',
  subscript: 'sub',
  sub: 'sub',
  strikethrough: 's',
};

export class TeiRenderer {
  private readonly notes: string[] = [];
  private noteCount = 0;

  constructor(private readonly options: TeiRenderOptions) {}

  /** Renders nodes that make up a flow (a div's or item's content): inline runs become paragraphs. */
  flow(nodes: XmlNode[], paragraphAttrs = ''): string {
    const out: string[] = [];
    let run: string[] = [];
    const flush = () => {
      const inline = run.join('').trim();
      run = [];
      if (inline !== '' && inline !== '<br>') out.push(`<p${paragraphAttrs}>${inline}</p>`);
    };
    for (const node of nodes) {
      if (isElement(node) && this.isBlock(node)) {
        flush();
        const block = this.block(node);
        if (block !== '') out.push(block);
      } else {
        run.push(this.inline(node));
      }
    }
    flush();
    return out.join('\n');
  }

  /** The footnotes collected so far, as a notes section to put after the text. */
  footnoteSection(lead: string[] = []): string {
    const items = [...lead, ...this.notes];
    if (items.length === 0) return '';
    return `<section class="footnotes">\n${items.join('\n')}\n</section>`;
  }

  get footnotes(): string[] {
    return [...this.notes];
  }

  /** A note rendered as a paragraph of the notes section without a mark (a FRUS source note). */
  unmarkedNote(note: XmlElement): string {
    const body = this.flowInline(note.children);
    return body === '' ? '' : `<p class="note">${body}</p>`;
  }

  private isBlock(element: XmlElement): boolean {
    if (this.options.skip?.(element)) return false;
    if (element.name === 'quote') return true;
    return blockNames.has(element.name);
  }

  private block(element: XmlElement): string {
    if (this.options.skip?.(element)) return '';
    const lang = langAttr(element);
    switch (element.name) {
      case 'p':
      case 'ab':
      case 'l':
      case 'stage':
        return this.flow(element.children, lang);
      case 'head':
        return `<h3${lang}>${this.flowInline(element.children)}</h3>`;
      case 'dateline':
        return this.flow(element.children, ' class="header-line"');
      case 'signed':
      case 'salute':
      case 'byline':
        return this.flow(element.children, ' class="signature"');
      case 'closer':
      case 'opener':
        return this.flow(element.children, ' class="signature"');
      case 'list':
        return this.list(element);
      case 'table':
        return this.table(element);
      case 'quote':
        return `<blockquote${lang}>\n${this.flow(element.children)}\n</blockquote>`;
      case 'figure':
        return '';
      default:
        return `<div${lang}>\n${this.flow(element.children)}\n</div>`;
    }
  }

  private list(element: XmlElement): string {
    const ordered = /ordered|numbered|decimal/.test(
      `${element.attrs.type ?? ''} ${element.attrs.rend ?? ''}`,
    );
    const tag = ordered ? 'ol' : 'ul';
    const parts: string[] = [];
    const items: string[] = [];
    let pendingLabel = '';
    for (const child of element.children) {
      if (!isElement(child)) continue;
      if (child.name === 'head') parts.push(`<p><strong>${this.flowInline(child.children)}</strong></p>`);
      else if (child.name === 'label') pendingLabel = `<strong>${this.flowInline(child.children)}</strong> `;
      else if (child.name === 'item') {
        const content = this.hasBlocks(child) ? this.flow(child.children) : this.flowInline(child.children);
        items.push(`<li${langAttr(child)}>${pendingLabel}${content}</li>`);
        pendingLabel = '';
      }
    }
    if (items.length > 0) parts.push(`<${tag}>\n${items.join('\n')}\n</${tag}>`);
    return parts.join('\n');
  }

  private table(element: XmlElement): string {
    const rows: string[] = [];
    let caption = '';
    for (const child of element.children) {
      if (!isElement(child)) continue;
      if (child.name === 'head') caption = `<caption>${this.flowInline(child.children)}</caption>`;
      if (child.name !== 'row') continue;
      const cells = child.children.filter(isElement).filter((cell) => cell.name === 'cell');
      const header = child.attrs.role === 'label';
      rows.push(
        `<tr>${cells
          .map((cell) => {
            const tag = header || cell.attrs.role === 'label' ? 'th' : 'td';
            const span = [
              cell.attrs.cols ? ` colspan="${escapeHtml(cell.attrs.cols)}"` : '',
              cell.attrs.rows ? ` rowspan="${escapeHtml(cell.attrs.rows)}"` : '',
            ].join('');
            return `<${tag}${span}>${this.flowInline(cell.children)}</${tag}>`;
          })
          .join('')}</tr>`,
      );
    }
    return `<table>${caption}\n${rows.join('\n')}\n</table>`;
  }

  private hasBlocks(element: XmlElement): boolean {
    return element.children.some((child) => isElement(child) && this.isBlock(child));
  }

  /** Inline content of an element that may still hold blocks (a cell with paragraphs): joined by breaks. */
  private flowInline(nodes: XmlNode[]): string {
    return nodes
      .map((node) =>
        isElement(node) && this.isBlock(node) ? ` ${this.flowInline(node.children)} ` : this.inline(node),
      )
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  }

  private inline(node: XmlNode): string {
    if (!isElement(node)) return escapeHtml(node.replace(/\s+/g, ' '));
    if (this.options.skip?.(node)) return '';
    const inner = () => node.children.map((child) => this.inline(child)).join('');
    switch (node.name) {
      case 'lb':
        return '<br>';
      case 'pb':
      case 'cb':
      case 'milestone':
      case 'figure':
      case 'graphic':
      case 'anchor':
        return '';
      case 'note':
        return this.footnoteMark(node);
      case 'hi': {
        const tag = hiTags[(node.attrs.rend ?? '').toLowerCase()];
        return tag ? `<${tag}>${inner()}</${tag}>` : inner();
      }
      case 'emph':
      case 'title':
        return `<em>${inner()}</em>`;
      case 'foreign':
        return `<i${langAttr(node)}>${inner()}</i>`;
      case 'gloss':
      case 'abbr': {
        const target = (node.attrs.target ?? '').replace(/^#/, '');
        const expansion = target ? this.options.glossary?.get(target) : undefined;
        return expansion ? `<abbr title="${escapeHtml(expansion)}">${inner()}</abbr>` : inner();
      }
      case 'ref':
      case 'ptr': {
        const href = node.attrs.target ? this.options.resolveLink?.(node.attrs.target) : undefined;
        const text = node.name === 'ptr' && node.children.length === 0 ? escapeHtml(href ?? '') : inner();
        return href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
      }
      case 'gap':
        return '[…]';
      default:
        return inner();
    }
  }

  private footnoteMark(note: XmlElement): string {
    this.noteCount += 1;
    const mark = (note.attrs.n ?? String(this.noteCount)).trim() || String(this.noteCount);
    const id = `${this.options.idPrefix}-${this.noteCount}`;
    const body = this.flowInline(note.children);
    this.notes.push(
      `<p class="footnote" id="fn-${id}"><sup>${escapeHtml(mark)}</sup> ${body} <a href="#fnref-${id}" title="Back to the text">↩</a></p>`,
    );
    return `<sup><a href="#fn-${id}" id="fnref-${id}">${escapeHtml(mark)}</a></sup>`;
  }
}

function langAttr(element: XmlElement): string {
  const lang = element.attrs['xml:lang'];
  return lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? ` lang="${lang}"` : '';
}
