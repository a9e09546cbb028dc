import sharp from 'sharp';
import type { Container } from '../../app/container.ts';
import type { ActionContext } from '../accounts/accounts.context.ts';
import { createAuthoritiesRepository } from '../authorities/authorities.repository.ts';
import { saveReader } from '../readers/readers.usecases.ts';
import { saveTheme } from '../themes/themes.usecases.ts';
import {
  collectionDescriptions,
  collectionWithPicture,
  demoReaders,
  demoThemes,
  placePositions,
} from './content/discovery.ts';

const demoContext: ActionContext = { actor: { id: null, label: 'demo' }, ip: null, userAgent: null };

/**
 * Positions of places, collection descriptions and a picture, the demo themes and reader, once the
 * demo documents are in. Like the rest of the demo load, it completes and never overwrites: a place
 * an editor already placed keeps its position, and themes and readers are matched by their address.
 */
export async function loadDemoDiscovery(container: Pick<Container, 'database' | 'storage'>): Promise<void> {
  const { db } = container.database;
  const authorities = createAuthoritiesRepository({ db });
  for (const [name, latitude, longitude] of placePositions) {
    const id = await authorities.findIdByName('place', name);
    if (id === undefined) continue;
    await db
      .updateTable('authorities')
      .set({ latitude, longitude })
      .where('id', '=', id)
      .where('latitude', 'is', null)
      .execute();
  }
  for (const [name, note] of Object.entries(collectionDescriptions)) {
    const id = await authorities.findIdByName('collection', name);
    if (id !== undefined) await authorities.completeDetails(id, { note });
  }
  const pictured = await authorities.findIdByName('collection', collectionWithPicture.name);
  if (pictured !== undefined) {
    // Drawn from an SVG of shapes only (no text), so the bytes are the same on every machine.
    const png = await sharp(Buffer.from(collectionWithPicture.svg)).png().toBuffer();
    const { sha256 } = await container.storage.put(png);
    await db
      .updateTable('authorities')
      .set({ image_sha256: sha256, image_media_type: 'image/png', image_alt: collectionWithPicture.alt })
      .where('id', '=', pictured)
      .where('image_sha256', 'is', null)
      .execute();
  }
  for (const theme of demoThemes) await saveTheme(db, theme, { context: demoContext });
  // A partial load (tests load a few documents) keeps the items whose documents are there.
  const present = new Set(
    (
      await db.selectFrom('documents').select('external_id').where('external_id', 'like', 'demo/%').execute()
    ).map((row) => row.external_id),
  );
  for (const reader of demoReaders) {
    const items = reader.items.filter(
      (item) => !('externalId' in item.document) || present.has(item.document.externalId ?? null),
    );
    await saveReader(db, { ...reader, items }, { context: demoContext });
  }
}
