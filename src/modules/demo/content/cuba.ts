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

/** October 1962 seen from Havana, Washington and the Chinese embassy. All texts are invented for the demo. */

export const alekseevCable: DemoDocument = {
  record: {
    externalId: 'demo/1962-10-23-alekseev-cable',
    title: 'Cable from Ambassador Alekseev in Havana on Cuban Reactions to the Quarantine Speech',
    summary:
      'The Soviet ambassador reports Castro’s first reaction to Kennedy’s announcement of a naval quarantine: mobilisation, confidence in Soviet support, and a request for guidance on what to say publicly.',
    date: { start: '1962-10-23', time: '14:00' },
    placeOfOrigin: 'Havana',
    type: 'cable',
    classifications: ['Top Secret'],
    languages: ['ru'],
    repository: repositories.avprf,
    archivalReference: 'AVPRF f. 0104, op. 18, p. 121, d. 6, ll. 88–89',
    program: demoProgram,
    funders: [funders.macArthur, funders.alderTrust],
    credits: [{ role: 'translator', name: 'Anna Korsakova' }],
    rights: rights.demo,
    subjects: [subjects.missiles, subjects.blockade],
    places: [places.havana, places.cuba],
    agents: [
      as('author', p.alekseev),
      as('author', org.sovietEmbassyHavana),
      as('mentioned', p.castro),
      as('mentioned', p.kennedy),
      as('recipient', org.sovietForeignMinistry),
    ],
    collections: [collections.cuba],
  },
  original: {
    language: 'ru',
    marking: 'Совершенно секретно',
    title: 'Из Гаваны. Вне очереди',
    body: [
      'Сегодня утром встретился с Фиделем Кастро. Он заявил, что речь Кеннеди не явилась для кубинского руководства неожиданностью и что в стране объявлена всеобщая мобилизация.',
      'Кастро выразил уверенность в том, что Советский Союз не оставит Кубу, и просил как можно скорее сообщить, какой линии следует придерживаться в публичных выступлениях, чтобы не разойтись с позицией Москвы.',
      'Настроение населения спокойное, в Гаване очередей нет. Прошу указаний.',
    ],
    signature: ['Алексеев'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Anna Korsakova',
      marking: 'Top Secret',
      title: 'From Havana. Out of turn [most urgent]',
      body: [
        'This morning I met Fidel Castro. He said that Kennedy’s speech had not come as a surprise to the Cuban leadership and that general mobilisation had been declared in the country.',
        'Castro expressed confidence that the Soviet Union would not abandon Cuba, and asked to be told as soon as possible what line to take in public statements so as not to diverge from Moscow’s position.',
        'The mood of the population is calm; there are no queues in Havana. I request instructions.',
      ],
      signature: ['Alekseev'],
    },
  ],
};

export const excommNotes: DemoDocument = {
  record: {
    externalId: 'demo/1962-10-27-excomm-notes',
    title:
      'Notes on the Meeting of the Executive Committee of the National Security Council, 27 October 1962',
    summary:
      'Notes of a tense afternoon: a U-2 is lost over Cuba, a second Soviet letter raises the price of a settlement, and the committee debates how to answer.',
    date: { start: '1962-10-27', time: '16:00' },
    placeOfOrigin: 'Washington, D.C.',
    type: 'memorandum',
    classifications: ['Top Secret', 'Eyes Only'],
    languages: ['en'],
    repository: repositories.jfkLibrary,
    archivalReference: 'NSF, Meetings and Memoranda, ExComm, Box 316, Folder 4',
    program: demoProgram,
    funders: [funders.openArchives],
    credits: [{ role: 'transcriber', name: 'Chancery demo team' }],
    rights: rights.demoUsGov,
    subjects: [subjects.missiles, subjects.blockade],
    places: [places.washington, places.cuba],
    agents: [
      as('participant', p.kennedy),
      as('participant', p.rusk),
      as('participant', p.mcnamara),
      as('participant', p.thompson),
      as('mentioned', p.khrushchev),
    ],
    collections: [collections.cuba],
    related: [{ externalId: 'demo/1962-10-23-alekseev-cable' }],
  },
  original: {
    language: 'en',
    marking: 'TOP SECRET — EYES ONLY',
    title: 'Executive Committee Meeting, 4:00 p.m.',
    header: [
      ['Present:', 'The President, Secretary Rusk, Secretary McNamara, Ambassador Thompson, and others'],
    ],
    body: [
      {
        speaker: 'Secretary McNamara',
        text: 'reported that a U-2 on a reconnaissance mission over Cuba was overdue and presumed lost, probably to a surface-to-air missile.',
      },
      {
        speaker: 'Secretary Rusk',
        text: 'summarised the message from Chairman Khrushchev broadcast this morning, which links the withdrawal of the missiles in Cuba to the withdrawal of US missiles from Turkey. It differs in tone from last night’s private letter.',
      },
      {
        speaker: 'Ambassador Thompson',
        text: 'suggested answering the private letter and treating the public message as if it had not been received. In his view Khrushchev needed to be able to say that he had saved Cuba from invasion.',
      },
      {
        speaker: 'The President',
        text: 'said that a reply should be drafted on that basis tonight, while preparations for further military action continued. [[Two lines not declassified.]]',
      },
    ],
  },
};

