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

/** The Korean War and the Geneva Conference of 1954. All texts are invented for the demo. */

export const pyongyangCable: DemoDocument = {
  record: {
    externalId: 'demo/1950-10-pyongyang-embassy-cable',
    title:
      'Cable from the Chinese Embassy in Korea on the Move of Korean Government Offices out of Pyongyang',
    summary:
      'The Chinese embassy reports that Korean ministries are leaving Pyongyang for the north, that the embassy will follow them, and asks for radio equipment.',
    date: '1950-10',
    type: 'cable',
    classifications: ['Top Secret'],
    languages: ['zh'],
    repository: repositories.prcFma,
    archivalReference: 'PRC FMA 106-00018-03, 4-5',
    program: demoProgram,
    funders: [funders.macArthur],
    credits: [{ role: 'translator', name: 'Zhao Min' }],
    rights: rights.demo,
    subjects: [subjects.militaryAid],
    places: [places.pyongyang, places.korea],
    agents: [as('author', org.prcForeignMinistry), as('mentioned', p.kimIlSung)],
    collections: [collections.korea],
  },
  original: {
    language: 'zh',
    marking: '绝密',
    title: '驻朝鲜使馆关于朝鲜政府机关撤离平壤的电报',
    header: [['外交部：', '']],
    body: [
      '朝鲜政府各部门已于近日陆续撤离平壤，向北转移。金日成首相临行前约见我，表示希望中国使馆随同政府机关一起行动，以便保持联系。',
      '我馆拟留少数人员看守馆舍，其余人员随朝方转移。因途中联络困难，请速拨给电台一部及报务人员二名。',
      '平壤市内秩序尚好，但粮食供应已感紧张。详情续报。',
    ],
    signature: ['驻朝鲜使馆', '十月'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Zhao Min',
      marking: 'Top Secret',
      title: 'Cable from the Embassy in Korea on the Move of Korean Government Offices out of Pyongyang',
      header: [['To the Ministry of Foreign Affairs:', '']],
      body: [
        'The ministries of the Korean Government have in recent days been leaving Pyongyang one after another and moving north. Before leaving, Premier Kim Il Sung asked to see me and said he hoped the Chinese Embassy would move together with the government offices so that contact could be kept.',
        'We plan to leave a few staff to guard the embassy premises; the rest will move with the Korean side. As communication on the road will be difficult, please send us at once a radio set and two operators.',
        'Order in Pyongyang is still good, but food supplies are already tight. Details to follow.',
      ],
      signature: ['Embassy in Korea', '[October 1950]'],
    },
  ],
};

export const redCrossLetter: DemoDocument = {
  record: {
    externalId: 'demo/1951-soviet-red-cross-letter',
    title:
      'Letter from the Alliance of Red Cross and Red Crescent Societies of the USSR on Medical Teams for Korea',
    summary:
      'The Soviet Red Cross tells the Chinese Red Cross that two surgical teams and hospital supplies will travel to Korea through Andong, and asks for help with transport.',
    date: '1951',
    placeOfOrigin: 'Moscow',
    type: 'letter',
    languages: ['ru'],
    repository: repositories.avprf,
    archivalReference: 'AVPRF f. 0102, op. 7, p. 28, d. 44, l. 3',
    program: demoProgram,
    funders: [funders.openArchives],
    credits: [{ role: 'translator', name: 'Daniel Hart' }],
    rights: rights.demo,
    subjects: [subjects.militaryAid],
    places: [places.moscow, places.korea],
    agents: [as('recipient', org.cpv)],
    collections: [collections.korea],
  },
  original: {
    language: 'ru',
    title: 'Исполнительному комитету Общества Красного Креста Китая',
    body: [
      'Уважаемые товарищи!',
      'Исполком Союза обществ Красного Креста и Красного Полумесяца СССР сообщает, что в ближайшее время в Корею будут направлены две хирургические бригады и партия медикаментов и перевязочных материалов для госпиталей.',
      'Бригады проследуют через Аньдун. Просим оказать содействие в организации их дальнейшей перевозки и размещения.',
      'С товарищеским приветом,',
    ],
    signature: ['Председатель Исполкома СОКК и КП СССР'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Daniel Hart',
      title: 'To the Executive Committee of the Red Cross Society of China',
      body: [
        'Dear comrades,',
        'The Executive Committee of the Alliance of Red Cross and Red Crescent Societies of the USSR informs you that two surgical teams and a consignment of medicines and dressings for hospitals will shortly be sent to Korea.',
        'The teams will travel through Andong [now Dandong]. We ask for your help in arranging their onward transport and accommodation.',
        'With comradely greetings,',
      ],
      signature: [
        'Chairman of the Executive Committee, Alliance of Red Cross and Red Crescent Societies of the USSR',
      ],
    },
  ],
};

