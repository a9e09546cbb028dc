import type { CollectionRow } from './oai.repository.ts';

/**
 * Collections as OAI-PMH sets. The root set `collection` holds every filed record; each collection's
 * setSpec is the path of its ancestors (`collection:cold-war:sino-soviet`), so a harvester asking for
 * a collection also gets everything nested in it. A slug outside setSpec's ASCII alphabet (a Chinese
 * name) is replaced by the stable `id<N>`.
 */
export const rootSetSpec = 'collection';

const setSpecSegment = /^[A-Za-z0-9\-_.!~*'()]+$/;

export type OaiSet = { spec: string; name: string; description: string | null; collection: CollectionRow };

export type SetHierarchy = {
  sets: OaiSet[];
  /** The collection IDs a setSpec covers (itself and its descendants); undefined for unknown specs. */
  collectionIdsFor(spec: string): number[] | undefined;
  /** Every setSpec a record filed in these collections belongs to, ancestors included. */
  specsFor(collectionIds: number[]): string[];
};

/**
 * `withPublishedDocuments` are the collections published records are filed in: a collection is a set
 * only when it or one nested in it holds a published record, because collections named only by
 * drafts must stay unknown (the same rule as the public collection pages).
 */
export function buildSetHierarchy(
  allCollections: CollectionRow[],
  withPublishedDocuments: Set<number>,
): SetHierarchy {
  const allById = new Map(allCollections.map((c) => [c.id, c]));
  const publicIds = new Set<number>();
  for (const id of withPublishedDocuments) {
    let current = allById.get(id);
    while (current && !publicIds.has(current.id)) {
      publicIds.add(current.id);
      current = current.parentId === null ? undefined : allById.get(current.parentId);
    }
  }
  const collections = allCollections.filter((c) => publicIds.has(c.id));
  const byId = new Map(collections.map((c) => [c.id, c]));
  const segment = (c: CollectionRow) => (setSpecSegment.test(c.slug) ? c.slug : `id${c.id}`);

  // Ancestor chains, guarded against a parent cycle a bad import could have made.
  const chainOf = (collection: CollectionRow): CollectionRow[] => {
    const chain: CollectionRow[] = [collection];
    const seen = new Set([collection.id]);
    let parent = collection.parentId === null ? undefined : byId.get(collection.parentId);
    while (parent && !seen.has(parent.id)) {
      chain.unshift(parent);
      seen.add(parent.id);
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
    return chain;
  };

  const specById = new Map<number, string>();
  const chains = new Map<number, CollectionRow[]>();
  for (const c of collections) {
    const chain = chainOf(c);
    chains.set(c.id, chain);
    specById.set(c.id, [rootSetSpec, ...chain.map(segment)].join(':'));
  }
  const idsBySpec = new Map<string, number[]>([[rootSetSpec, collections.map((c) => c.id)]]);
  for (const c of collections) {
    for (const ancestor of chains.get(c.id) ?? []) {
      const spec = specById.get(ancestor.id)!;
      idsBySpec.set(spec, [...(idsBySpec.get(spec) ?? []), c.id]);
    }
  }

  const sets = collections
    .map((c) => ({ spec: specById.get(c.id)!, name: c.name, description: c.note, collection: c }))
    .sort((a, b) => (a.spec < b.spec ? -1 : a.spec > b.spec ? 1 : 0));

  return {
    sets,
    collectionIdsFor: (spec) => idsBySpec.get(spec),
    specsFor(collectionIds) {
      const specs = new Set<string>();
      for (const id of collectionIds) {
        for (const ancestor of chains.get(id) ?? []) specs.add(specById.get(ancestor.id)!);
      }
      if (specs.size > 0) specs.add(rootSetSpec);
      return [...specs].sort();
    },
  };
}
