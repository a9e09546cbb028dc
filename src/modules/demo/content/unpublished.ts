import type { DemoDocument } from '../demo.types.ts';
import {
  as,
  collections,
  demoProgram,
  people as p,
  places,
  repositories,
  rights,
  subjects,
} from './authorities.ts';

/**
 * Records the public must never see: two drafts still being edited and one withdrawn record. They are
 * in the demo so that every public page, list, search and feed can be checked to leave them out.
 */

export const draftChenYiMinutes: DemoDocument = {
  record: {
    externalId: 'demo/draft-1963-chen-yi-chervonenko',
    status: 'draft',
    title: '[DRAFT] Minutes of Foreign Minister Chen Yi’s Conversation with Ambassador Chervonenko',
    summary: 'Draft record awaiting review of the translation.',
    date: '1963-07',
    type: 'minutes',
    languages: ['zh'],
    repository: repositories.prcFma,
    archivalReference: 'PRC FMA 109-02540-01',
    program: demoProgram,
    rights: rights.demo,
    subjects: [subjects.sinoSovietRelations],
    places: [places.beijing],
    agents: [as('participant', p.chenYi), as('participant', p.chervonenko)],
    collections: [collections.split],
  },
  original: {
    language: 'zh',
    title: '陈毅外长接见契尔沃年科大使谈话记录（草稿）',
    body: ['（译文待审校，暂不公开。）'],
  },
};

export const draftHavanaCable: DemoDocument = {
  record: {
    externalId: 'demo/draft-1962-10-28-havana-cable',
    status: 'draft',
    title: '[DRAFT] Cable from the Soviet Embassy in Havana, 28 October 1962',
    summary: 'Draft: metadata incomplete, no translation yet.',
    date: '1962-10-28',
    type: 'cable',
    languages: ['ru'],
    repository: repositories.avprf,
    program: demoProgram,
    rights: rights.demo,
    collections: [collections.cuba],
  },
  original: {
    language: 'ru',
    title: 'Из Гаваны (черновик записи)',
    body: ['[Текст ещё не расшифрован.]'],
  },
};

export const withdrawnDuplicate: DemoDocument = {
  record: {
    externalId: 'demo/withdrawn-1962-border-note-duplicate',
    status: 'withdrawn',
    withdrawalReason:
      'Duplicate of the record of the Soviet Government’s statement of 9 August 1962; withdrawn so that citations point to one record.',
    title: 'Soviet Statement on Border Crossings from Xinjiang (duplicate)',
    date: '1962-08-09',
    type: 'statement',
    languages: ['ru'],
    repository: repositories.avprf,
    program: demoProgram,
    rights: rights.demo,
    subjects: [subjects.borderCrossings],
    collections: [collections.exodus],
  },
  original: {
    language: 'ru',
    title: 'Заявление Советского правительства (дубликат)',
    body: ['[Дубликат записи; см. основную запись.]'],
  },
};
