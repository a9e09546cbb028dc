import type { FC } from 'hono/jsx';

export type HistogramRow = {
  label: string;
  /** Documents known to this row's own level (a year, or a year within the decade). */
  count: number;
  /** Documents counted here only at a coarser level (dated to the decade alone). */
  coarse?: number;
  /** Where the bar leads; rows without documents are not links. */
  href?: string | undefined;
  /** What a screen reader says for the bar: the label and its counts in words. */
  description: string;
};

const WIDTH = 640;
const LABEL_WIDTH = 84;
const COUNT_WIDTH = 64;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;

/**
 * A horizontal bar chart drawn on the server as SVG: one row per decade or year, each bar a link
 * with its count written beside it and said in full to screen readers. No script and no inline
 * style (the CSP forbids them): sizes are SVG attributes, colours come from the stylesheet. The
 * coarse part of a bar (documents dated only to the decade) is drawn in a lighter shade after the
 * exact part.
 */
export const Histogram: FC<{ rows: HistogramRow[]; labelledBy: string }> = ({ rows, labelledBy }) => {
  const max = Math.max(1, ...rows.map((r) => r.count + (r.coarse ?? 0)));
  const barSpace = WIDTH - LABEL_WIDTH - COUNT_WIDTH;
  const height = rows.length * ROW_HEIGHT + 4;
  const scale = (n: number) => (n === 0 ? 0 : Math.max(2, Math.round((n / max) * barSpace)));
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG chart cannot be a fieldset; role="group" names it by its heading
    <svg
      class="histogram"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
      role="group"
      aria-labelledby={labelledBy}
    >
      {rows.map((row, index) => {
        const y = index * ROW_HEIGHT + 2;
        const exact = scale(row.count);
        const total = scale(row.count + (row.coarse ?? 0));
        const textY = y + BAR_HEIGHT / 2 + 5;
        const content = (
          <>
            <rect class="histogram__hit" x="0" y={y - 2} width={WIDTH} height={ROW_HEIGHT} />
            <text class="histogram__label" x={LABEL_WIDTH - 10} y={textY} text-anchor="end">
              {row.label}
            </text>
            {exact > 0 ? (
              <rect class="histogram__bar" x={LABEL_WIDTH} y={y} width={exact} height={BAR_HEIGHT} />
            ) : null}
            {total > exact ? (
              <rect
                class="histogram__bar histogram__bar--coarse"
                x={LABEL_WIDTH + exact}
                y={y}
                width={total - exact}
                height={BAR_HEIGHT}
              />
            ) : null}
            <text class="histogram__count" x={LABEL_WIDTH + total + 8} y={textY}>
              {(row.count + (row.coarse ?? 0)).toLocaleString('en-US')}
            </text>
          </>
        );
        return row.href ? (
          <a href={row.href} aria-label={row.description} class="histogram__row">
            {content}
          </a>
        ) : (
          // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group is not interactive; role="img" lets a screen reader say the empty bar as one phrase
          <g class="histogram__row histogram__row--empty" role="img" aria-label={row.description}>
            {content}
          </g>
        );
      })}
    </svg>
  );
};
