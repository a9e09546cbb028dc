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

/**
 * The flight of residents of Ili and Tacheng into Soviet Kazakhstan in the spring of 1962, seen from
 * Beijing, Urumqi and Moscow. All texts are invented for the demo; the first record carries the
 * bibliographic metadata of a published archival record (see docs in shared/reference).
 */

export const huangMesyatsev: DemoDocument = {
  record: {
    externalId: 'demo/1962-08-09-huang-mesyatsev',
    title:
      "Minutes of Vice Minister Huang Zhen's Talk with [Nikolai] Mesyatsev, Chargé d'affaires Ad Interim of the Soviet Embassy in Beijing",
    subtitle:
      'Statement of the Soviet Government concerning the Flight of Xinjiang Residents to the Soviet Union as Delivered by Mesyatsev',
    summary:
      'Vice Foreign Minister Huang Zhen receives the acting Soviet chargé d’affaires, who hands over a Soviet government statement on the residents of Xinjiang who crossed into the USSR in the spring; Huang and department deputy director Xu Ming reject its account and restate China’s demands.',
    date: { start: '1962-08-09', time: '18:00' },
    placeOfOrigin: 'Beijing, Meeting Room of the Ministry of Foreign Affairs',
    type: 'minutes',
    classifications: ['Secret'],
    languages: ['zh'],
    repository: repositories.prcFma,
    archivalReference: 'PRC FMA 118-01767-01, 1-6',
    program: 'History and Public Policy Program Digital Archive',
    funders: [funders.macArthur, funders.luce],
    credits: [
      { role: 'translator', name: 'Meridian Language Services' },
      { role: 'transcriber', name: 'Chancery demo team' },
    ],
    rights: rights.demoReference,
    subjects: [subjects.borderCrossings, subjects.refugees, subjects.sinoSovietRelations],
    places: [places.xinjiang, places.china, places.sovietUnion, places.borderRegion, places.beijing],
    agents: [
      as('participant', p.huangZhen),
      as('participant', p.mesyatsev),
      as('participant', p.xuMing),
      as('participant', p.groux),
      as('participant', p.wangGaoqing),
      as('author', p.liDebiao),
      as('mentioned', p.zhangHanfu),
      as('mentioned', p.jiPengfei),
      as('author', org.prcForeignMinistry),
      as('participant', org.sovietEmbassyBeijing),
    ],
    collections: [collections.exodus],
    attachments: [{ externalId: 'demo/1962-08-09-soviet-statement' }],
    related: [
      { externalId: 'demo/1962-05-xinjiang-report' },
      { externalId: 'demo/1962-05-29-chervonenko-cable' },
    ],
  },
  original: {
    language: 'zh',
    transcriber: 'Chancery demo team',
    marking: '秘密',
    reference: '（62）外苏字第0457号',
    title: '黄镇副部长接见苏联驻华使馆临时代办梅夏采夫谈话记录',
    subtitle: '（梅夏采夫面交苏联政府关于新疆居民越境问题的声明）',
    header: [
      ['时间：', '一九六二年八月九日下午六时'],
      ['地点：', '外交部会客室'],
      ['在座：', '苏联东欧司副司长许明，苏联使馆一等秘书格鲁克斯'],
      ['翻译：', '王高庆'],
      ['记录：', '李德标'],
    ],
    body: [
      {
        speaker: '梅：',
        text: '受苏联政府委托，我今天向中国政府面交一份声明，内容是关于今年四、五月间新疆伊犁、塔城地区大批居民越境进入苏联的问题。我先把声明的要点口头说明一下。',
      },
      {
        speaker: '梅：',
        text: '苏联政府认为，这些居民是在困难的情况下自行过境的，苏联边防机关并没有招引他们。出于人道主义的考虑，苏方为他们提供了临时的住处、口粮和医疗。苏联政府不能同意中方照会中所谓苏联机关有组织地策动居民外逃的说法，认为这种说法没有根据，无助于两国关系。',
      },
      {
        speaker: '梅：',
        text: '声明还指出，苏联方面已经采取措施加强边境管理，今后不再接纳非法越境的人员。至于已经过境人员的安置及其财产问题，苏联政府建议由两国有关部门进行协商。',
      },
      {
        speaker: '黄：',
        text: '声明我们收下，将报告中国政府。现在我先谈几点看法。今年春天发生的事情，不是一般的越境事件。几万名中国公民在很短的时间里越过边境，而边境那边早有准备，汽车、口粮都在那里等着，这不能说是偶然的。',
      },
      {
        speaker: '黄：',
        text: '多年来，苏联驻伊宁领事馆大量发放所谓苏联侨民证，有些人领了证件，却并不知道自己已经成了“苏侨”。这个问题我们多次向苏方提出，苏方始终没有认真答复。',
      },
      {
        speaker: '梅：',
        text: '关于侨民证的问题，据我所知，都是根据本人的申请依法办理的。我不能同意“事先准备”的说法。边境上的苏联地方机关面对突然到来的大批人员，只能临时应付。',
      },
      {
        speaker: '黄：',
        text: '事实如何，双方心里都清楚。我们要求苏方遣返越境的中国公民，归还他们带走的牲畜和财物，并且停止在新疆境内发放侨民证的活动。中国政府的立场，章汉夫副部长和姬鹏飞副部长此前已经向你们的大使说明过，今天我再重申一遍。',
      },
      {
        speaker: '许：',
        text: '我补充一点。五月二十九日伊宁市发生的骚乱，同越境事件有直接的联系。我们掌握的材料表明，有人事先散布“苏联边境已经开放”的谣言，煽动群众前往边境。',
      },
      {
        speaker: '梅：',
        text: '这些情况我将如实报告莫斯科。我个人希望，两国之间的边境问题应当通过协商解决，不要影响两国人民之间的友谊。',
      },
      {
        speaker: '黄：',
        text: '我们同样希望边境保持安定。但是要安定，首先就要尊重对方的主权，不干涉对方的内部事务。请代办先生把我们的意见转告苏联政府。今天就谈到这里。',
      },
      '（谈话于下午六时四十分结束。苏联政府声明全文另附。）',
    ],
    signature: ['外交部苏联东欧司', '一九六二年八月十日整理'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Meridian Language Services',
      marking: 'Secret',
      reference: '(62) Wai Su Zi No. 0457',
      title:
        "Minutes of Vice Minister Huang Zhen's Talk with [Nikolai] Mesyatsev, Chargé d'affaires Ad Interim of the Soviet Embassy in Beijing",
      subtitle:
        '[Mesyatsev hands over the Soviet Government’s statement on the border crossings of Xinjiang residents]',
      header: [
        ['Time:', '9 August 1962, 6:00 p.m.'],
        ['Venue:', 'Meeting Room, Ministry of Foreign Affairs'],
        [
          'Also Present:',
          'Xu Ming, Deputy Director of the Department of Soviet and East European Affairs; Groux, First Secretary of the Soviet Embassy',
        ],
        ['Interpreter:', 'Wang Gaoqing'],
        ['Minutes Prepared by:', 'Li Debiao'],
      ],
      body: [
        {
          speaker: 'Mesyatsev:',
          text: 'On the instructions of the Soviet Government I am handing the Chinese Government a statement on the large number of residents of the Ili and Tacheng areas of Xinjiang who crossed into the Soviet Union in April and May of this year. Let me first summarise its main points.',
        },
        {
          speaker: 'Mesyatsev:',
          text: 'The Soviet Government holds that these residents crossed the border of their own accord and in difficult circumstances; Soviet border organs did not draw them over. For humanitarian reasons the Soviet side gave them temporary shelter, food and medical care. The Soviet Government cannot accept the claim in the Chinese note that Soviet bodies organised the flight. It considers the claim groundless and harmful to relations between our two countries.',
        },
        {
          speaker: 'Mesyatsev:',
          text: 'The statement further says that the Soviet side has tightened control of the border and will admit no more illegal crossers. As for the settlement of those already across and their property, the Soviet Government proposes talks between the competent departments of both countries.',
        },
        {
          speaker: 'Huang:',
          text: 'We accept the statement and will report it to the Chinese Government. Let me first make a few points. What happened this spring was no ordinary border incident. Tens of thousands of Chinese citizens crossed in a very short time, and on the other side everything was ready for them, trucks and rations waiting. That cannot be called chance.',
        },
        {
          speaker: 'Huang:',
          text: 'For years the Soviet consulate in Yining [Ghulja] issued so-called Soviet residence certificates in large numbers. Some of the people who received them did not even know they had become “Soviet nationals.” We raised this with the Soviet side many times and never received a serious answer.',
        },
        {
          speaker: 'Mesyatsev:',
          text: 'As far as I know, the certificates were issued lawfully, at the request of the persons concerned. I cannot agree that anything was “prepared in advance.” The local Soviet authorities at the border were faced with large numbers of people arriving suddenly and could only improvise.',
        },
        {
          speaker: 'Huang:',
          text: 'Both sides know very well what the facts are. We ask the Soviet side to return the Chinese citizens who crossed, to give back the livestock and goods they took with them, and to stop issuing residence certificates inside Xinjiang. Vice Ministers Zhang Hanfu and Ji Pengfei have already explained the Chinese Government’s position to your ambassador; today I restate it.',
        },
        {
          speaker: 'Xu:',
          text: 'Let me add one point. The disturbance in Yining on 29 May was directly linked to the crossings. Our information shows that rumours that “the Soviet border is open” were spread beforehand to send crowds towards the border.',
        },
        {
          speaker: 'Mesyatsev:',
          text: 'I shall report all of this to Moscow faithfully. My personal hope is that border questions between our countries will be settled through consultation and will not harm the friendship between our peoples.',
        },
        {
          speaker: 'Huang:',
          text: 'We too want calm on the border. But calm begins with respect for the other side’s sovereignty and with non-interference in its internal affairs. Please convey our views to the Soviet Government, Mr. Chargé d’affaires. That is all for today.',
        },
        '[The talk ended at 6:40 p.m. The full text of the Soviet Government’s statement is attached separately.]',
      ],
      signature: [
        'Department of Soviet and East European Affairs, Ministry of Foreign Affairs',
        'Prepared 10 August 1962',
      ],
      // The header lines and the signature each face the original as one block; the turns pair in order.
      alignment: [
        { original: [1], translation: [1] },
        { original: [2, 3, 4, 5, 6], translation: [2, 3, 4, 5, 6] },
        { original: [18, 19], translation: [18, 19] },
      ],
    },
  ],
  scan: { form: 'text-pdf', fileName: 'PRC-FMA-118-01767-01.pdf' },
};

