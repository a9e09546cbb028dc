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

/** The widening quarrel between Beijing and Moscow, 1960–1964. All texts are invented for the demo. */

export const specialistsNote: DemoDocument = {
  record: {
    externalId: 'demo/1960-07-16-specialists-note',
    title:
      'Note from the Soviet Embassy to the PRC Ministry of Foreign Affairs on the Recall of Soviet Specialists',
    summary:
      'The Soviet Embassy informs the Chinese Foreign Ministry that Soviet specialists working in China will be recalled, blaming the conditions of their work.',
    date: '1960-07-16',
    placeOfOrigin: 'Beijing',
    type: 'letter',
    classifications: [],
    languages: ['ru'],
    repository: repositories.avprf,
    archivalReference: 'AVPRF f. 0100, op. 53, p. 454, d. 8, l. 17',
    program: demoProgram,
    funders: [funders.alderTrust],
    credits: [{ role: 'translator', name: 'Anna Korsakova' }],
    rights: rights.demo,
    subjects: [subjects.sovietSpecialists, subjects.sinoSovietRelations],
    places: [places.beijing, places.moscow],
    agents: [as('author', org.sovietEmbassyBeijing), as('recipient', org.prcForeignMinistry)],
    collections: [collections.split],
  },
  original: {
    language: 'ru',
    reference: '№ 143',
    title: 'Посольство Союза Советских Социалистических Республик в КНР',
    body: [
      'Посольство СССР свидетельствует своё уважение Министерству иностранных дел Китайской Народной Республики и по поручению Советского правительства сообщает следующее.',
      'В последнее время советские специалисты, работающие в КНР, оказались в условиях, которые не позволяют им выполнять свои обязанности. Учитывая это, Советское правительство приняло решение отозвать советских специалистов на Родину.',
      'Посольство пользуется случаем, чтобы возобновить Министерству уверения в своём высоком уважении.',
    ],
    signature: ['Пекин, 16 июля 1960 года'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Anna Korsakova',
      reference: 'No. 143',
      title: 'Embassy of the Union of Soviet Socialist Republics in the PRC',
      body: [
        'The Embassy of the USSR presents its compliments to the Ministry of Foreign Affairs of the People’s Republic of China and, on the instructions of the Soviet Government, states the following.',
        'Of late the Soviet specialists working in the PRC have found themselves in conditions that do not allow them to carry out their duties. In view of this the Soviet Government has decided to recall the Soviet specialists home.',
        'The Embassy avails itself of this opportunity to renew to the Ministry the assurances of its highest consideration.',
      ],
      signature: ['Beijing, 16 July 1960'],
    },
  ],
};

export const liuXiaoGromyko: DemoDocument = {
  record: {
    externalId: 'demo/1960-11-liu-xiao-gromyko',
    title: 'From the Journal of A. A. Gromyko: Conversation with PRC Ambassador Liu Xiao',
    summary:
      'Before the Moscow meeting of communist parties, Gromyko and the Chinese ambassador trade complaints about the press of each side and agree that the quarrel must not reach state relations.',
    date: '1960-11',
    placeOfOrigin: 'Moscow',
    type: 'minutes',
    classifications: ['Secret'],
    languages: ['ru'],
    repository: repositories.rgani,
    archivalReference: 'RGANI f. 5, op. 49, d. 235, ll. 61–64',
    program: demoProgram,
    funders: [funders.openArchives],
    credits: [{ role: 'translator', name: 'Daniel Hart' }],
    rights: rights.demo,
    subjects: [subjects.sinoSovietRelations],
    places: [places.moscow],
    agents: [
      as('participant', p.gromyko),
      as('participant', p.liuXiao),
      as('author', org.sovietForeignMinistry),
    ],
    collections: [collections.split],
    related: [{ externalId: 'demo/1960-07-16-specialists-note' }],
  },
  original: {
    language: 'ru',
    marking: 'Секретно',
    title: 'Из дневника А. А. Громыко. Приём посла КНР Лю Сяо',
    header: [['Присутствовал:', 'заведующий Дальневосточным отделом МИД СССР']],
    body: [
      'Принял посла КНР Лю Сяо по его просьбе.',
      'Лю Сяо заявил, что китайская сторона обеспокоена статьями в советской печати, в которых, по его словам, содержатся намёки на политику КПК. Посол выразил надежду, что разногласия будут обсуждаться между партиями, а не на страницах газет.',
      'Я ответил, что советская печать не ведёт полемики с КНР и что, напротив, в китайских изданиях появляются материалы, направленные против КПСС. Мы считаем, что разногласия не должны переноситься на межгосударственные отношения.',
      'Посол согласился с последним замечанием и сказал, что доложит о беседе в Пекин.',
    ],
    signature: ['А. Громыко'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Daniel Hart',
      marking: 'Secret',
      title: 'From the Journal of A. A. Gromyko. Reception of PRC Ambassador Liu Xiao',
      header: [['Present:', 'the head of the Far Eastern Department, USSR Ministry of Foreign Affairs']],
      body: [
        'I received PRC Ambassador Liu Xiao at his request.',
        'Liu Xiao said the Chinese side was concerned about articles in the Soviet press which, in his words, contained hints about the policy of the CCP. The ambassador hoped that the disagreements would be discussed between the parties and not in the newspapers.',
        'I answered that the Soviet press conducts no polemics with the PRC and that, on the contrary, material aimed against the CPSU appears in Chinese publications. We believe the disagreements must not be carried over into relations between our states.',
        'The ambassador agreed with this last remark and said that he would report the conversation to Beijing.',
      ],
      signature: ['A. Gromyko'],
    },
  ],
};

