import type { AgentRole, AuthorityKind } from '../../../database/tables.ts';

/**
 * The people, organisations, places, subjects, repositories, funders and collections of the demo
 * archive, each defined once with its names in several scripts, so every document that mentions
 * Zhou Enlai links the same authority record whether it calls him 周恩来 or Чжоу Эньлай. The notes
 * are short descriptions written for the demo. Chinese and Russian forms are given only where the
 * standard form is well established.
 */

type Variant = { name: string; language: string | null };
export type DemoAuthority = {
  name: string;
  variants: Variant[];
  note?: string;
  dates?: string;
  parent?: string;
};
export type DemoAgent = DemoAuthority & { kind: 'person' | 'organization' };

const v = (language: string | null, ...names: string[]): Variant[] =>
  names.map((name) => ({ name, language }));

const person = (name: string, variants: Variant[], note?: string, dates?: string): DemoAgent => ({
  kind: 'person',
  name,
  variants,
  ...(note ? { note } : {}),
  ...(dates ? { dates } : {}),
});
const organization = (name: string, variants: Variant[], note?: string): DemoAgent => ({
  kind: 'organization',
  name,
  variants,
  ...(note ? { note } : {}),
});

/** An agent with the part they play in one document. */
export const as = (role: AgentRole, agent: DemoAgent) => ({ ...agent, role });

