import type { DemoDocument } from '../demo.types.ts';
import {
  as,
  collections,
  demoProgram,
  funders,
  organizations as org,
  people as p,
  places,
  repositories,
  rights,
  subjects,
} from './authorities.ts';

/** Berlin, from the Soviet ultimatum of 1958 to the Wall. All texts are invented for the demo. */

export const berlinNote: DemoDocument = {
  record: {
    externalId: 'demo/1958-11-27-soviet-note-berlin',
    title: 'Note of the Soviet Government to the Government of the United States on the Status of Berlin',
    summary:
      'Moscow declares the wartime agreements on Berlin void, proposes that West Berlin become a demilitarised free city and sets a six-month period for talks.',
    date: '1958-11-27',
    placeOfOrigin: 'Moscow',
    type: 'letter',
    languages: ['ru'],
    repository: repositories.avprf,
    archivalReference: 'AVPRF f. 0129, op. 42, p. 298, d. 4, ll. 1–3',
    program: demoProgram,
    funders: [funders.alderTrust],
    credits: [{ role: 'translator', name: 'Daniel Hart' }],
    rights: rights.demo,
    subjects: [subjects.germanQuestion],
    places: [places.berlin, places.germany, places.moscow],
    agents: [
      as('author', org.sovietForeignMinistry),
      as('recipient', org.stateDepartment),
      as('mentioned', p.khrushchev),
    ],
    collections: [collections.berlin],
  },
  original: {
    language: 'ru',
    title: 'Нота Правительства СССР Правительству Соединённых Штатов Америки',
    body: [
      'Правительство СССР считает, что соглашения о совместном управлении Берлином, заключённые в годы войны, утратили силу, поскольку западные державы сами нарушили их, превратив Западный Берлин в плацдарм враждебной деятельности против ГДР и других социалистических стран.',
      'Советское правительство предлагает придать Западному Берлину статус демилитаризованного вольного города, в жизнь которого не вмешивалось бы ни одно государство.',
      'Советское правительство готово в течение шести месяцев вести переговоры по этому вопросу. Если за этот срок соглашение не будет достигнуто, Советский Союз осуществит намеченные меры по договорённости с ГДР.',
    ],
    signature: ['Москва, 27 ноября 1958 года'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Daniel Hart',
      title: 'Note of the Government of the USSR to the Government of the United States of America',
      body: [
        'The Government of the USSR considers that the agreements on the joint administration of Berlin concluded during the war have lost their force, since the Western powers themselves violated them by turning West Berlin into a base for hostile activity against the GDR and other socialist countries.',
        'The Soviet Government proposes to give West Berlin the status of a demilitarised free city, in whose life no state would interfere.',
        'The Soviet Government is ready to negotiate on this question for six months. If no agreement is reached in that time, the Soviet Union will carry out the intended measures by agreement with the GDR.',
      ],
      signature: ['Moscow, 27 November 1958'],
    },
  ],
};

export const viennaAideMemoire: DemoDocument = {
  record: {
    externalId: 'demo/1961-06-04-vienna-aide-memoire',
    title: 'Soviet Aide-Mémoire on Germany Handed to President Kennedy in Vienna',
    summary:
      'The aide-mémoire Khrushchev gave Kennedy at the end of the Vienna summit, repeating the call for a German peace treaty and a free city of West Berlin, now with a deadline at the end of the year.',
    date: '1961-06-04',
    placeOfOrigin: 'Vienna',
    type: 'memorandum',
    languages: ['ru'],
    repository: repositories.avprf,
    archivalReference: 'AVPRF f. 0129, op. 45, p. 322, d. 11, ll. 5–9',
    program: demoProgram,
    funders: [funders.alderTrust, funders.openArchives],
    credits: [{ role: 'translator', name: 'Daniel Hart' }],
    rights: rights.demo,
    subjects: [subjects.germanQuestion],
    places: [places.vienna, places.berlin],
    agents: [as('author', p.khrushchev), as('recipient', p.kennedy)],
    collections: [collections.berlin],
    related: [{ externalId: 'demo/1958-11-27-soviet-note-berlin' }],
  },
  original: {
    language: 'ru',
    title: 'Памятная записка',
    body: [
      'Прошло более пятнадцати лет после окончания Второй мировой войны, а мирный договор с Германией всё ещё не заключён. Это положение не может продолжаться бесконечно.',
      'Советское правительство предлагает безотлагательно созвать мирную конференцию и заключить мирный договор с обоими германскими государствами или с каждым из них в отдельности.',
      'Чтобы не затягивать дело, целесообразно установить срок переговоров, не превышающий шести месяцев. Если западные державы не пожелают участвовать, Советский Союз подпишет мирный договор с ГДР.',
    ],
  },
  translations: [
    {
      language: 'en',
      translator: 'Daniel Hart',
      title: 'Aide-Mémoire',
      body: [
        'More than fifteen years have passed since the end of the Second World War, and a peace treaty with Germany has still not been concluded. This state of affairs cannot go on for ever.',
        'The Soviet Government proposes to call a peace conference without delay and to conclude a peace treaty with both German states or with each of them separately.',
        'So as not to drag the matter out, it would be advisable to set a period for negotiations of no more than six months. If the Western powers do not wish to take part, the Soviet Union will sign a peace treaty with the GDR.',
      ],
    },
  ],
};