export const armisticeReport: DemoDocument = {
  record: {
    externalId: 'demo/1953-07-27-armistice-signing-report',
    title: 'Report on the Signing of the Military Armistice Agreement at Panmunjom',
    summary:
      'A short American account of the signing ceremony: who signed, how long it took, and the fighting that went on until the ceasefire hour.',
    date: { start: '1953-07-27', time: '10:00' },
    placeOfOrigin: 'Panmunjom',
    type: 'report',
    classifications: ['Confidential'],
    languages: ['en'],
    repository: repositories.nara,
    archivalReference: 'RG 59, Central Decimal File 795.00/7-2753',
    program: demoProgram,
    funders: [funders.openArchives],
    rights: rights.demoUsGov,
    subjects: [subjects.armistice, subjects.prisoners],
    places: [places.panmunjom, places.korea],
    agents: [as('author', org.stateDepartment), as('mentioned', org.cpv)],
    collections: [collections.korea],
    related: [{ externalId: 'demo/1954-05-14-zhou-molotov' }],
  },
  original: {
    language: 'en',
    marking: 'CONFIDENTIAL',
    title: 'Signing of the Armistice Agreement',
    header: [
      ['Place:', 'Panmunjom'],
      ['Time:', '27 July 1953, 10:00 a.m.'],
    ],
    body: [
      '1. The senior delegates of the United Nations Command and of the Korean People’s Army and Chinese People’s Volunteers signed eighteen copies of the agreement in English, Korean and Chinese. The ceremony took about twelve minutes. No words were exchanged between the delegations.',
      '2. Artillery fire continued along parts of the front during the day. The ceasefire takes effect at 10:00 p.m. tonight, twelve hours after signature.',
      '3. Arrangements for the exchange of prisoners of war who wish to be repatriated will begin within the coming week. [The question of prisoners who refuse repatriation goes to the Neutral Nations Repatriation Commission.]',
    ],
  },
};

export const zhouMolotov: DemoDocument = {
  record: {
    externalId: 'demo/1954-05-14-zhou-molotov',
    title: 'Record of Conversation between V. M. Molotov and Zhou Enlai at Geneva',
    summary:
      'Molotov and Zhou compare notes on the Geneva Conference: Korea is deadlocked, and on Indochina both want a settlement the Vietnamese side can accept.',
    date: { start: '1954-05-14', time: '20:00' },
    placeOfOrigin: 'Geneva',
    type: 'minutes',
    classifications: ['Top Secret'],
    languages: ['ru'],
    repository: repositories.avprf,
    archivalReference: 'AVPRF f. 06, op. 13a, p. 25, d. 8, ll. 20–26',
    program: demoProgram,
    funders: [funders.macArthur, funders.alderTrust],
    credits: [
      { role: 'translator', name: 'Daniel Hart' },
      { role: 'translator', name: 'Lin Qiu' },
    ],
    rights: rights.demo,
    subjects: [subjects.peaceTalks, subjects.armistice],
    places: [places.geneva, places.korea, places.vietnam],
    agents: [
      as('participant', p.molotov),
      as('participant', p.zhouEnlai),
      as('mentioned', p.phamVanDong),
      as('author', org.sovietForeignMinistry),
    ],
    collections: [collections.geneva1954, collections.korea, collections.indochina],
  },
  original: {
    language: 'ru',
    marking: 'Совершенно секретно',
    title: 'Запись беседы В. М. Молотова с Чжоу Эньлаем',
    header: [
      ['Время:', '14 мая 1954 года, 20.00'],
      ['Место:', 'вилла советской делегации, Женева'],
    ],
    body: [
      {
        speaker: 'Молотов:',
        text: 'По корейскому вопросу позиции сторон, по-видимому, не сблизятся. Американцы не примут наших предложений о выборах.',
      },
      {
        speaker: 'Чжоу Эньлай:',
        text: 'Мы согласны с этой оценкой. Важнее сейчас не допустить срыва обсуждения по Индокитаю. Французы ищут выход, и этим следует воспользоваться.',
      },
      {
        speaker: 'Молотов:',
        text: 'Необходимо, чтобы вьетнамские товарищи выдвинули реалистичные условия. Фам Ван Донг пока настаивает на слишком многом.',
      },
      {
        speaker: 'Чжоу Эньлай:',
        text: 'Мы поговорим с ним. Нужно, чтобы решение было приемлемым для вьетнамской стороны и вместе с тем не давало американцам повода для вмешательства.',
      },
    ],
    signature: ['Записал: сотрудник делегации СССР'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Daniel Hart',
      marking: 'Top Secret',
      title: 'Record of Conversation of V. M. Molotov with Zhou Enlai',
      header: [
        ['Time:', '14 May 1954, 8:00 p.m.'],
        ['Venue:', 'Villa of the Soviet delegation, Geneva'],
      ],
      body: [
        {
          speaker: 'Molotov:',
          text: 'On the Korean question the positions of the sides will evidently not come closer. The Americans will not accept our proposals on elections.',
        },
        {
          speaker: 'Zhou Enlai:',
          text: 'We agree with this assessment. What matters more now is not to let the discussion on Indochina break down. The French are looking for a way out, and we should make use of that.',
        },
        {
          speaker: 'Molotov:',
          text: 'The Vietnamese comrades must put forward realistic terms. Pham Van Dong is still insisting on too much.',
        },
        {
          speaker: 'Zhou Enlai:',
          text: 'We shall talk to him. The solution must be acceptable to the Vietnamese side and at the same time give the Americans no pretext to intervene.',
        },
      ],
      signature: ['Recorded by: a member of the USSR delegation'],
    },
    {
      language: 'zh',
      translator: 'Lin Qiu',
      marking: '绝密',
      title: '莫洛托夫与周恩来谈话记录',
      header: [
        ['时间：', '一九五四年五月十四日晚八时'],
        ['地点：', '日内瓦苏联代表团驻地'],
      ],
      body: [
        {
          speaker: '莫洛托夫：',
          text: '在朝鲜问题上，双方立场看来不会接近。美国人不会接受我们关于选举的建议。',
        },
        {
          speaker: '周恩来：',
          text: '我们同意这个估计。现在更重要的是不让印度支那问题的讨论破裂。法国人在寻找出路，应当利用这一点。',
        },
        { speaker: '莫洛托夫：', text: '越南同志必须提出现实的条件。范文同目前要求的太多了。' },
        {
          speaker: '周恩来：',
          text: '我们会同他谈。解决办法既要为越南方面所接受，又不能给美国人以干涉的借口。',
        },
      ],
      signature: ['记录：苏联代表团工作人员'],
    },
  ],
};
