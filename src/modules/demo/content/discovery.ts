import type { ReaderRecord } from '../../readers/readers.schemas.ts';
import type { ThemeRecord } from '../../themes/themes.schemas.ts';

/**
 * What the demo archive shows beyond its documents: where its places are (for theme maps), what its
 * collections hold, two themes with timelines and a reader for a seminar. The descriptions, overviews
 * and notes were written for Chancery; the dated events are well-known moments of the history the
 * demo documents imagine, told in a sentence each.
 */

/** Decimal degrees, north and east positive, of the demo's places (a country at a central point). */
export const placePositions: [name: string, latitude: number, longitude: number][] = [
  ['China', 35.0, 103.0],
  ['Beijing', 39.9, 116.41],
  ['Xinjiang', 41.5, 85.5],
  ['Ili', 43.91, 81.28],
  ['Tacheng', 46.75, 82.98],
  ['Heilongjiang', 47.5, 128.0],
  ['Zhenbao Island', 46.49, 133.85],
  ['Guangxi', 23.8, 108.8],
  ['Liuzhou', 24.33, 109.41],
  ['Soviet Union', 56.0, 60.0],
  ['Moscow', 55.76, 37.62],
  ['Kazakh SSR', 48.0, 67.0],
  ['Taiwan', 23.7, 121.0],
  ['Taipei', 25.03, 121.56],
  ['Taiwan Strait', 24.5, 119.5],
  ['Kinmen', 24.44, 118.32],
  ['Dachen Islands', 28.45, 121.9],
  ['Korea', 38.5, 127.5],
  ['Pyongyang', 39.03, 125.75],
  ['Panmunjom', 37.96, 126.68],
  ['Vietnam', 16.0, 107.0],
  ['Hanoi', 21.03, 105.85],
  ['Switzerland', 46.8, 8.2],
  ['Geneva', 46.2, 6.14],
  ['Germany', 51.2, 10.4],
  ['Berlin', 52.52, 13.4],
  ['Austria', 47.5, 14.5],
  ['Vienna', 48.21, 16.37],
  ['Cuba', 21.5, -79.5],
  ['Havana', 23.11, -82.37],
  ['United States', 39.8, -98.6],
  ['Washington, D.C.', 38.9, -77.04],
  ['Poland', 52.0, 19.4],
  ['Warsaw', 52.23, 21.01],
  ['France', 46.6, 2.2],
  ['Paris', 48.86, 2.35],
];

/** Descriptions of the demo collections, shown on /collections and each collection's page. */
export const collectionDescriptions: Record<string, string> = {
  'Sino-Soviet Relations':
    'Records of the alliance between Beijing and Moscow and of its unravelling, from technical aid in the 1950s to armed clashes on the frontier in 1969.\n\nThe demonstration documents here are invented; their people, places and dates follow the history.',
  'Sino-Soviet Border':
    'Notes, cables and chronologies about the long frontier between the two states: crossings, consultations on the boundary line and the fighting of 1969.',
  'Ili–Tacheng Exodus, 1962':
    'The spring of 1962, when tens of thousands of residents of the Ili and Tacheng districts of Xinjiang crossed into the Soviet Union, and the diplomatic exchanges that followed.',
  'Sino-Soviet Split':
    'How the quarrel between the two parties reached the state level: the recall of Soviet specialists, sharp exchanges between ministers and greetings that stayed polite.',
  'Cold War in Asia':
    'Wars, armistices and crises in East and Southeast Asia, as seen from Beijing, Moscow, Pyongyang, Hanoi, Taipei and Washington.',
  'Cold War in Europe': 'The divided continent, and above all the divided city of Berlin.',
  'Cuban Missile Crisis':
    'October and November 1962, from the first reports of missile sites to the counting of ships leaving the island.',
};

/** The collection that gets a picture drawn for the demo (an abstract emblem; no text, no photograph). */
export const collectionWithPicture = {
  name: 'Sino-Soviet Relations',
  alt: 'An emblem of two overlapping circles, red and grey, on a pale ground.',
  svg: `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320" viewBox="0 0 480 320">
  <rect width="480" height="320" fill="#f4f1ea"/>
  <circle cx="195" cy="160" r="105" fill="#7b2d26" fill-opacity="0.85"/>
  <circle cx="285" cy="160" r="105" fill="#3a3d44" fill-opacity="0.7"/>
  <path d="M40 285 H440" stroke="#7b2d26" stroke-width="6"/>
</svg>`,
};

