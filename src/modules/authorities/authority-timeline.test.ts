import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { saveFixture } from '../documents/documents.pages.fixtures.ts';
import { coOccurring } from './authorities.cooccurrence.ts';

describe.each(databaseKinds())('a person’s timeline and the people they appear with, on %s', (kind) => {
  let context: TestContext;
  let zhouId: number;

  beforeAll(async () => {
    context = await createTestContext(kind);
    const doc = (n: string, extra: Record<string, unknown>) =>
      saveFixture(context, { externalId: `timeline/${n}`, title: `Timeline paper ${n}`, ...extra });
    const zhou = (role: string) => ({
      name: 'Zhou Enlai',
      role,
      variants: [{ name: '周恩来', language: 'zh' }],
    });
    await doc('a', {
      date: '1962-08-09',
      agents: [
        zhou('author'),
        { name: 'Chen Yi', role: 'recipient' },
        { name: 'Liu Shaoqi', role: 'mentioned' },
        { name: 'Foreign Ministry', kind: 'organization', role: 'recipient' },
      ],
    });
    await doc('b', {
      date: '1962-09',
      agents: [zhou('participant'), { name: 'Chen Yi', role: 'participant' }],
    });
    await doc('c', { date: '1964', agents: [zhou('mentioned'), { name: 'Chen Yi', role: 'author' }] });
    await doc('d', { date: '1960s', agents: [zhou('author')] });
    await doc('e', { agents: [zhou('recipient')] });
    await doc('hidden', {
      status: 'draft',
      title: 'Hidden draft paper',
      date: '1963',
      agents: [
        zhou('author'),
        { name: 'Hidden Person', role: 'author' },
        { name: 'Chen Yi', role: 'author' },
      ],
    });
    const { db } = context.container.database;
    zhouId = (
      await db
        .selectFrom('authorities')
        .select('id')
        .where('name', '=', 'Zhou Enlai')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await context.dispose();
  });

  it('counts the people who share published documents, most shared first, drafts left out', async () => {
    const people = await coOccurring(context.container.database, zhouId);
    expect(people.map((p) => [p.authority.name, p.documents])).toEqual([
      ['Chen Yi', 3],
      ['Liu Shaoqi', 1],
    ]);
    expect(await coOccurring(context.container.database, zhouId, { limit: 1 })).toHaveLength(1);
  });

  it('shows the documents as a timeline by year, coarse dates and undated apart, with the role in each', async () => {
    const response = await context.app.request(`/people/${zhouId}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const periods = [...html.matchAll(/<h3 class="authority-timeline__label"[^>]*>([^<]+)<\/h3>/g)].map(
      (m) => m[1],
    );
    expect(periods).toEqual(['1960s', '1962', '1964', 'Undated']);
    expect(html).toContain('<ol class="authority-timeline">');
    expect(html).toMatch(
      /Timeline paper a<\/a><\/h4><p class="document-list__meta"><time[^>]*>[^<]+<\/time><span class="document-list__role"> · Author<\/span>/,
    );
    expect(html).toContain(
      '<p class="authority-roles">Author of 2 documents · Recipient of 1 document · Participant in 1 document · Mentioned in 1 document</p>',
    );
    expect(html).toContain('<span class="name-variant" lang="zh">周恩来</span>');
    expect(html).toContain('5 published documents');
    expect(html).not.toContain('Hidden');
  });

  it('links the people they appear with, with the number of shared documents', async () => {
    const html = await (await context.app.request(`/people/${zhouId}`)).text();
    expect(html).toMatch(
      /<h2 id="appears-with-heading">Appears with<\/h2>.*<a href="\/people\/\d+">Chen Yi<\/a><\/span><span class="appears-with__count"> · 3 shared documents<\/span>.*Liu Shaoqi/s,
    );
    expect(html).not.toContain('Foreign Ministry</a><span class="appears-with__count">');
    const chen = /<a href="(\/people\/\d+)">Chen Yi<\/a>/.exec(html)![1]!;
    const chenPage = await (await context.app.request(chen)).text();
    expect(chenPage).toContain('Zhou Enlai</a>');
    expect(chenPage).toContain(' · 3 shared documents');
  });

  it('shows no "appears with" section for places or subjects', async () => {
    const { db } = context.container.database;
    const ministry = await db
      .selectFrom('authorities')
      .select('id')
      .where('name', '=', 'Foreign Ministry')
      .executeTakeFirstOrThrow();
    const html = await (await context.app.request(`/organizations/${ministry.id}`)).text();
    expect(html).not.toContain('Appears with');
    expect(html).toContain('Recipient of 1 document');
  });
});