export const berlinSectorCable: DemoDocument = {
  record: {
    externalId: 'demo/1961-08-13-us-mission-berlin-cable',
    title: 'Cable from the US Mission in Berlin: Sector Border Closed',
    summary:
      'An early-morning report that East German police and troops have closed the sector border with barbed wire and that trains from the East no longer run to West Berlin.',
    date: { start: '1961-08-13', time: '06:15' },
    placeOfOrigin: 'Berlin',
    type: 'cable',
    classifications: ['Confidential', 'Niact'],
    languages: ['en'],
    repository: repositories.nara,
    archivalReference: 'RG 59, Central Decimal File 762.0221/8-1361',
    program: demoProgram,
    funders: [funders.openArchives],
    credits: [{ role: 'transcriber', name: 'Chancery demo team' }],
    rights: rights.demoUsGov,
    subjects: [subjects.berlinWall, subjects.germanQuestion],
    places: [places.berlin],
    agents: [as('author', org.usMissionBerlin), as('author', p.eleanorMarsh), as('recipient', p.rusk)],
    collections: [collections.berlin],
    related: [{ externalId: 'demo/1961-06-04-vienna-aide-memoire' }],
  },
  original: {
    language: 'en',
    marking: 'CONFIDENTIAL — NIACT',
    reference: 'Berlin 214',
    title: 'From USBER to Secretary of State, Washington',
    header: [
      ['Date:', 'August 13, 1961, 6:15 a.m.'],
      ['Subject:', 'Closing of the sector border'],
    ],
    body: [
      '1. Beginning about 0100 local time, East German police and army units took up positions along the whole of the sector border. Barbed wire is being strung across streets at Potsdamer Platz, Bernauer Strasse and elsewhere. Crossing points are closed except for a small number to be controlled by the East.',
      '2. S-Bahn and U-Bahn trains from the East sector no longer run through to West Berlin. Several hundred people gathered on the Western side at first light; the crowd is quiet.',
      '3. No Soviet troops have been seen at the border itself, although Soviet units are reported on the outskirts of the city. Allied access to East Berlin has not so far been tested. [[One paragraph not declassified.]]',
      '4. Mission will report developments hourly.',
    ],
    signature: ['Lightner [for the Mission; drafted by E. Marsh]'],
  },
  scan: { form: 'text-pdf', fileName: 'RG59-762.0221-8-1361.pdf' },
};

export const ulbrichtLetter: DemoDocument = {
  record: {
    externalId: 'demo/1962-01-ulbricht-letter',
    title:
      'Letter from Walter Ulbricht to Nikita Khrushchev on the Economic Situation of the GDR after 13 August',
    summary:
      'Ulbricht tells Khrushchev that closing the border has stopped the loss of workers but that the GDR now needs more Soviet raw materials, and asks for talks on a peace treaty.',
    date: '1962-01',
    placeOfOrigin: 'Berlin',
    type: 'letter',
    classifications: ['Streng geheim'],
    languages: ['de'],
    repository: repositories.bundesarchiv,
    archivalReference: 'SAPMO-BArch, DY 30/3509, Bl. 12–15',
    program: demoProgram,
    funders: [funders.alderTrust],
    credits: [{ role: 'translator', name: 'Daniel Hart' }],
    rights: rights.demo,
    subjects: [subjects.berlinWall, subjects.germanQuestion],
    places: [places.berlin, places.germany],
    agents: [as('author', p.ulbricht), as('recipient', p.khrushchev), as('author', org.sedCentralCommittee)],
    collections: [collections.berlin],
    related: [{ externalId: 'demo/1961-08-13-us-mission-berlin-cable' }],
  },
  original: {
    language: 'de',
    marking: 'Streng geheim',
    title: 'An den Ersten Sekretär des ZK der KPdSU, Genossen N. S. Chruschtschow',
    body: [
      'Werter Genosse Chruschtschow!',
      'Die Maßnahmen vom 13. August haben die Abwanderung von Arbeitskräften nach Westberlin beendet. Die Lage in den Betrieben hat sich seitdem beruhigt.',
      'Zugleich stehen wir vor ernsten Schwierigkeiten bei der Versorgung der Industrie mit Rohstoffen, vor allem mit Walzstahl und Baumwolle. Wir bitten daher, die Lieferungen für 1962 zu überprüfen.',
      'Wir halten es weiterhin für notwendig, die Frage des Friedensvertrages nicht auf unbestimmte Zeit zu verschieben.',
      'Mit kommunistischem Gruß',
    ],
    signature: ['W. Ulbricht'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Daniel Hart',
      marking: 'Top Secret',
      title: 'To the First Secretary of the CC of the CPSU, Comrade N. S. Khrushchev',
      body: [
        'Dear Comrade Khrushchev,',
        'The measures of 13 August have put an end to the drain of workers to West Berlin. The situation in the factories has calmed down since then.',
        'At the same time we face serious difficulties in supplying industry with raw materials, above all rolled steel and cotton. We therefore ask that the deliveries for 1962 be reviewed.',
        'We still consider it necessary not to postpone the question of the peace treaty indefinitely.',
        'With communist greetings,',
      ],
      signature: ['W. Ulbricht'],
    },
  ],
};