export const people = {
  huangZhen: person(
    'Huang Zhen',
    [...v('zh', '黄镇'), ...v('ru', 'Хуан Чжэнь')],
    'Vice Minister of Foreign Affairs of the People’s Republic of China, 1961–1964; later ambassador to France.',
    '1909–1989',
  ),
  mesyatsev: person(
    'Nikolai Mesyatsev',
    [
      ...v('ru', 'Николай Месяцев', 'Н. Н. Месяцев'),
      ...v('zh', '梅夏采夫'),
      ...v(null, 'Mesyastev', 'N. Mesiatsev'),
    ],
    'Soviet diplomat; chargé d’affaires ad interim of the Soviet Embassy in Beijing in the summer of 1962.',
  ),
  xuMing: person(
    'Xu Ming',
    [],
    'Deputy director of the Department of Soviet and East European Affairs, PRC Ministry of Foreign Affairs.',
  ),
  groux: person(
    'Groux',
    [],
    'First secretary of the Soviet Embassy in Beijing (transliteration as in the Chinese record).',
  ),
  wangGaoqing: person('Wang Gaoqing', [], 'Interpreter of the PRC Ministry of Foreign Affairs.'),
  liDebiao: person('Li Debiao', [], 'Official of the PRC Ministry of Foreign Affairs who kept the minutes.'),
  zhangHanfu: person(
    'Zhang Hanfu',
    [...v('zh', '章汉夫'), ...v('ru', 'Чжан Ханьфу')],
    'Vice Minister of Foreign Affairs of the PRC.',
    '1905–1972',
  ),
  jiPengfei: person(
    'Ji Pengfei',
    [...v('zh', '姬鹏飞'), ...v('ru', 'Цзи Пэнфэй')],
    'Vice Minister of Foreign Affairs of the PRC; later foreign minister.',
    '1910–2000',
  ),
  zhouEnlai: person(
    'Zhou Enlai',
    [
      ...v('zh', '周恩来'),
      ...v('zh-Hant', '周恩來'),
      ...v('ru', 'Чжоу Эньлай'),
      ...v('zh-Latn-wadegile', 'Chou En-lai'),
    ],
    'Premier of the People’s Republic of China (1949–1976) and foreign minister until 1958.',
    '1898–1976',
  ),
  maoZedong: person(
    'Mao Zedong',
    [
      ...v('zh', '毛泽东'),
      ...v('zh-Hant', '毛澤東'),
      ...v('ru', 'Мао Цзэдун'),
      ...v('zh-Latn-wadegile', 'Mao Tse-tung'),
    ],
    'Chairman of the Chinese Communist Party.',
    '1893–1976',
  ),
  chenYi: person(
    'Chen Yi',
    [...v('zh', '陈毅'), ...v('ru', 'Чэнь И')],
    'Foreign Minister of the PRC, 1958–1972.',
    '1901–1972',
  ),
  liuXiao: person(
    'Liu Xiao',
    [...v('zh', '刘晓'), ...v('ru', 'Лю Сяо')],
    'PRC ambassador to the Soviet Union, 1955–1962.',
    '1908–1988',
  ),
  wangBingnan: person(
    'Wang Bingnan',
    [...v('zh', '王炳南')],
    'PRC ambassador to Poland and negotiator at the Sino-American ambassadorial talks.',
    '1908–1988',
  ),
  khrushchev: person(
    'Nikita Khrushchev',
    [...v('ru', 'Никита Хрущёв', 'Н. С. Хрущев'), ...v('zh', '赫鲁晓夫'), ...v(null, 'Khrushchov')],
    'First Secretary of the Communist Party of the Soviet Union, 1953–1964.',
    '1894–1971',
  ),
  gromyko: person(
    'Andrei Gromyko',
    [...v('ru', 'Андрей Громыко'), ...v('zh', '葛罗米柯')],
    'Soviet Minister of Foreign Affairs, 1957–1985.',
    '1909–1989',
  ),
  kosygin: person(
    'Alexei Kosygin',
    [...v('ru', 'Алексей Косыгин'), ...v('zh', '柯西金'), ...v(null, 'Aleksei Kosygin')],
    'Chairman of the USSR Council of Ministers, 1964–1980.',
    '1904–1980',
  ),
  molotov: person(
    'Vyacheslav Molotov',
    [...v('ru', 'Вячеслав Молотов'), ...v('zh', '莫洛托夫')],
    'Soviet Minister of Foreign Affairs, 1953–1956.',
    '1890–1986',
  ),
  chervonenko: person(
    'Stepan Chervonenko',
    [...v('ru', 'Степан Червоненко'), ...v('zh', '契尔沃年科')],
    'Soviet ambassador to the PRC, 1959–1965.',
    '1915–2003',
  ),
  alekseev: person(
    'Aleksandr Alekseev',
    [...v('ru', 'Александр Алексеев'), ...v(null, 'Alexander Alexeyev')],
    'Soviet ambassador to Cuba, 1962–1968.',
    '1913–2001',
  ),
  shcherbakov: person(
    'Ilya Shcherbakov',
    [...v('ru', 'Илья Щербаков')],
    'Soviet ambassador to the Democratic Republic of Vietnam, 1964–1974.',
  ),
  ulbricht: person(
    'Walter Ulbricht',
    [...v('de', 'Walter Ulbricht'), ...v('ru', 'Вальтер Ульбрихт'), ...v('zh', '乌布利希')],
    'First Secretary of the Socialist Unity Party of Germany.',
    '1893–1973',
  ),
  kimIlSung: person(
    'Kim Il Sung',
    [...v('ko', '김일성'), ...v('zh', '金日成'), ...v('ru', 'Ким Ир Сен')],
    'Leader of the Democratic People’s Republic of Korea.',
    '1912–1994',
  ),
  hoChiMinh: person(
    'Ho Chi Minh',
    [...v('vi', 'Hồ Chí Minh'), ...v('zh', '胡志明'), ...v('ru', 'Хо Ши Мин')],
    'President of the Democratic Republic of Vietnam.',
    '1890–1969',
  ),
  phamVanDong: person(
    'Pham Van Dong',
    [...v('vi', 'Phạm Văn Đồng'), ...v('zh', '范文同'), ...v('ru', 'Фам Ван Донг')],
    'Prime Minister of the Democratic Republic of Vietnam.',
    '1906–2000',
  ),
  castro: person(
    'Fidel Castro',
    [...v('es', 'Fidel Castro Ruz'), ...v('ru', 'Фидель Кастро'), ...v('zh', '卡斯特罗')],
    'Prime Minister of Cuba.',
    '1926–2016',
  ),
  chiangKaishek: person(
    'Chiang Kai-shek',
    [...v('zh-Hant', '蔣中正', '蔣介石'), ...v('zh', '蒋介石'), ...v('ru', 'Чан Кайши')],
    'President of the Republic of China.',
    '1887–1975',
  ),
  georgeYeh: person(
    'George Yeh',
    [...v('zh-Hant', '葉公超'), ...v(null, 'Yeh Kung-chao')],
    'Foreign Minister of the Republic of China, 1949–1958.',
    '1904–1981',
  ),
  dulles: person(
    'John Foster Dulles',
    [...v('ru', 'Джон Фостер Даллес'), ...v('zh', '杜勒斯')],
    'US Secretary of State, 1953–1959.',
    '1888–1959',
  ),
  rusk: person('Dean Rusk', [...v('ru', 'Дин Раск')], 'US Secretary of State, 1961–1969.', '1909–1994'),
  kennedy: person(
    'John F. Kennedy',
    [...v('ru', 'Джон Кеннеди'), ...v('zh', '肯尼迪')],
    'President of the United States, 1961–1963.',
    '1917–1963',
  ),
  mcnamara: person(
    'Robert McNamara',
    [...v('ru', 'Роберт Макнамара')],
    'US Secretary of Defense, 1961–1968.',
    '1916–2009',
  ),
  thompson: person(
    'Llewellyn Thompson',
    [...v('ru', 'Льюэллин Томпсон')],
    'US diplomat; ambassador to the Soviet Union, 1957–1962.',
    '1904–1972',
  ),
  eleanorMarsh: person(
    'Eleanor Marsh',
    [],
    'Reporting officer of the US Mission in Berlin (a person invented for the demo).',
  ),
};