export const borderConsultations: DemoDocument = {
  record: {
    externalId: 'demo/1964-02-25-border-consultations',
    title: 'Record of the Opening Session of the Soviet-Chinese Consultations on the Border',
    summary:
      'The Soviet record of the first plenary session of the 1964 border consultations in Beijing, where the heads of both delegations set out incompatible starting points.',
    date: { start: '1964-02-25', time: '15:00' },
    placeOfOrigin: 'Beijing',
    type: 'minutes',
    classifications: ['Top Secret'],
    languages: ['ru'],
    repository: repositories.avprf,
    archivalReference: 'AVPRF f. 0100, op. 57, p. 512, d. 2, ll. 1–9',
    program: demoProgram,
    funders: [funders.alderTrust, funders.macArthur],
    credits: [{ role: 'translator', name: 'Daniel Hart' }],
    rights: rights.demo,
    subjects: [subjects.borderDisputes, subjects.sinoSovietRelations],
    places: [places.beijing, places.borderRegion],
    agents: [as('author', org.sovietForeignMinistry), as('participant', org.prcForeignMinistry)],
    collections: [collections.border],
    related: [{ externalId: 'demo/1960s-heilongjiang-border-chronology' }],
  },
  original: {
    language: 'ru',
    marking: 'Совершенно секретно',
    title: 'Запись первого пленарного заседания советско-китайских консультаций по вопросу о границе',
    header: [
      ['Время:', '25 февраля 1964 года, 15.00'],
      ['Место:', 'здание МИД КНР, Пекин'],
    ],
    body: [
      {
        speaker: 'Глава советской делегации:',
        text: 'Советская сторона исходит из того, что граница между нашими странами в основном определена договорами и не нуждается в пересмотре. Мы готовы уточнить её прохождение на отдельных участках.',
      },
      {
        speaker: 'Глава китайской делегации:',
        text: 'Китайская сторона считает, что договоры прошлого века были неравноправными. Тем не менее мы готовы взять их за основу, если будет признан их характер.',
      },
      {
        speaker: 'Глава советской делегации:',
        text: 'Вопрос о характере договоров не относится к предмету консультаций. Предлагаем перейти к рассмотрению карт.',
      },
      'Заседание продолжалось два часа сорок минут. Следующее заседание назначено на 28 февраля.',
    ],
  },
  translations: [
    {
      language: 'en',
      translator: 'Daniel Hart',
      marking: 'Top Secret',
      title: 'Record of the First Plenary Session of the Soviet-Chinese Consultations on the Border Question',
      header: [
        ['Time:', '25 February 1964, 3:00 p.m.'],
        ['Venue:', 'PRC Ministry of Foreign Affairs building, Beijing'],
      ],
      body: [
        {
          speaker: 'Head of the Soviet delegation:',
          text: 'The Soviet side starts from the view that the border between our countries is in the main defined by treaties and needs no revision. We are ready to clarify its course in particular sectors.',
        },
        {
          speaker: 'Head of the Chinese delegation:',
          text: 'The Chinese side considers that the treaties of the last century were unequal. Even so, we are ready to take them as a basis if their character is acknowledged.',
        },
        {
          speaker: 'Head of the Soviet delegation:',
          text: 'The character of the treaties is not a subject of these consultations. We propose to move on to examining the maps.',
        },
        'The session lasted two hours and forty minutes. The next session is set for 28 February.',
      ],
    },
  ],
};

export const octoberGreetings: DemoDocument = {
  record: {
    externalId: 'demo/1964-11-06-october-greetings-telegram',
    title: 'Telegram of Greetings from the Chinese Leaders on the 47th Anniversary of the October Revolution',
    summary:
      'A formal greetings telegram sent to Moscow weeks after Khrushchev’s fall, kept as a photograph of the telegraph form.',
    date: '1964-11-06',
    placeOfOrigin: 'Beijing',
    type: 'cable',
    languages: ['zh'],
    repository: repositories.prcFma,
    archivalReference: 'PRC FMA 109-03981-01, 1',
    program: demoProgram,
    funders: [funders.luce],
    credits: [{ role: 'translator', name: 'Lin Qiu' }],
    rights: rights.demo,
    subjects: [subjects.commemorations, subjects.sinoSovietRelations],
    places: [places.beijing, places.moscow],
    agents: [
      as('author', p.maoZedong),
      as('author', p.zhouEnlai),
      as('recipient', org.cpsuCentralCommittee),
      as('mentioned', p.khrushchev),
    ],
    collections: [collections.split],
  },
  original: {
    language: 'zh',
    reference: '电报 第 2207 号',
    title: '致苏共中央、苏联最高苏维埃主席团、苏联部长会议',
    body: [
      '值此伟大的十月社会主义革命四十七周年之际，我们代表中国共产党、中国人民和中国政府，向兄弟的苏联人民致以热烈的祝贺。',
      '祝愿中苏两国人民在反对帝国主义、保卫世界和平的共同斗争中加强团结。',
    ],
    signature: ['毛泽东 刘少奇 朱德 周恩来', '一九六四年十一月六日于北京'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Lin Qiu',
      reference: 'Telegram No. 2207',
      title:
        'To the CPSU Central Committee, the Presidium of the Supreme Soviet of the USSR and the USSR Council of Ministers',
      body: [
        'On the forty-seventh anniversary of the Great October Socialist Revolution we send warm congratulations to the fraternal Soviet people on behalf of the Chinese Communist Party, the Chinese people and the Chinese Government.',
        'May the peoples of China and the Soviet Union strengthen their unity in the common struggle against imperialism and for world peace.',
      ],
      signature: ['Mao Zedong, Liu Shaoqi, Zhu De, Zhou Enlai', 'Beijing, 6 November 1964'],
    },
  ],
  scan: { form: 'image', fileName: 'PRC-FMA-109-03981-01.png', tiltDegrees: 1.1 },
};