export const sovietStatement: DemoDocument = {
  record: {
    externalId: 'demo/1962-08-09-soviet-statement',
    title: 'Statement of the Soviet Government on the Crossing of Residents of Xinjiang into the USSR',
    summary:
      'The statement handed to the Chinese Foreign Ministry on 9 August 1962: Moscow denies organising the flight from Ili and Tacheng, says it has closed the border to further crossings and proposes talks on those already in the USSR.',
    date: '1962-08-09',
    placeOfOrigin: 'Moscow',
    type: 'statement',
    classifications: ['Not for publication'],
    languages: ['ru'],
    repository: repositories.avprf,
    archivalReference: 'AVPRF f. 0100, op. 55, p. 480, d. 21, ll. 4–6',
    program: demoProgram,
    funders: [funders.alderTrust],
    credits: [{ role: 'translator', name: 'Anna Korsakova' }],
    rights: rights.demo,
    subjects: [subjects.borderCrossings, subjects.refugees],
    places: [places.xinjiang, places.kazakhstan, places.moscow],
    agents: [as('author', org.sovietForeignMinistry), as('recipient', org.prcForeignMinistry)],
    collections: [collections.exodus],
  },
  original: {
    language: 'ru',
    marking: 'Не для печати',
    title: 'Заявление Советского правительства',
    body: [
      'Советское правительство внимательно ознакомилось с нотами Министерства иностранных дел КНР по поводу перехода весной 1962 года значительного числа жителей Илийского и Чугучакского районов Синьцзяна на территорию Казахской ССР.',
      'Советские органы не призывали этих людей к переходу границы и не оказывали им в этом содействия. Прибывшим были предоставлены временное жильё, питание и медицинская помощь, чего требовали соображения гуманности.',
      'Советская сторона приняла меры к усилению охраны границы и впредь не будет принимать лиц, переходящих её незаконно. Вопросы, касающиеся уже прибывших лиц и их имущества, Советское правительство предлагает рассмотреть на переговорах компетентных органов обеих стран.',
      'Советское правительство выражает уверенность, что этот вопрос будет решён в духе дружбы, связывающей народы СССР и КНР.',
    ],
    signature: ['Москва, 8 августа 1962 года'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Anna Korsakova',
      marking: 'Not for publication',
      title: 'Statement of the Soviet Government',
      body: [
        'The Soviet Government has studied with attention the notes of the PRC Ministry of Foreign Affairs about the crossing, in the spring of 1962, of a considerable number of residents of the Ili and Chuguchak [Tacheng] districts of Xinjiang into the territory of the Kazakh SSR.',
        'Soviet bodies did not call on these people to cross the border and did not help them to do so. Those who arrived were given temporary housing, food and medical help, as humanity required.',
        'The Soviet side has taken steps to strengthen the guarding of the border and will in future admit no persons crossing it illegally. The Soviet Government proposes that questions concerning persons who have already arrived, and their property, be considered in talks between the competent bodies of both countries.',
        'The Soviet Government is confident that this question will be resolved in the spirit of the friendship that binds the peoples of the USSR and the PRC.',
      ],
      signature: ['Moscow, 8 August 1962'],
    },
  ],
};