export const organizations = {
  prcForeignMinistry: organization('Ministry of Foreign Affairs of the People’s Republic of China', [
    ...v('zh', '中华人民共和国外交部'),
    ...v('ru', 'МИД КНР'),
    ...v(null, 'PRC Foreign Ministry'),
  ]),
  sovietEmbassyBeijing: organization('Soviet Embassy in Beijing', [
    ...v('ru', 'Посольство СССР в КНР'),
    ...v('zh', '苏联驻华大使馆'),
  ]),
  sovietForeignMinistry: organization('Ministry of Foreign Affairs of the USSR', [
    ...v('ru', 'МИД СССР'),
    ...v('zh', '苏联外交部'),
  ]),
  cpsuCentralCommittee: organization('Central Committee of the Communist Party of the Soviet Union', [
    ...v('ru', 'ЦК КПСС'),
    ...v('zh', '苏共中央'),
  ]),
  xinjiangCommittee: organization('People’s Committee of the Xinjiang Uyghur Autonomous Region', [
    ...v('zh', '新疆维吾尔自治区人民委员会'),
  ]),
  cia: organization('Central Intelligence Agency', [...v(null, 'CIA'), ...v('ru', 'ЦРУ')]),
  stateDepartment: organization('United States Department of State', [
    ...v(null, 'Department of State'),
    ...v('ru', 'Государственный департамент США'),
  ]),
  chineseEmbassyHavana: organization('Chinese Embassy in Havana', [...v('zh', '中国驻古巴大使馆')]),
  chineseEmbassyHanoi: organization('Chinese Embassy in Hanoi', [...v('zh', '中国驻越南大使馆')]),
  sovietEmbassyHanoi: organization('Soviet Embassy in Hanoi', [...v('ru', 'Посольство СССР в ДРВ')]),
  sovietEmbassyHavana: organization('Soviet Embassy in Havana', [
    ...v('ru', 'Посольство СССР в Республике Куба'),
  ]),
  kinmenDefenseCommand: organization('Kinmen Defense Command', [
    ...v('zh-Hant', '金門防衛司令部'),
    ...v(null, 'Quemoy Defense Command'),
  ]),
  usMissionBerlin: organization('US Mission in Berlin', [...v(null, 'United States Mission Berlin')]),
  sedCentralCommittee: organization('Central Committee of the Socialist Unity Party of Germany', [
    ...v('de', 'Zentralkomitee der SED'),
    ...v('ru', 'ЦК СЕПГ'),
  ]),
  cpv: organization('Chinese People’s Volunteers', [
    ...v('zh', '中国人民志愿军'),
    ...v('ru', 'Китайские народные добровольцы'),
  ]),
};

const place = (name: string, variants: Variant[], parent?: string): DemoAuthority => ({
  name,
  variants,
  ...(parent ? { parent } : {}),
});

