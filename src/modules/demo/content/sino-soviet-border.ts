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

/** The Sino-Soviet border from the 1962 crossings to the 1969 clashes. All texts are invented for the demo. */

export const chervonenkoCable: DemoDocument = {
  record: {
    externalId: 'demo/1962-05-29-chervonenko-cable',
    title: 'Cable from Ambassador Chervonenko to the USSR Ministry of Foreign Affairs on Events in Yining',
    summary:
      'The Soviet ambassador in Beijing reports Chinese accusations after the disturbance in Yining and advises Moscow to answer in writing, calmly and without delay.',
    date: { start: '1962-05-29', time: '23:40' },
    placeOfOrigin: 'Beijing',
    type: 'cable',
    classifications: ['Secret', 'Urgent'],
    languages: ['ru'],
    repository: repositories.avprf,
    archivalReference: 'AVPRF f. 0100, op. 55, p. 478, d. 9, ll. 112–113',
    program: demoProgram,
    funders: [funders.alderTrust],
    credits: [{ role: 'translator', name: 'Anna Korsakova' }],
    rights: rights.demo,
    subjects: [subjects.borderCrossings, subjects.diplomaticProtests, subjects.sinoSovietRelations],
    places: [places.beijing, places.ili, places.moscow],
    agents: [
      as('author', p.chervonenko),
      as('recipient', org.sovietForeignMinistry),
      as('mentioned', p.zhangHanfu),
    ],
    collections: [collections.exodus],
  },
  original: {
    language: 'ru',
    marking: 'СЕКРЕТНО. СРОЧНО',
    reference: 'Шифртелеграмма № 1126',
    title: 'Из Пекина. Министерство иностранных дел СССР',
    body: [
      'Сегодня заместитель министра иностранных дел КНР Чжан Ханьфу пригласил меня и сделал устное заявление в связи с событиями 29 мая в городе Кульджа (Инин). По утверждению китайской стороны, беспорядки были вызваны слухами о том, что советская граница открыта, а сотрудники нашего консульства якобы поддерживали связь с организаторами.',
      'Я ответил, что эти утверждения не соответствуют действительности, что консульство действует в рамках своих функций и что советская сторона заинтересована в спокойствии на границе.',
      'Считаю целесообразным в ближайшие дни дать китайской стороне письменный ответ, спокойный по тону, без полемики, с предложением обсудить практические вопросы на уровне компетентных ведомств. Промедление будет истолковано как признание обвинений.',
    ],
    signature: ['С. Червоненко', '29.V.62'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Anna Korsakova',
      marking: 'SECRET. URGENT',
      reference: 'Cipher cable No. 1126',
      title: 'From Beijing. To the Ministry of Foreign Affairs of the USSR',
      body: [
        'Today Deputy Foreign Minister of the PRC Zhang Hanfu called me in and made an oral statement about the events of 29 May in the town of Kuldja (Yining).',
        'According to the Chinese side, the disturbance was caused by rumours that the Soviet border was open, and staff of our consulate had allegedly been in touch with its organisers.',
        'I answered that these allegations do not correspond to reality, that the consulate acts within its functions, and that the Soviet side has an interest in calm on the border.',
        'I think it advisable to give the Chinese side a written answer in the next few days, calm in tone and without polemics, proposing to discuss practical questions at the level of the competent departments. Delay would be read as an admission of the accusations.',
      ],
      signature: ['S. Chervonenko', '29 May 1962'],
      // The translator split the long first paragraph in two; the rest pairs in order.
      alignment: [{ original: [2], translation: [2, 3] }],
    },
  ],
  scan: { form: 'text-pdf', fileName: 'AVPRF-0100-55-478-9.pdf' },
};

