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

/** Indochina from the Liuzhou meeting of 1954 to the Paris talks of 1968. All texts are invented for the demo. */

export const liuzhouMinutes: DemoDocument = {
  record: {
    externalId: 'demo/1954-07-03-liuzhou-zhou-ho',
    title: 'Minutes of the Talks between Premier Zhou Enlai and President Ho Chi Minh at Liuzhou',
    summary:
      'During a break in the Geneva Conference, Zhou and Ho discuss where a military demarcation line in Vietnam might run and why a compromise now would serve the Vietnamese side.',
    date: { start: '1954-07-03', time: '09:00' },
    placeOfOrigin: 'Liuzhou',
    type: 'minutes',
    classifications: ['Top Secret'],
    languages: ['zh'],
    repository: repositories.prcFma,
    archivalReference: 'PRC FMA 206-00048-05, 1-11',
    program: demoProgram,
    funders: [funders.macArthur, funders.luce],
    credits: [
      { role: 'translator', name: 'Meridian Language Services' },
      { role: 'transcriber', name: 'Chancery demo team' },
    ],
    rights: rights.demo,
    subjects: [subjects.peaceTalks, subjects.militaryAid],
    places: [places.liuzhou, places.vietnam],
    agents: [as('participant', p.zhouEnlai), as('participant', p.hoChiMinh), as('mentioned', p.phamVanDong)],
    collections: [collections.indochina, collections.geneva1954],
    related: [{ externalId: 'demo/1954-05-14-zhou-molotov' }],
  },
  original: {
    language: 'zh',
    marking: '绝密',
    title: '周恩来总理与胡志明主席柳州会谈记录',
    header: [
      ['时间：', '一九五四年七月三日上午九时'],
      ['地点：', '柳州'],
    ],
    body: [
      {
        speaker: '周：',
        text: '日内瓦会议已经到了关键的时刻。法国新政府希望早日停战，英国也在推动。如果我们的条件定得过高，会议可能破裂，美国就会乘机插手。',
      },
      {
        speaker: '胡：',
        text: '我们理解这一点。但是越南人民打了八年仗，分界线划得太靠北，群众和干部都难以接受。',
      },
      {
        speaker: '周：',
        text: '分界线的位置可以争取，但要有一个限度。停战以后，通过选举实现统一，这是政治斗争的继续。',
      },
      { speaker: '胡：', text: '我们同意以此为基础，回去后同中央商量，再把具体意见告诉范文同同志。' },
    ],
  },
  translations: [
    {
      language: 'en',
      translator: 'Meridian Language Services',
      marking: 'Top Secret',
      title: 'Minutes of the Talks between Premier Zhou Enlai and President Ho Chi Minh at Liuzhou',
      header: [
        ['Time:', '3 July 1954, 9:00 a.m.'],
        ['Venue:', 'Liuzhou'],
      ],
      body: [
        {
          speaker: 'Zhou:',
          text: 'The Geneva Conference has reached a decisive moment. The new French government wants an early ceasefire, and Britain is pushing too. If we set our terms too high the conference may break down, and the Americans will use that to step in.',
        },
        {
          speaker: 'Ho:',
          text: 'We understand this. But the Vietnamese people have fought for eight years; if the line is drawn too far north, neither the people nor the cadres will easily accept it.',
        },
        {
          speaker: 'Zhou:',
          text: 'We can bargain over where the line runs, but within a limit. After the ceasefire, reunification through elections continues the struggle by political means.',
        },
        {
          speaker: 'Ho:',
          text: 'We agree to take this as the basis. After we return we will discuss it in our Central Committee and then pass our concrete views to Comrade Pham Van Dong [at Geneva].',
        },
      ],
    },
  ],
  scan: { form: 'image-pdf', fileName: 'PRC-FMA-206-00048-05.pdf', tiltDegrees: 0.6 },
};

export const hanoiTransitCable: DemoDocument = {
  record: {
    externalId: 'demo/1965-04-hanoi-transit-cable',
    title: 'Cable from the Chinese Embassy in Vietnam on Soviet Aid Shipped by Rail through China',
    summary:
      'The embassy reports Vietnamese complaints about delays to Soviet military equipment crossing China by rail and suggests answering them with figures.',
    date: '1965-04',
    placeOfOrigin: 'Hanoi',
    type: 'cable',
    classifications: ['Secret'],
    languages: ['zh'],
    repository: repositories.prcFma,
    archivalReference: 'PRC FMA 106-01270-02, 12-14',
    program: demoProgram,
    funders: [funders.luce],
    credits: [{ role: 'translator', name: 'Zhao Min' }],
    rights: rights.demo,
    subjects: [subjects.transit, subjects.militaryAid, subjects.sinoSovietRelations],
    places: [places.hanoi, places.china],
    agents: [as('author', org.chineseEmbassyHanoi), as('recipient', org.prcForeignMinistry)],
    collections: [collections.indochina, collections.split],
  },
  original: {
    language: 'zh',
    marking: '秘密',
    title: '驻越南使馆关于苏联援越物资经我国铁路过境问题的电报',
    body: [
      '近来越方有关部门多次向我馆反映，苏联援越的部分军事装备在我国境内转运时间较长，个别批次延误。苏联使馆人员也在外交界散布所谓中国阻挠援越物资过境的说法。',
      '经向国内有关部门了解，过境物资均按照计划安排运输，延误主要是由于苏方交货单据不全和临时变更品种所致。',
      '建议将过境物资的数量和到达时间整理成表，适时向越方通报，以正视听。',
    ],
    signature: ['驻越南使馆'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Zhao Min',
      marking: 'Secret',
      title:
        'Cable from the Embassy in Vietnam on the Transit of Soviet Aid to Vietnam by Rail through China',
      body: [
        'Vietnamese departments have recently told the Embassy several times that some Soviet military equipment for Vietnam has taken a long time to be transshipped across China and that some consignments were delayed. Soviet embassy staff have also been spreading the claim among diplomats that China obstructs the transit of aid.',
        'Enquiries with the departments concerned at home show that transit goods are moved as planned; the delays were caused mainly by incomplete Soviet shipping papers and by last-minute changes in what was sent.',
        'We suggest compiling a table of the quantities and arrival dates of transit goods and informing the Vietnamese side at a suitable moment, to set the record straight.',
      ],
      signature: ['Embassy in Vietnam'],
    },
  ],
};