export const places = {
  china: place('China', [...v('zh', '中国'), ...v('ru', 'Китай'), ...v(null, 'People’s Republic of China')]),
  beijing: place('Beijing', [...v('zh', '北京'), ...v('ru', 'Пекин'), ...v(null, 'Peking')], 'China'),
  xinjiang: place('Xinjiang', [...v('zh', '新疆'), ...v('ru', 'Синьцзян'), ...v(null, 'Sinkiang')], 'China'),
  ili: place('Ili', [...v('zh', '伊犁'), ...v('ru', 'Или'), ...v(null, 'Yili', 'Kuldja')], 'Xinjiang'),
  tacheng: place('Tacheng', [...v('zh', '塔城'), ...v('ru', 'Чугучак'), ...v(null, 'Chuguchak')], 'Xinjiang'),
  heilongjiang: place('Heilongjiang', [...v('zh', '黑龙江'), ...v('ru', 'Хэйлунцзян')], 'China'),
  zhenbao: place(
    'Zhenbao Island',
    [...v('zh', '珍宝岛'), ...v('ru', 'остров Даманский'), ...v(null, 'Damansky Island')],
    'Heilongjiang',
  ),
  guangxi: place('Guangxi', [...v('zh', '广西'), ...v('ru', 'Гуанси')], 'China'),
  liuzhou: place('Liuzhou', [...v('zh', '柳州'), ...v('ru', 'Лючжоу')], 'Guangxi'),
  borderRegion: place('Sino-Soviet border', [
    ...v('zh', '中苏边境'),
    ...v('ru', 'советско-китайская граница'),
  ]),
  sovietUnion: place('Soviet Union', [
    ...v('ru', 'Советский Союз', 'СССР'),
    ...v('zh', '苏联'),
    ...v(null, 'USSR'),
  ]),
  moscow: place('Moscow', [...v('ru', 'Москва'), ...v('zh', '莫斯科')], 'Soviet Union'),
  kazakhstan: place(
    'Kazakh SSR',
    [...v('ru', 'Казахская ССР'), ...v('zh', '哈萨克加盟共和国'), ...v(null, 'Kazakhstan')],
    'Soviet Union',
  ),
  taiwan: place('Taiwan', [
    ...v('zh-Hant', '臺灣', '台灣'),
    ...v('zh', '台湾'),
    ...v('ru', 'Тайвань'),
    ...v(null, 'Formosa'),
  ]),
  taipei: place('Taipei', [...v('zh-Hant', '臺北'), ...v('zh', '台北')], 'Taiwan'),
  taiwanStrait: place('Taiwan Strait', [
    ...v('zh-Hant', '臺灣海峽'),
    ...v('zh', '台湾海峡'),
    ...v('ru', 'Тайваньский пролив'),
  ]),
  kinmen: place(
    'Kinmen',
    [...v('zh-Hant', '金門'), ...v('zh', '金门'), ...v(null, 'Quemoy')],
    'Taiwan Strait',
  ),
  dachen: place(
    'Dachen Islands',
    [...v('zh-Hant', '大陳島'), ...v('zh', '大陈岛'), ...v(null, 'Tachen Islands')],
    'China',
  ),
  korea: place('Korea', [...v('ko', '조선', '한국'), ...v('zh', '朝鲜'), ...v('ru', 'Корея')]),
  pyongyang: place('Pyongyang', [...v('ko', '평양'), ...v('zh', '平壤'), ...v('ru', 'Пхеньян')], 'Korea'),
  panmunjom: place(
    'Panmunjom',
    [...v('ko', '판문점'), ...v('zh', '板门店'), ...v('ru', 'Пханмунджом')],
    'Korea',
  ),
  vietnam: place('Vietnam', [...v('vi', 'Việt Nam'), ...v('zh', '越南'), ...v('ru', 'Вьетнам')]),
  hanoi: place('Hanoi', [...v('vi', 'Hà Nội'), ...v('zh', '河内'), ...v('ru', 'Ханой')], 'Vietnam'),
  geneva: place('Geneva', [...v('fr', 'Genève'), ...v('ru', 'Женева'), ...v('zh', '日内瓦')], 'Switzerland'),
  switzerland: place('Switzerland', [...v('ru', 'Швейцария'), ...v('zh', '瑞士')]),
  germany: place('Germany', [...v('de', 'Deutschland'), ...v('ru', 'Германия'), ...v('zh', '德国')]),
  berlin: place('Berlin', [...v('ru', 'Берлин'), ...v('zh', '柏林')], 'Germany'),
  vienna: place('Vienna', [...v('de', 'Wien'), ...v('ru', 'Вена'), ...v('zh', '维也纳')], 'Austria'),
  austria: place('Austria', [...v('de', 'Österreich'), ...v('ru', 'Австрия')]),
  cuba: place('Cuba', [...v('es', 'Cuba'), ...v('ru', 'Куба'), ...v('zh', '古巴')]),
  havana: place('Havana', [...v('es', 'La Habana'), ...v('ru', 'Гавана'), ...v('zh', '哈瓦那')], 'Cuba'),
  unitedStates: place('United States', [
    ...v('ru', 'США', 'Соединённые Штаты'),
    ...v('zh', '美国'),
    ...v(null, 'USA'),
  ]),
  washington: place('Washington, D.C.', [...v('ru', 'Вашингтон'), ...v('zh', '华盛顿')], 'United States'),
  warsaw: place('Warsaw', [...v('pl', 'Warszawa'), ...v('ru', 'Варшава'), ...v('zh', '华沙')], 'Poland'),
  poland: place('Poland', [...v('pl', 'Polska'), ...v('ru', 'Польша')]),
  paris: place('Paris', [...v('ru', 'Париж'), ...v('zh', '巴黎')], 'France'),
  france: place('France', [...v('ru', 'Франция'), ...v('zh', '法国')]),
};