export const borderMemo: DemoDocument = {
  record: {
    externalId: 'demo/c1962-far-eastern-department-memo',
    title:
      'Memorandum of the Far Eastern Department, USSR Ministry of Foreign Affairs, on the Situation on the Border with Xinjiang',
    summary:
      'An undated background note for the Soviet leadership on crossings from Xinjiang, the number of people received in the Kazakh SSR, and the risks for relations with Beijing.',
    date: 'c. 1962',
    placeOfOrigin: 'Moscow',
    type: 'memorandum',
    classifications: ['Secret'],
    languages: ['ru'],
    repository: repositories.avprf,
    archivalReference: 'AVPRF f. 0100, op. 55, p. 480, d. 3, ll. 40–43',
    program: demoProgram,
    funders: [funders.alderTrust, funders.openArchives],
    credits: [
      { role: 'translator', name: 'Anna Korsakova' },
      { role: 'translator', name: 'Lin Qiu' },
    ],
    rights: rights.demo,
    subjects: [subjects.borderCrossings, subjects.refugees, subjects.sinoSovietRelations],
    places: [places.kazakhstan, places.xinjiang, places.borderRegion],
    agents: [as('author', org.sovietForeignMinistry), as('recipient', org.cpsuCentralCommittee)],
    collections: [collections.exodus, collections.border],
    related: [{ externalId: 'demo/1962-08-09-soviet-statement' }],
  },
  original: {
    language: 'ru',
    marking: 'Секретно',
    title: 'Справка о положении на границе Казахской ССР с Синьцзяном',
    body: [
      'Весной текущего года на территорию Казахской ССР перешло значительное число жителей пограничных районов Синьцзяна. Большинство из них составляют казахи и уйгуры, часть которых имеет советские видовые свидетельства.',
      'Прибывшие размещены в колхозах и совхозах Алма-Атинской и Талды-Курганской областей. Местные органы испытывают трудности с жильём и кормами для скота.',
      'Китайская сторона обвиняет советские органы в организации перехода. Представляется необходимым избегать публичной полемики, но твёрдо отклонять эти обвинения, одновременно предложив переговоры по практическим вопросам.',
    ],
    signature: ['Дальневосточный отдел МИД СССР'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Anna Korsakova',
      marking: 'Secret',
      title: 'Note on the Situation on the Border of the Kazakh SSR with Xinjiang',
      body: [
        'This spring a considerable number of residents of the border districts of Xinjiang crossed into the territory of the Kazakh SSR. Most of them are Kazakhs and Uyghurs, some of whom hold Soviet residence permits.',
        'Those who arrived have been placed on collective and state farms of the Alma-Ata and Taldy-Kurgan regions. Local bodies are short of housing and of fodder for the livestock.',
        'The Chinese side accuses Soviet bodies of organising the crossings. It seems necessary to avoid public polemics but to reject these accusations firmly, while proposing talks on practical questions.',
      ],
      signature: ['Far Eastern Department, USSR Ministry of Foreign Affairs'],
    },
    {
      language: 'zh',
      translator: 'Lin Qiu',
      marking: '秘密',
      title: '关于哈萨克加盟共和国与新疆边境情况的说明',
      body: [
        '今年春天，新疆边境地区有相当数量的居民进入哈萨克加盟共和国境内，其中多数为哈萨克族和维吾尔族，一部分人持有苏联居留证。',
        '到达人员已被安置在阿拉木图州和塔尔迪库尔干州的集体农庄和国营农场。地方机关在住房和牲畜饲料方面遇到困难。',
        '中国方面指责苏联机关组织了越境。看来有必要避免公开论战，但应坚决驳回这些指责，同时提议就实际问题进行谈判。',
      ],
      signature: ['苏联外交部远东司'],
    },
  ],
};

