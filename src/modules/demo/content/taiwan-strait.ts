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

/** The Taiwan Strait crises of 1954–1955 and 1958. All texts are invented for the demo. */

export const dachenReport: DemoDocument = {
  record: {
    externalId: 'demo/1955-02-dachen-evacuation-report',
    title: 'Report of the Ministry of National Defense on the Evacuation of the Dachen Islands',
    summary:
      'A Republic of China report on moving the garrison and the civilian population of the Dachen Islands to Taiwan with the help of the US Seventh Fleet.',
    date: '1955-02',
    placeOfOrigin: 'Taipei',
    type: 'report',
    classifications: ['Secret'],
    languages: ['zh-Hant'],
    repository: repositories.academiaHistorica,
    archivalReference: 'Academia Historica 002-080102-00037-004',
    program: demoProgram,
    funders: [funders.luce],
    credits: [{ role: 'translator', name: 'Lin Qiu' }],
    rights: rights.demo,
    subjects: [subjects.evacuation],
    places: [places.dachen, places.taiwan, places.taipei],
    agents: [as('recipient', p.chiangKaishek)],
    collections: [collections.taiwanStrait],
  },
  original: {
    language: 'zh-Hant',
    marking: '機密',
    title: '國防部關於大陳島撤退經過之報告',
    header: [['呈：', '總統']],
    body: [
      '一、大陳地區軍民撤退，自二月八日開始，至十二日全部完成。美國第七艦隊派遣艦艇擔任掩護及運輸。',
      '二、撤退居民一萬餘人，均已安全抵達基隆，由政府分別安置。撤退部隊及物資亦全部運出，未遭敵方攻擊。',
      '三、撤退期間天候不佳，部分老弱居民登船困難，經各單位協力照料，未發生傷亡。',
      '謹呈鑒核。',
    ],
    signature: ['國防部', '中華民國四十四年二月'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Lin Qiu',
      marking: 'Secret',
      title: 'Report of the Ministry of National Defense on the Evacuation of the Dachen Islands',
      header: [['To:', 'The President']],
      body: [
        '1. The evacuation of troops and civilians from the Dachen area began on 8 February and was completed on the 12th. The US Seventh Fleet sent ships to provide cover and transport.',
        '2. More than ten thousand residents were evacuated; all arrived safely at Keelung and are being resettled by the government. The troops and their supplies were also all moved out without enemy attack.',
        '3. The weather was poor during the evacuation and some elderly and infirm residents had difficulty boarding, but with the help of all units there were no casualties.',
        'Respectfully submitted for review.',
      ],
      signature: ['Ministry of National Defense', 'February, 44th year of the Republic [1955]'],
    },
  ],
};

export const kinmenTelegram: DemoDocument = {
  record: {
    externalId: 'demo/1958-08-23-kinmen-telegram',
    title: 'Telegram from the Kinmen Defense Command on the Artillery Bombardment of 23 August',
    summary:
      'The first report from Kinmen on the opening of the 1958 bombardment: the shelling began in the early evening, struck command posts and the harbour, and communications were cut for a time.',
    date: { start: '1958-08-23', time: '19:45' },
    placeOfOrigin: 'Kinmen',
    type: 'cable',
    classifications: ['Top Secret', 'Most Urgent'],
    languages: ['zh-Hant'],
    repository: repositories.academiaHistorica,
    archivalReference: 'Academia Historica 005-010301-00012-021',
    program: demoProgram,
    funders: [funders.luce, funders.openArchives],
    credits: [
      { role: 'translator', name: 'Lin Qiu' },
      { role: 'transcriber', name: 'Chancery demo team' },
    ],
    rights: rights.demo,
    subjects: [subjects.bombardment],
    places: [places.kinmen, places.taiwanStrait],
    agents: [as('author', org.kinmenDefenseCommand), as('recipient', p.chiangKaishek)],
    collections: [collections.taiwanStrait],
    related: [
      { externalId: 'demo/1958-09-15-warsaw-talks-report' },
      { externalId: 'demo/1958-10-dulles-yeh-memcon' },
    ],
  },
  original: {
    language: 'zh-Hant',
    marking: '絕對機密 最速件',
    reference: '金防（四七）字第 0823 號',
    title: '金門防衛司令部呈總統電',
    body: [
      '一、本（廿三）日十八時三十分起，匪砲兵自大嶝、蓮河、圍頭等地區向我金門本島及大膽、二膽猛烈射擊，至十九時三十分仍未停止，估計落彈已逾萬發。',
      '二、我料羅灣碼頭、太武山指揮所附近及各砲兵陣地均遭集中射擊，部分通信線路中斷，正搶修中。人員傷亡情形尚在清查。',
      '三、我各砲兵部隊已奉命還擊。海上運補暫時停止，俟情況許可再行恢復。',
      '四、詳情續報。',
    ],
    signature: ['金門防衛司令部', '八月廿三日十九時四十五分'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Lin Qiu',
      marking: 'Top Secret. Most Urgent',
      reference: 'Kinmen Defense (47) No. 0823',
      title: 'Telegram from the Kinmen Defense Command to the President',
      body: [
        '1. From 6:30 p.m. today (the 23rd) the bandit [Communist] artillery has been firing heavily from Dadeng, Lianhe, Weitou and other areas on Kinmen Island and on Dadan and Erdan. At 7:30 p.m. the fire had still not stopped; we estimate more than ten thousand rounds have fallen.',
        '2. The Liaoluo Bay pier, the area near the Taiwu Mountain command post and all our artillery positions have come under concentrated fire. Some communication lines are cut and are being repaired. Casualties are still being counted.',
        '3. All our artillery units have been ordered to return fire. Supply by sea is suspended for the time being and will resume when conditions allow.',
        '4. Details to follow.',
      ],
      signature: ['Kinmen Defense Command', '23 August, 7:45 p.m.'],
    },
  ],
  scan: { form: 'text-pdf', fileName: 'AH-005-010301-00012-021.pdf' },
};