const subject = (name: string, variants: Variant[] = []): DemoAuthority => ({ name, variants });

export const subjects = {
  borderCrossings: subject('Illegal border crossings', [
    ...v('zh', '非法越境'),
    ...v('ru', 'незаконный переход границы'),
  ]),
  refugees: subject('Refugees and emigration', [...v('zh', '难民与外逃'), ...v('ru', 'беженцы и эмиграция')]),
  sinoSovietRelations: subject('Sino-Soviet relations', [
    ...v('zh', '中苏关系'),
    ...v('ru', 'советско-китайские отношения'),
  ]),
  borderDisputes: subject('Border disputes', [...v('zh', '边界争端'), ...v('ru', 'пограничные споры')]),
  armedClashes: subject('Armed clashes', [...v('zh', '武装冲突'), ...v('ru', 'вооружённые столкновения')]),
  sovietSpecialists: subject('Soviet specialists and economic aid', [
    ...v('zh', '苏联专家'),
    ...v('ru', 'советские специалисты'),
  ]),
  militaryAid: subject('Military aid', [...v('zh', '军事援助'), ...v('ru', 'военная помощь')]),
  armistice: subject('Armistice negotiations', [
    ...v('zh', '停战谈判'),
    ...v('ru', 'переговоры о перемирии'),
  ]),
  prisoners: subject('Prisoners of war', [...v('zh', '战俘'), ...v('ru', 'военнопленные')]),
  peaceTalks: subject('Peace negotiations', [...v('ru', 'мирные переговоры')]),
  bombardment: subject('Artillery bombardment', [...v('zh-Hant', '砲擊'), ...v('zh', '炮击')]),
  evacuation: subject('Evacuation of civilians and troops', [...v('zh-Hant', '撤退')]),
  berlinWall: subject('Berlin Wall', [...v('de', 'Berliner Mauer'), ...v('ru', 'Берлинская стена')]),
  germanQuestion: subject('The German question and a peace treaty', [...v('ru', 'германский вопрос')]),
  missiles: subject('Missile deployment', [...v('ru', 'размещение ракет'), ...v('zh', '导弹部署')]),
  blockade: subject('Naval quarantine and blockade', [...v('ru', 'морская блокада')]),
  transit: subject('Transit of aid through China', [...v('zh', '援越物资过境')]),
  ambassadorialTalks: subject('Sino-American ambassadorial talks', [...v('zh', '中美大使级会谈')]),
  diplomaticProtests: subject('Diplomatic protests'),
  commemorations: subject('Anniversaries and greetings'),
};

export const repositories = {
  prcFma: {
    name: 'PRC Foreign Ministry Archive',
    variants: [...v('zh', '中华人民共和国外交部档案馆'), ...v(null, 'PRC FMA')],
  },
  avprf: {
    name: 'Archive of Foreign Policy of the Russian Federation',
    variants: [...v('ru', 'Архив внешней политики Российской Федерации', 'АВП РФ'), ...v(null, 'AVPRF')],
  },
  rgani: {
    name: 'Russian State Archive of Contemporary History',
    variants: [...v('ru', 'Российский государственный архив новейшей истории', 'РГАНИ'), ...v(null, 'RGANI')],
  },
  nara: {
    name: 'US National Archives',
    variants: v(null, 'National Archives and Records Administration', 'NARA'),
  },
  jfkLibrary: { name: 'John F. Kennedy Presidential Library', variants: v(null, 'JFK Library') },
  academiaHistorica: {
    name: 'Academia Historica',
    variants: [...v('zh-Hant', '國史館'), ...v('zh', '国史馆')],
  },
  xinjiangArchives: {
    name: 'Xinjiang Uyghur Autonomous Region Archives',
    variants: [...v('zh', '新疆维吾尔自治区档案馆')],
  },
  bundesarchiv: {
    name: 'Federal Archives of Germany',
    variants: [...v('de', 'Bundesarchiv'), ...v(null, 'SAPMO-BArch')],
  },
} satisfies Record<string, DemoAuthority>;