export const havanaEmbassyReport: DemoDocument = {
  record: {
    externalId: 'demo/1962-11-havana-embassy-report',
    title: 'Report of the Chinese Embassy in Cuba on Cuban Attitudes after the Withdrawal of Soviet Missiles',
    summary:
      'The embassy reports Cuban anger at the way the crisis was settled over their heads and recommends stressing Chinese support for Cuba’s five demands.',
    date: '1962-11',
    placeOfOrigin: 'Havana',
    type: 'report',
    classifications: ['Secret'],
    languages: ['zh'],
    repository: repositories.prcFma,
    archivalReference: 'PRC FMA 111-00342-04, 22-27',
    program: demoProgram,
    funders: [funders.macArthur, funders.luce],
    credits: [{ role: 'translator', name: 'Zhao Min' }],
    rights: rights.demo,
    subjects: [subjects.missiles, subjects.sinoSovietRelations],
    places: [places.havana, places.cuba],
    agents: [
      as('author', org.chineseEmbassyHavana),
      as('recipient', org.prcForeignMinistry),
      as('mentioned', p.castro),
      as('mentioned', p.khrushchev),
    ],
    collections: [collections.cuba, collections.split],
    related: [{ externalId: 'demo/1962-10-27-excomm-notes' }],
  },
  original: {
    language: 'zh',
    marking: '秘密',
    title: '驻古巴使馆关于苏联撤走导弹后古巴各方态度的报告',
    body: [
      '苏联同意撤走导弹的消息传来后，古巴领导人和群众普遍感到意外和不满，认为苏联事先没有同古巴商量，就同美国作了交易。',
      '卡斯特罗在讲话中提出保障古巴主权的五项要求，得到各界的热烈支持。一些干部私下对我表示，古巴的命运不能由大国决定。',
      '我们建议，在宣传上继续强调中国人民坚决支持古巴的五项要求，但对苏联的做法不作直接评论，以免给古巴方面造成为难。',
    ],
    signature: ['驻古巴使馆', '一九六二年十一月'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Zhao Min',
      marking: 'Secret',
      title:
        'Report of the Embassy in Cuba on the Attitudes of Various Cuban Quarters after the Soviet Withdrawal of the Missiles',
      body: [
        'When the news came that the Soviet Union had agreed to withdraw the missiles, Cuban leaders and the public were widely surprised and displeased. They felt that the Soviet Union had struck a deal with the United States without consulting Cuba first.',
        'In a speech Castro set out five demands to safeguard Cuba’s sovereignty, which were warmly supported on all sides. Some cadres told us privately that Cuba’s fate could not be decided by the great powers.',
        'We propose that our publicity continue to stress the Chinese people’s firm support for Cuba’s five demands, but make no direct comment on the Soviet conduct, so as not to embarrass the Cuban side.',
      ],
      signature: ['Embassy in Cuba', 'November 1962'],
    },
  ],
};

export const shippingLog: DemoDocument = {
  record: {
    externalId: 'demo/1962-10-22-shipping-log',
    title: 'Log of Soviet Bloc Shipping Observed on the Approaches to Cuba',
    summary:
      'A running log kept through the quarantine, recording ships sighted, hailed or turned back; the list of vessels is attached as a separate record.',
    date: { start: '1962-10-22', end: '1962-11-20' },
    placeOfOrigin: 'Norfolk, Virginia',
    type: 'report',
    classifications: ['Secret'],
    languages: ['en'],
    repository: repositories.nara,
    archivalReference: 'RG 38, CNO Cuban Quarantine Files, Box 3',
    program: demoProgram,
    funders: [funders.openArchives],
    rights: rights.demoUsGov,
    subjects: [subjects.blockade, subjects.missiles],
    places: [places.cuba],
    agents: [],
    collections: [collections.cuba],
    attachments: [{ externalId: 'demo/1962-11-20-shipping-log-annex' }],
  },
  original: {
    language: 'en',
    marking: 'SECRET',
    title: 'Quarantine Operations: Log of Shipping Observed',
    header: [['Period:', '22 October – 20 November 1962']],
    body: [
      '22 Oct. Quarantine proclaimed; effective 1400Z on 24 October. Patrol line established five hundred miles from Cape Maysí [later drawn in closer].',
      '24 Oct. Several Soviet ships on course for Cuba reported stopped or turning back before reaching the line.',
      '26 Oct. Lebanese-flag freighter under Soviet charter boarded and inspected; no prohibited cargo; allowed to proceed.',
      '7–11 Nov. Outbound ships carrying missiles alongside for inspection; canvas covers drawn back for photography.',
      '20 Nov. Quarantine lifted. See annex for the list of vessels.',
    ],
  },
};

export const shippingLogAnnex: DemoDocument = {
  record: {
    externalId: 'demo/1962-11-20-shipping-log-annex',
    title: 'Annex: List of Vessels Sighted during the Quarantine',
    summary: 'The vessel list that accompanies the quarantine shipping log.',
    date: '1962-11-20',
    type: 'report',
    classifications: ['Secret'],
    languages: ['en'],
    repository: repositories.nara,
    archivalReference: 'RG 38, CNO Cuban Quarantine Files, Box 3, Annex A',
    program: demoProgram,
    rights: rights.demoUsGov,
    subjects: [subjects.blockade],
    places: [places.cuba],
    collections: [collections.cuba],
  },
  original: {
    language: 'en',
    marking: 'SECRET',
    title: 'Annex A: Vessels Sighted',
    body: [
      'Column headings: name of vessel; flag; date and position when sighted; action taken.',
      '[The list, some sixty lines long, is not transcribed in this demo record.]',
    ],
  },
};