export const warsawTalksReport: DemoDocument = {
  record: {
    externalId: 'demo/1958-09-15-warsaw-talks-report',
    title: 'Report from Ambassador Wang Bingnan on the Resumed Sino-American Talks in Warsaw',
    summary:
      'Wang Bingnan reports the first Warsaw session of the resumed ambassadorial talks: the American side asks for a ceasefire in the Strait, the Chinese side demands the withdrawal of US forces.',
    date: { start: '1958-09-15', time: '22:00' },
    placeOfOrigin: 'Warsaw',
    type: 'report',
    classifications: ['Top Secret'],
    languages: ['zh'],
    repository: repositories.prcFma,
    archivalReference: 'PRC FMA 111-00024-01, 1-4',
    program: demoProgram,
    funders: [funders.macArthur],
    credits: [{ role: 'translator', name: 'Zhao Min' }],
    rights: rights.demo,
    subjects: [subjects.ambassadorialTalks, subjects.bombardment],
    places: [places.warsaw, places.taiwanStrait],
    agents: [as('author', p.wangBingnan), as('recipient', org.prcForeignMinistry)],
    collections: [collections.taiwanStrait],
  },
  original: {
    language: 'zh',
    marking: '绝密',
    title: '王炳南大使关于中美大使级会谈在华沙复会情况的报告',
    body: [
      '中美大使级会谈今日下午在华沙复会，历时三小时。',
      '美方首先要求在台湾海峡地区实现停火，并称金门、马祖的局势威胁和平。我当即指出，台湾和沿海岛屿是中国领土，炮击金门是中国内政，问题的根源在于美国武装力量侵占台湾，美方必须撤出其一切武装力量。',
      '美方未作正面答复，表示将报告国内。双方商定下次会议日期另行约定。',
    ],
    signature: ['王炳南', '九月十五日晚'],
  },
  translations: [
    {
      language: 'en',
      translator: 'Zhao Min',
      marking: 'Top Secret',
      title:
        'Report from Ambassador Wang Bingnan on the Resumption of the Sino-American Ambassadorial Talks in Warsaw',
      body: [
        'The Sino-American ambassadorial talks resumed in Warsaw this afternoon and lasted three hours.',
        'The American side first asked for a ceasefire in the Taiwan Strait area and said that the situation around Kinmen and Matsu threatened peace. I answered at once that Taiwan and the offshore islands are Chinese territory, that the shelling of Kinmen is China’s internal affair, that the root of the problem is the occupation of Taiwan by US armed forces, and that the US must withdraw all its armed forces.',
        'The American side gave no direct answer and said it would report home. The two sides agreed to fix the date of the next meeting later.',
      ],
      signature: ['Wang Bingnan', 'Evening of 15 September'],
    },
  ],
};

export const dullesYeh: DemoDocument = {
  record: {
    externalId: 'demo/1958-10-dulles-yeh-memcon',
    title: 'Memorandum of Conversation: Secretary Dulles and Foreign Minister Yeh on the Offshore Islands',
    summary:
      'Dulles presses the Nationalist foreign minister to reduce the garrison on the offshore islands and to renounce force as the means of returning to the mainland.',
    date: '1958-10-06',
    placeOfOrigin: 'Washington, D.C.',
    type: 'memorandum',
    classifications: ['Secret'],
    languages: ['en'],
    repository: repositories.nara,
    archivalReference: 'RG 59, Conference Files, Lot 63 D 123, Box 161',
    program: demoProgram,
    funders: [funders.openArchives],
    rights: rights.demoUsGov,
    subjects: [subjects.bombardment],
    places: [places.washington, places.kinmen, places.taiwan],
    agents: [as('participant', p.dulles), as('participant', p.georgeYeh), as('mentioned', p.chiangKaishek)],
    collections: [collections.taiwanStrait],
  },
  original: {
    language: 'en',
    marking: 'SECRET',
    title: 'Memorandum of Conversation',
    header: [
      ['Participants:', 'The Secretary; Foreign Minister George Yeh; Ambassador Hollington Tong'],
      ['Subject:', 'The offshore islands'],
    ],
    body: [
      'The Secretary said that opinion in the United States and among our allies would not support a war over Quemoy. The heavy concentration of Chinese Government forces on the islands made them look like a springboard for an attack on the mainland, which was what the Communists said they were.',
      'Foreign Minister Yeh replied that a reduction of the garrison under fire would be read as weakness. The President [Chiang] could consider it only after the shelling had stopped.',
      'The Secretary said he understood this, but hoped the Government of the Republic of China would in due course make clear that it would not rely on force to return to the mainland. Mr. Yeh said he would convey this to the President.',
    ],
  },
};
