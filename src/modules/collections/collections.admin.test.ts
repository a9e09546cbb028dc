import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, databaseKinds, type TestContext } from '../../../test/support/databases.ts';
import { clientWithSession, createStaff, type TestClient } from '../accounts/accounts.test-support.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { buildDiscoveryFixture, type DiscoveryFixture, tinyPng } from '../themes/discovery.test-support.ts';

describe.each(databaseKinds())('collection pictures and place positions in the workspace, on %s', (kind) => {
  let context: TestContext;
  let fixture: DiscoveryFixture;
  let editor: TestClient;
  let collectionId: number;
  const db = () => context.container.database.db;
  const row = (id: number) =>
    db()
      .selectFrom('authorities')
      .select(['latitude', 'longitude', 'image_sha256', 'image_media_type', 'image_alt', 'note'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  /** Posts a multipart form the way a browser does, the CSRF token first. */
  async function upload(fields: Record<string, string | Blob>) {
    await editor.get(`/admin/authorities/${collectionId}`);
    const form = new FormData();
    form.append('_csrf', editor.lastCsrf!);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return editor.request(`/admin/authorities/${collectionId}/image`, {
      method: 'POST',
      body: form,
      headers: { origin: new URL(context.config.baseUrl).origin },
    });
  }

  beforeAll(async () => {
    context = await createTestContext(kind);
    fixture = await buildDiscoveryFixture(context);
    editor = await clientWithSession(
      context,
      (await createStaff(context, 'editor@example.org', 'editor')).id,
    );
    collectionId = (await createAuthoritiesRepository({ db: db() }).findBySlug('collection', 'ili-crisis'))!
      .id;
  }, 120_000);
  afterAll(async () => {
    await context?.dispose();
  });

  it('uploads a picture with its text alternative, shows it publicly, and removes it', async () => {
    const png = await tinyPng();
    const response = await upload({
      alt: 'Herders by a river',
      file: new Blob([png], { type: 'image/png' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/authorities/${collectionId}?done=saved`);
    expect(await row(collectionId)).toMatchObject({
      image_media_type: 'image/png',
      image_alt: 'Herders by a river',
    });
    const image = await context.app.request('/collections/ili-crisis/image');
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);
    expect(await (await context.app.request('/collections')).text()).toContain('/collections/border-talks');

    // A new text alternative alone keeps the picture.
    expect((await upload({ alt: 'Herders crossing a river' })).status).toBe(303);
    expect(await row(collectionId)).toMatchObject({
      image_media_type: 'image/png',
      image_alt: 'Herders crossing a river',
    });

    const audit = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'authority.image%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['authority.image_set', 'authority.image_set']);

    await editor.get(`/admin/authorities/${collectionId}`);
    expect((await editor.post(`/admin/authorities/${collectionId}/image/remove`)).status).toBe(303);
    expect((await row(collectionId)).image_sha256).toBeNull();
    expect((await context.app.request('/collections/ili-crisis/image')).status).toBe(404);
  });

  it('refuses a file that is not a web picture, a picture without description, and a forged form', async () => {
    const script = await upload({
      alt: 'Nice',
      file: new Blob(['<script>alert(1)</script>'], { type: 'image/png' }),
    });
    expect(script.headers.get('location')).toBe(`/admin/authorities/${collectionId}?image=type`);
    const page = await (await editor.get(`/admin/authorities/${collectionId}?image=type`)).text();
    expect(page).toContain('The picture must be a PNG, JPEG, GIF or WebP image.');
    const noAlt = await upload({ alt: '  ', file: new Blob([await tinyPng()]) });
    expect(noAlt.headers.get('location')).toBe(`/admin/authorities/${collectionId}?image=alt`);
    expect((await row(collectionId)).image_sha256).toBeNull();

    // Over the limit: refused as too large before anything is stored, never a 500.
    const huge = await upload({ alt: 'Big', file: new Blob([new Uint8Array(6 * 1024 * 1024)]) });
    expect(huge.status).toBe(413);
    expect((await row(collectionId)).image_sha256).toBeNull();

    const forged = new FormData();
    forged.append('_csrf', 'forged');
    forged.append('alt', 'x');
    const refused = await editor.request(`/admin/authorities/${collectionId}/image`, {
      method: 'POST',
      body: forged,
      headers: { origin: new URL(context.config.baseUrl).origin },
    });
    expect(refused.status).toBe(403);
  });

  it('edits a collection’s description and a place’s coordinates, both or neither, in range', async () => {
    await editor.get(`/admin/authorities/${collectionId}`);
    const described = await editor.post(`/admin/authorities/${collectionId}`, {
      name: 'Ili crisis',
      note: 'Papers on the spring of 1962.',
      parent: 'Border talks',
    });
    expect(described.status).toBe(303);
    expect((await row(collectionId)).note).toBe('Papers on the spring of 1962.');

    const ili = fixture.places.ili;
    await editor.get(`/admin/authorities/${ili}`);
    const half = await editor.post(`/admin/authorities/${ili}`, {
      name: 'Ili',
      parent: 'China',
      latitude: '43.9',
    });
    expect(half.status).toBe(422);
    expect(await half.text()).toContain('Give both the latitude and the longitude, or neither.');
    const far = await editor.post(`/admin/authorities/${ili}`, {
      name: 'Ili',
      parent: 'China',
      latitude: '95',
      longitude: 'east',
    });
    const farText = await far.text();
    expect(farText).toContain('The latitude must be a number of degrees from -90 to 90.');
    expect(farText).toContain('The longitude must be a number of degrees from -180 to 180.');
    const saved = await editor.post(`/admin/authorities/${ili}`, {
      name: 'Ili',
      parent: 'China',
      latitude: '43.92',
      longitude: '81,33',
    });
    expect(saved.status).toBe(303);
    expect(await row(ili)).toMatchObject({ latitude: 43.92, longitude: 81.33 });
    // Ili now has its own point on the theme map.
    const theme = await (await context.app.request('/themes/border-crisis')).text();
    expect(theme).toMatch(/<th scope="row"><a [^>]*>Ili<\/a><\/th><td>1<\/td>/);
    const form = await (await editor.get(`/admin/authorities/${ili}`)).text();
    expect(form).toContain('value="43.92"');
  });
});