export const funders = {
  macArthur: {
    name: 'MacArthur Foundation',
    variants: v(null, 'John D. and Catherine T. MacArthur Foundation'),
  },
  luce: { name: 'Henry Luce Foundation', variants: [] },
  alderTrust: {
    name: 'Alder Trust for Historical Records',
    variants: [],
    note: 'A funder invented for the demo.',
  },
  openArchives: { name: 'Open Archives Fund', variants: [], note: 'A funder invented for the demo.' },
} satisfies Record<string, DemoAuthority>;

const collection = (name: string, variants: Variant[], parent?: string): DemoAuthority => ({
  name,
  variants,
  ...(parent ? { parent } : {}),
});

export const collections = {
  sinoSoviet: collection('Sino-Soviet Relations', [
    ...v('zh', '中苏关系'),
    ...v('ru', 'Советско-китайские отношения'),
  ]),
  border: collection(
    'Sino-Soviet Border',
    [...v('zh', '中苏边界'), ...v('ru', 'Советско-китайская граница')],
    'Sino-Soviet Relations',
  ),
  exodus: collection(
    'Ili–Tacheng Exodus, 1962',
    [...v('zh', '伊塔事件'), ...v(null, 'Yi-Ta Incident')],
    'Sino-Soviet Border',
  ),
  split: collection(
    'Sino-Soviet Split',
    [...v('zh', '中苏分裂'), ...v('ru', 'Советско-китайский раскол')],
    'Sino-Soviet Relations',
  ),
  coldWarAsia: collection('Cold War in Asia', [...v('zh', '亚洲冷战')]),
  korea: collection(
    'Korean War',
    [...v('zh', '抗美援朝战争'), ...v('ru', 'Корейская война')],
    'Cold War in Asia',
  ),
  taiwanStrait: collection(
    'Taiwan Strait Crises',
    [...v('zh-Hant', '臺海危機'), ...v('zh', '台海危机')],
    'Cold War in Asia',
  ),
  indochina: collection(
    'Indochina Wars',
    [...v('zh', '印度支那战争'), ...v('ru', 'Индокитайские войны')],
    'Cold War in Asia',
  ),
  geneva1954: collection(
    'Geneva Conference, 1954',
    [...v('zh', '日内瓦会议'), ...v('ru', 'Женевское совещание 1954 года')],
    'Cold War in Asia',
  ),
  coldWarEurope: collection('Cold War in Europe', []),
  berlin: collection(
    'Berlin Crises, 1958–1962',
    [...v('de', 'Berlin-Krise'), ...v('ru', 'Берлинский кризис')],
    'Cold War in Europe',
  ),
  cuba: collection('Cuban Missile Crisis', [
    ...v('ru', 'Карибский кризис'),
    ...v('es', 'Crisis de Octubre'),
    ...v('zh', '古巴导弹危机'),
  ]),
};

/**
 * Rights statements. Every demo text is invented: the statements say so, so that nobody mistakes the
 * demo for a source.
 */
export const rights = {
  demo: 'Invented demonstration text written for Chancery; it is not a transcription or translation of a historical record. Released under CC0 1.0.',
  demoUsGov:
    'Invented demonstration text written for Chancery in the form of a US government record (such records are in the public domain); it is not a historical record. Released under CC0 1.0.',
  demoReference:
    'Demonstration record: the metadata follow a published archival record, but the Chinese text and the English translation shown here were written for Chancery and are not the historical text. Released under CC0 1.0.',
};

export const demoProgram = 'Chancery Demonstration Archive';

/**
 * Every authority above with its kind, registered before the documents so that each carries its
 * variants, note and parent even when a document names it only as the parent of another
 * (Guangxi, as the parent of Liuzhou).
 */
const ofKind = <K extends AuthorityKind>(kind: K, group: Record<string, DemoAuthority>) =>
  Object.values(group).map((authority) => ({ kind, authority }));

export const demoAuthorities = [
  ...ofKind('person', people),
  ...ofKind('organization', organizations),
  ...ofKind('place', places),
  ...ofKind('subject', subjects),
  ...ofKind('repository', repositories),
  ...ofKind('funder', funders),
  ...ofKind('collection', collections),
];