export const ussuriMemo: DemoDocument = {
  record: {
    externalId: 'demo/1969-03-ussuri-intelligence-memo',
    title: 'Intelligence Memorandum: The Clashes on the Ussuri River',
    summary:
      'An American assessment of the March 1969 fighting on Zhenbao (Damansky) Island: who probably fired first, what each side wants, and how far the conflict may spread.',
    date: '1969-03',
    placeOfOrigin: 'Washington, D.C.',
    type: 'memorandum',
    classifications: ['Secret', 'No Foreign Dissem'],
    languages: ['en'],
    repository: repositories.nara,
    archivalReference: 'RG 263, Intelligence Memoranda 1969, Box 14, Folder 3',
    program: demoProgram,
    funders: [funders.openArchives],
    credits: [{ role: 'transcriber', name: 'Chancery demo team' }],
    rights: rights.demoUsGov,
    subjects: [subjects.armedClashes, subjects.borderDisputes, subjects.sinoSovietRelations],
    places: [places.zhenbao, places.heilongjiang, places.borderRegion],
    agents: [as('author', org.cia)],
    collections: [collections.border, collections.split],
  },
  original: {
    language: 'en',
    transcriber: 'Chancery demo team',
    marking: 'SECRET',
    reference: 'No. 0571/69',
    title: 'Intelligence Memorandum: The Clashes on the Ussuri River',
    header: [
      ['From:', 'Office of Current Intelligence'],
      ['Subject:', 'Fighting on Zhenbao (Damansky) Island, 2 and 15 March 1969'],
    ],
    body: [
      'SUMMARY: Two sharp engagements on a small, uninhabited island in the Ussuri have brought the Sino-Soviet border dispute to open bloodshed. Neither Moscow nor Beijing appears to want a wider war, but both now have reasons to keep the quarrel alive.',
      '1. The first clash, on 2 March, seems to have been planned by the Chinese side. A force of several hundred men was in place on the island before the Soviet patrol arrived. [[Two lines not declassified.]]',
      '2. The Soviet reply on 15 March was heavier, with armour and artillery fire from the eastern bank. Casualties on both sides probably run to the dozens.',
      '3. Beijing is using the fighting at home to rally opinion behind the Ninth Party Congress. Moscow has used it to press its allies for a common line against China. Each side publishes its own map of the channel; the island lies on the Chinese side of the main channel.',
      '4. OUTLOOK: We expect further incidents along the Amur, the Ussuri and the Xinjiang frontier over the coming months. A deliberate Soviet strike on Chinese nuclear facilities is possible but, in our judgement, unlikely in the near term. [[One paragraph not declassified.]]',
    ],
    signature: ['Office of Current Intelligence'],
  },
  scan: { form: 'image-pdf', fileName: 'RG263-IM-0571-69.pdf', tiltDegrees: -0.8 },
};

export const zhouKosygin: DemoDocument = {
  record: {
    externalId: 'demo/1969-09-11-zhou-kosygin',
    title: 'Minutes of Premier Zhou Enlai’s Meeting with Chairman Kosygin at Beijing Airport',
    summary:
      'At a short meeting at the Beijing airport on his way home from Hanoi, Kosygin and Zhou agree to keep the border quiet, to avoid armed clashes and to resume talks at vice-minister level.',
    date: { start: '1969-09-11', time: '10:30' },
    placeOfOrigin: 'Beijing, Capital Airport',
    type: 'minutes',
    classifications: ['Top Secret'],
    languages: ['zh'],
    repository: repositories.prcFma,
    archivalReference: 'PRC FMA 109-05123-02, 1-9',
    program: demoProgram,
    funders: [funders.macArthur],
    credits: [{ role: 'translator', name: 'Meridian Language Services' }],
    rights: rights.demo,
    subjects: [subjects.borderDisputes, subjects.sinoSovietRelations, subjects.armedClashes],
    places: [places.beijing, places.borderRegion],
    agents: [as('participant', p.zhouEnlai), as('participant', p.kosygin), as('mentioned', p.hoChiMinh)],
    collections: [collections.border, collections.split],
    related: [{ externalId: 'demo/1969-03-ussuri-intelligence-memo' }],
  },
  original: {
    language: 'zh',
    marking: '绝密',
    title: '周恩来总理在首都机场会见柯西金主席谈话记录',
    header: [
      ['时间：', '一九六九年九月十一日上午十时三十分'],
      ['地点：', '首都机场贵宾室'],
    ],
    body: [
      {
        speaker: '周：',
        text: '欢迎柯西金同志路过北京。胡志明主席逝世，我们两国都很悲痛。今天时间不多，我们可以就边界问题坦率地谈一谈。',
      },
      {
        speaker: '柯：',
        text: '我们同意。边境上的武装冲突对两国都没有好处。苏联政府建议双方首先采取措施，避免新的冲突。',
      },
      {
        speaker: '周：',
        text: '我们主张维持边界现状，双方武装力量在争议地区脱离接触，并且尽快恢复副部长级的边界谈判。',
      },
      { speaker: '柯：', text: '这些建议我回国后将报告苏共中央。我们也认为谈判应当尽早开始。' },
    ],
    signature: ['（根据记录整理，未经本人审阅）'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Meridian Language Services',
      marking: 'Top Secret',
      title: 'Minutes of Premier Zhou Enlai’s Meeting with Chairman Kosygin at Capital Airport',
      header: [
        ['Time:', '11 September 1969, 10:30 a.m.'],
        ['Venue:', 'VIP Lounge, Capital Airport'],
      ],
      body: [
        {
          speaker: 'Zhou:',
          text: 'Welcome, Comrade Kosygin, on your way through Beijing. Both our countries grieve at the death of President Ho Chi Minh. We have little time today, so let us speak frankly about the border.',
        },
        {
          speaker: 'Kosygin:',
          text: 'We agree. Armed clashes on the border do neither country any good. The Soviet Government proposes that both sides first take steps to prevent new clashes.',
        },
        {
          speaker: 'Zhou:',
          text: 'We favour keeping the status quo on the border, disengaging the armed forces of both sides in the disputed areas, and resuming the border talks at vice-minister level as soon as possible.',
        },
        {
          speaker: 'Kosygin:',
          text: 'I shall report these proposals to the CPSU Central Committee on my return. We too believe the talks should begin soon.',
        },
      ],
      signature: ['[Compiled from notes; not reviewed by the speakers]'],
    },
  ],
};