export const demoThemes: ThemeRecord[] = [
  {
    type: 'theme',
    slug: 'sino-soviet-frontier',
    title: 'The Sino-Soviet frontier, 1960–1969',
    summary: 'From quiet consultations to open fighting: a decade on the longest border of the Cold War.',
    overview:
      '<p>The alliance between the People’s Republic of China and the Soviet Union did not end in a single quarrel. This theme follows it along the frontier the two states shared, where the political break became a matter of herders, river islands and patrols.</p>' +
      '<p>The timeline counts the documents of each year and marks moments that help to place them; the map shows where the documents come from or what they speak of. Choose a year, a place or a collection to narrow all three views.</p>',
    status: 'published',
    collections: [
      { name: 'Sino-Soviet Border', variants: [], note: null, dates: null },
      { name: 'Sino-Soviet Split', variants: [], note: null, dates: null },
    ],
    events: [
      {
        date: { start: '1960-07-16', end: '1960-07-16', precision: 'day', circa: false, time: null },
        title: 'Moscow announces the recall of its specialists',
        description:
          'Soviet advisers working in Chinese industry and research are told to return home within weeks.',
        link: null,
      },
      {
        date: { start: '1962-04-01', end: '1962-05-31', precision: 'month', circa: false, time: null },
        title: 'Flight from Ili and Tacheng',
        description:
          'Through April and May, large numbers of residents of two Xinjiang districts cross into Soviet Kazakhstan.',
        link: '/collections/ili-tacheng-exodus-1962',
      },
      {
        date: { start: '1964-02-25', end: '1964-02-25', precision: 'day', circa: false, time: null },
        title: 'Boundary consultations open in Beijing',
        description:
          'Delegations meet to discuss the line of the frontier; the talks break off later in the year.',
        link: null,
      },
      {
        date: { start: '1969-03-02', end: '1969-03-02', precision: 'day', circa: false, time: null },
        title: 'Fighting on Zhenbao Island',
        description:
          'Border troops clash on a small island in the Ussuri River; a second clash follows two weeks later.',
        link: null,
      },
      {
        date: { start: '1969-09-11', end: '1969-09-11', precision: 'day', circa: false, time: null },
        title: 'Zhou Enlai and Kosygin meet at Beijing airport',
        description: 'A short meeting on the way back from Hanoi opens the way to talks on the border.',
        link: null,
      },
    ],
  },
  {
    type: 'theme',
    slug: 'cold-war-asia',
    title: 'Wars and crises in Cold War Asia',
    summary: 'Korea, the Taiwan Strait and Indochina in the records of several capitals.',
    overview:
      '<p>In Asia the Cold War was rarely cold. This theme brings together the demo collections on the Korean War, the Geneva Conference of 1954, the crises in the Taiwan Strait and the wars in Indochina.</p>' +
      '<p>The dates on the timeline are reference points, not a complete chronology.</p>',
    status: 'published',
    collections: [{ name: 'Cold War in Asia', variants: [], note: null, dates: null }],
    events: [
      {
        date: { start: '1950-10-19', end: '1950-10-19', precision: 'day', circa: false, time: null },
        title: 'Chinese forces enter the Korean War',
        description: null,
        link: null,
      },
      {
        date: { start: '1953-07-27', end: '1953-07-27', precision: 'day', circa: false, time: null },
        title: 'Armistice signed at Panmunjom',
        description: 'The fighting stops along a line close to where the war began.',
        link: null,
      },
      {
        date: { start: '1954-04-26', end: '1954-07-21', precision: 'day', circa: false, time: null },
        title: 'Geneva Conference on Korea and Indochina',
        description: null,
        link: null,
      },
      {
        date: { start: '1955-02-01', end: '1955-02-28', precision: 'month', circa: false, time: null },
        title: 'Evacuation of the Dachen Islands',
        description: null,
        link: null,
      },
      {
        date: { start: '1958-08-23', end: '1958-08-23', precision: 'day', circa: false, time: null },
        title: 'Artillery bombardment of Kinmen begins',
        description: null,
        link: null,
      },
    ],
  },
];

export const demoReaders: ReaderRecord[] = [
  {
    type: 'reader',
    slug: 'border-in-five-documents',
    title: 'A border in five documents, 1962–1969',
    compiler: 'Chancery demonstration editors',
    introduction:
      '<p>This reader is meant for a first seminar on the Sino-Soviet split. Its five documents move from a local crisis in Xinjiang to armed clashes and a last-minute meeting of the two premiers.</p>' +
      '<p>Read them in order. For each, ask who wrote it, for whom, and what the writer could not know. The notes suggest where to look.</p>',
    status: 'published',
    items: [
      {
        document: { externalId: 'demo/1962-05-29-chervonenko-cable' },
        note: 'A cable written in the middle of events. Note how the ambassador separates what he saw from what he was told.\n\nCompare its date with the flight from Ili on the frontier theme’s timeline.',
      },
      {
        document: { externalId: 'demo/c1962-far-eastern-department-memo' },
        note: 'An internal memorandum whose date is only approximate. What in the text helps to date it more closely?',
      },
      {
        document: { externalId: 'demo/1964-02-25-border-consultations' },
        note: 'The consultations that opened this day were meant to settle the line. Look for the words each side uses for the same places.',
      },
      {
        document: { externalId: 'demo/1969-03-ussuri-intelligence-memo' },
        note: 'A view from outside: an intelligence analysis written while both governments were publishing their own accounts.',
      },
      {
        document: { externalId: 'demo/1969-09-11-zhou-kosygin' },
        note: 'Minutes of a meeting that lasted a few hours. What does each premier want the other to take home?',
      },
    ],
  },
];
