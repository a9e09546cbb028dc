import type { FC } from 'hono/jsx';
import { Layout, type SiteInfo } from '../../../app/ui/layout.tsx';
import { citationStyles } from '../../citations/citation-styles.ts';
import type { StoredDocument } from '../documents.repository.ts';
import { formatHistoricalDate } from '../historical-date.ts';
import { CitationText } from './document-actions.tsx';

/**
 * What a reader who follows a citation to a withdrawn record finds (with status 410): that the record
 * existed, how it was cited, and why it is gone. Nothing else of the record is shown; its text and
 * files stay unavailable.
 */
export const WithdrawnPage: FC<{ site: SiteInfo; document: StoredDocument }> = ({ site, document: d }) => {
  const [style] = citationStyles;
  const forms = style!.format(d, { baseUrl: site.baseUrl, archiveName: site.archiveName });
  return (
    <Layout site={site} title={`Withdrawn: ${d.title}`} bodyClass="page-withdrawn">
      <article class="error-page withdrawn-notice" aria-labelledby="withdrawn-title">
        <p class="error-page__status">Record {d.id} · withdrawn</p>
        <h1 id="withdrawn-title">This record has been withdrawn</h1>
        <p class="error-page__message">
          “{d.title}”{d.date ? `, ${formatHistoricalDate(d.date)}` : ''}, was published in {site.archiveName}{' '}
          and has since been withdrawn. Its text and files are no longer available here.
        </p>
        <h2>Reason</h2>
        <p class="withdrawn-notice__reason">{d.withdrawalReason ?? 'No reason was recorded.'}</p>
        <h2>How it was cited</h2>
        <dl class="withdrawn-notice__citations">
          {forms.map((form) => (
            <>
              <dt>{form.label}</dt>
              <dd>
                <CitationText parts={form.citation.parts} />
              </dd>
            </>
          ))}
        </dl>
        <p>
          Start again from the <a href="/">home page</a>.
        </p>
      </article>
    </Layout>
  );
};