export const xinjiangReport: DemoDocument = {
  record: {
    externalId: 'demo/1962-05-xinjiang-report',
    title:
      'Report of the Xinjiang Uyghur Autonomous Region People’s Committee on the Flight of Border Residents in Ili and Tacheng',
    summary:
      'A regional report to the State Council and the Foreign Ministry estimating the number of residents who left for the USSR, describing abandoned farms and herds, and proposing emergency measures along the border.',
    date: '1962-05',
    placeOfOrigin: 'Urumqi',
    type: 'report',
    classifications: ['Confidential'],
    languages: ['zh'],
    repository: repositories.xinjiangArchives,
    archivalReference: 'XUAR Archives 1-12-338, 15-22',
    program: demoProgram,
    funders: [funders.luce],
    credits: [{ role: 'translator', name: 'Zhao Min' }],
    rights: rights.demo,
    subjects: [subjects.refugees, subjects.borderCrossings],
    places: [places.ili, places.tacheng, places.xinjiang],
    agents: [as('author', org.xinjiangCommittee), as('recipient', org.prcForeignMinistry)],
    collections: [collections.exodus],
  },
  original: {
    language: 'zh',
    marking: '机密',
    title: '新疆维吾尔自治区人民委员会关于伊犁、塔城地区边民外逃情况的报告',
    header: [['主送：', '国务院，外交部']],
    body: [
      '四月下旬以来，伊犁、塔城两地区边境各县相继发生边民成批越境外逃的情况。据各县初步统计，截至五月二十日，外逃人数已达数万人，带走牲畜十余万头，部分农村生产队的春耕因此停顿。',
      '外逃人员中，持有苏联侨民证者占相当比例，也有不少群众是听信谣言、随众出走的。边境对面有车辆接应，外逃人员到达后即被分散安置。',
      '为稳定局势，自治区已采取以下措施：一、加强边境巡逻，在主要道口设立检查站；二、组织干部深入各县，做好群众工作，保护留下群众的生产和生活；三、妥善管理外逃人员遗留的房屋、牲畜和财产。',
      '建议中央就此事向苏方提出交涉，要求苏方停止接纳我国越境人员，并停止在我区境内发放侨民证。',
    ],
    signature: ['新疆维吾尔自治区人民委员会', '一九六二年五月'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Zhao Min',
      marking: 'Confidential',
      title:
        'Report of the Xinjiang Uyghur Autonomous Region People’s Committee on the Flight of Border Residents in Ili and Tacheng',
      header: [['To:', 'The State Council; the Ministry of Foreign Affairs']],
      body: [
        'Since late April, border residents in county after county of the Ili and Tacheng areas have been leaving across the border in groups. By preliminary county counts, as of 20 May the number who had fled had reached several tens of thousands, taking more than a hundred thousand head of livestock with them; spring ploughing has stopped in some rural production teams.',
        'A considerable share of those who left held Soviet residence certificates; many others followed the crowd after believing rumours. Vehicles met them on the other side of the border, and they were dispersed as soon as they arrived.',
        'To stabilise the situation the Region has taken the following measures: (1) border patrols have been strengthened and checkpoints set up on the main routes; (2) cadres have been sent to every county to work among the people and to safeguard the production and livelihood of those who stayed; (3) the houses, livestock and property left behind are being looked after.',
        'We propose that the Centre take the matter up with the Soviet side, asking it to stop receiving our citizens who cross the border and to stop issuing residence certificates inside our Region.',
      ],
      signature: ['People’s Committee of the Xinjiang Uyghur Autonomous Region', 'May 1962'],
    },
  ],
};