export const borderChronology: DemoDocument = {
  record: {
    externalId: 'demo/1960s-heilongjiang-border-chronology',
    title: 'Chronology of Border Incidents in the Heilongjiang Sector',
    summary:
      'A compiled list, kept by a provincial border office through the decade, of disputes over islands, fishing grounds and hay meadows along the Amur and Ussuri rivers.',
    date: '1960s',
    placeOfOrigin: 'Harbin',
    type: 'report',
    classifications: ['Internal'],
    languages: ['zh'],
    repository: repositories.prcFma,
    archivalReference: 'PRC FMA 118-02011-05, 1-14',
    program: demoProgram,
    funders: [funders.luce],
    credits: [{ role: 'translator', name: 'Zhao Min' }],
    rights: rights.demo,
    subjects: [subjects.borderDisputes, subjects.armedClashes],
    places: [places.heilongjiang, places.zhenbao, places.borderRegion],
    agents: [as('author', org.prcForeignMinistry)],
    collections: [collections.border],
  },
  original: {
    language: 'zh',
    marking: '内部',
    title: '黑龙江段边境事件大事记',
    body: [
      '一、本大事记根据各边防站历年报告汇编，只收录经过核实的事件。',
      '二、六十年代初期，事件多为双方渔民在江心岛附近捕鱼、割草引起的争执，一般经边防站会晤解决。',
      '三、六十年代中期以后，苏方巡逻艇多次驱赶我方渔船，双方人员发生推搡，事件次数逐年增加。',
      '四、一九六九年三月珍宝岛事件以后，另编专册，本大事记不再收录。',
    ],
  },
  translations: [
    {
      language: 'en',
      translator: 'Zhao Min',
      marking: 'Internal',
      title: 'Chronology of Border Incidents in the Heilongjiang Sector',
      body: [
        '1. This chronology is compiled from the yearly reports of the border stations and includes only incidents that were verified.',
        '2. In the early 1960s most incidents were quarrels between fishermen of the two sides over fishing and hay-cutting near islands in the river; they were usually settled at meetings between border stations.',
        '3. From the middle of the decade Soviet patrol boats repeatedly drove our fishing boats away, people on both sides came to blows, and the number of incidents grew year by year.',
        '4. Incidents after the Zhenbao Island events of March 1969 are recorded in a separate volume and are not included here.',
      ],
    },
  ],
};