export const hanoiPoliticalReport: DemoDocument = {
  record: {
    externalId: 'demo/1966-soviet-embassy-hanoi-report',
    title: 'Political Report of the Soviet Embassy in the DRV for 1966 (Excerpt)',
    summary:
      'From the annual report of the Soviet Embassy in Hanoi: Vietnamese leaders balance between Moscow and Beijing while Soviet influence grows with deliveries of air defence equipment.',
    date: '1966',
    placeOfOrigin: 'Hanoi',
    type: 'report',
    classifications: ['Secret'],
    languages: ['ru'],
    repository: repositories.rgani,
    archivalReference: 'RGANI f. 5, op. 59, d. 329, ll. 150–153',
    program: demoProgram,
    funders: [funders.alderTrust],
    credits: [{ role: 'translator', name: 'Daniel Hart' }],
    rights: rights.demo,
    subjects: [subjects.militaryAid, subjects.sinoSovietRelations],
    places: [places.hanoi, places.vietnam],
    agents: [
      as('author', org.sovietEmbassyHanoi),
      as('author', p.shcherbakov),
      as('recipient', org.sovietForeignMinistry),
    ],
    collections: [collections.indochina],
    related: [{ externalId: 'demo/1965-04-hanoi-transit-cable' }],
  },
  original: {
    language: 'ru',
    marking: 'Секретно',
    title: 'Политический отчёт посольства СССР в ДРВ за 1966 год (извлечение)',
    body: [
      'В истекшем году руководство ДРВ продолжало лавировать между КПСС и КПК, избегая открытой поддержки той или другой стороны в вопросах, по которым между ними существуют разногласия.',
      'Вместе с тем поставки советских зенитных ракетных комплексов и подготовка вьетнамских расчётов заметно укрепили позиции СССР. Вьетнамские товарищи всё чаще обращаются к нам за консультациями по военным вопросам.',
      'Китайская сторона по-прежнему ставит препятствия перевозке советских грузов, хотя и в меньших масштабах, чем в прошлом году.',
    ],
    signature: ['Посол СССР в ДРВ И. Щербаков'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Daniel Hart',
      marking: 'Secret',
      title: 'Political Report of the USSR Embassy in the DRV for 1966 (Excerpt)',
      body: [
        'Over the past year the leadership of the DRV continued to manoeuvre between the CPSU and the CCP, avoiding open support for either side on the questions that divide them.',
        'At the same time, deliveries of Soviet surface-to-air missile systems and the training of Vietnamese crews have markedly strengthened the position of the USSR. The Vietnamese comrades turn to us more and more often for advice on military questions.',
        'The Chinese side still puts obstacles in the way of Soviet freight in transit, although on a smaller scale than last year.',
      ],
      signature: ['USSR Ambassador to the DRV, I. Shcherbakov'],
    },
  ],
};

export const parisTalksMemo: DemoDocument = {
  record: {
    externalId: 'demo/1968-05-paris-talks-memo',
    title: 'Memorandum for the President: Opening of the Paris Talks with North Vietnam',
    summary:
      'A short memorandum on the first sessions of the Paris talks: both sides restated their positions, and the American delegation recommends patience before any change on the bombing.',
    date: '1968-05',
    placeOfOrigin: 'Washington, D.C.',
    type: 'memorandum',
    classifications: ['Secret', 'Nodis'],
    languages: ['en'],
    repository: repositories.nara,
    archivalReference: 'RG 59, Central Files 1967–69, POL 27-14 VIET',
    program: demoProgram,
    funders: [funders.openArchives],
    rights: rights.demoUsGov,
    subjects: [subjects.peaceTalks],
    places: [places.paris, places.vietnam],
    agents: [as('author', p.rusk), as('author', org.stateDepartment)],
    collections: [collections.indochina],
  },
  original: {
    language: 'en',
    marking: 'SECRET — NODIS',
    title: 'Memorandum for the President',
    header: [
      ['From:', 'The Secretary of State'],
      ['Subject:', 'The opening sessions in Paris'],
    ],
    body: [
      'The first formal sessions in Paris have gone much as we expected. Hanoi’s delegation insists that all bombing and other acts of war against the North must end unconditionally before anything else is discussed. Our delegation has answered that restraint must be mutual.',
      'There is no sign yet that Hanoi will accept any reciprocal step. Our delegation believes the other side is testing our patience and reading our domestic debate closely.',
      'I recommend that we make no change in our position for the present and that the delegation keep its statements short and firm. [[Two sentences not declassified.]]',
    ],
    signature: ['Dean Rusk'],
  },
};
