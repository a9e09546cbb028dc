import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../../../test/support/databases.ts';
import { makeTextPdf, saveScanDocument } from '../../../ingest/pipeline/pipeline.test-support.ts';
import { correctPageText } from '../../../ingest/pipeline/scan-text.usecases.ts';
import { createArchiveWorker } from '../../../jobs/jobs.runtime.ts';
import { createDocumentsRepository } from '../../documents.repository.ts';

describe.each(databaseKinds())('a scan page beside its text on %s', (kind) => {
  let context: TestContext;
  let documentId: number;
  let assetId: number;
  const page = async (query: string) => {
    const response = await context.app.request(
      `/documents/${documentId}?view=side-by-side&with=scan${query}`,
    );
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    context = await createTestContext(kind);
    const pdf = await makeTextPdf(['Cable from Beijing, first page', 'Second page on the Ili crossings']);
    ({ documentId } = await saveScanDocument(context.container, pdf, { externalId: 'side-by-side/scan' }));
    const worker = createArchiveWorker(context.container, { pollMs: 20 });
    await worker.runUntilIdle();
    await worker.close();
    const document = await createDocumentsRepository({ db: context.container.database.db }).findById(
      documentId,
    );
    assetId = document!.assets[0]!.id;
  });
  afterAll(async () => {
    await context?.dispose();
  });

  it('shows the rendered page image beside the text read from that page, with the pages around it', async () => {
    const { status, html } = await page('&page=2');
    expect(status).toBe(200);
    const image = `/documents/${documentId}/files/${assetId}/pages/2/image.webp`;
    expect(html).toContain(`src="${image}"`);
    expect(html).toContain('alt="Page 2 of the original scan"');
    expect(html).toContain('<p>Second page on the Ili crossings</p>');
    expect(html).not.toContain('Cable from Beijing, first page');
    expect(html).toContain('Text from the scan’s own text layer.');
    expect(html).toContain('rel="prev"');
    expect(html).not.toContain('rel="next"');
    const picture = await context.app.request(image);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/webp');
    // Without a translation the reader offers the scan, and the usual page links to it.
    expect(await (await context.app.request(`/documents/${documentId}`)).text()).toContain(
      'Read the scan beside its text',
    );
  });

  it('shows an editor’s correction in place of the machine text', async () => {
    await correctPageText(context.container.database, {
      assetId,
      page: 1,
      text: 'Cable from Beijing, first page, corrected',
      correctedBy: 'editor@archive.test',
    });
    const { html } = await page('');
    expect(html).toContain('<p>Cable from Beijing, first page, corrected</p>');
    expect(html).toContain('Text corrected by an editor.');
  });
});
