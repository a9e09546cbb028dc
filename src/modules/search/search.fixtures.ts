import type { AssetKind } from '../../database/tables.ts';
import type { DocumentRecordInput } from '../documents/documents.schemas.ts';
import type { PreparedAsset } from '../documents/documents.usecases.ts';

/**
 * A small archive in Chinese, Russian and English for search tests: the contract suite, the fuzz
 * test and quick local measurements use it. Two records are never public (a draft, and one that is
 * withdrawn after being published), so tests can check that nothing of them leaks.
 */

export const asset = (
  kind: AssetKind,
  language: string | null,
  html: string,
  label: string | null = null,
): PreparedAsset => ({
  kind,
  language,
  label,
  translator: null,
  html,
  blobSha256: null,
  fileName: null,
  mediaType: null,
  pageCount: null,
  blob: null,
});

export type Fixture = { key: string; record: DocumentRecordInput; assets: PreparedAsset[] };

export const contractCorpus: Fixture[] = [
  {
    key: 'zhang',
    record: {
      title:
        "Record of Conversation between Vice Foreign Minister Zhang Hanfu and Soviet Chargé d'Affaires Nikolai Mesyatsev",
      date: '1962-08-09',
      type: 'minutes',
      languages: ['zh'],
      classifications: ['Top Secret'],
      repository: 'PRC Foreign Ministry Archive',
      archivalReference: '118-01767-01',
      places: [{ name: 'Xinjiang', parent: 'China', variants: [{ name: '新疆', language: 'zh' }] }],
      agents: [
        { name: 'Zhang Hanfu', role: 'participant', variants: [{ name: '章汉夫', language: 'zh' }] },
        {
          name: 'Nikolai Mesyatsev',
          role: 'participant',
          variants: [{ name: 'Николай Месяцев', language: 'ru' }],
        },
      ],
      collections: [{ name: 'Sino-Soviet Border', parent: 'Sino-Soviet Relations' }],
      subjects: ['Border incidents'],
    },
    assets: [
      asset('transcript', 'zh', '<p>章汉夫：关于霍尔果斯口岸的问题，我们需要进一步谈判。</p>'),
      asset(
        'translation',
        'en',
        '<p>Zhang Hanfu: On the question of the Khorgos border crossing, we need further negotiations.</p><p>Mesyatsev: The Soviet side agrees.</p>',
      ),
    ],
  },
  {
    key: 'refugees',
    record: {
      title: 'Report on refugees crossing at Khorgos',
      date: '1962-05',
      type: 'report',
      languages: ['zh'],
      places: ['China'],
      subjects: ['Refugees'],
    },
    assets: [asset('transcript', 'zh', '<p>霍 尔 果 斯 口 岸 难 民 情 况</p>', 'OCR text')],
  },
  {
    key: 'khrushchev',
    record: {
      title: 'Запись беседы Н. С. Хрущёва с послом КНР',
      date: '1963-07-05',
      type: 'memorandum',
      languages: ['ru'],
      places: ['Moscow'],
      agents: [
        {
          name: 'Nikita Khrushchev',
          role: 'participant',
          variants: [{ name: 'Никита Хрущёв', language: 'ru' }],
        },
      ],
    },
    assets: [
      asset(
        'transcript',
        'ru',
        '<p>На переговорах в Пекине Хрущёв говорил о границе. Переговоры продолжались долго.</p>',
      ),
      asset(
        'translation',
        'en',
        '<p>At the negotiations in Beijing Khrushchev spoke about the border. Mesyatsev was present.</p>',
      ),
    ],
  },
  {
    key: 'reischauer',
    record: {
      title: 'Telegram from Ambassador Reischauer to the Department of State',
      summary: 'Japanese negotiations with China over trade.',
      date: '1964-01-15',
      type: 'telegram',
      languages: ['en'],
      places: ['Japan'],
      subjects: ['Trade'],
      agents: [{ name: 'Edwin O. Reischauer', role: 'author' }],
    },
    assets: [asset('transcript', 'en', '<p>Reischauer reports that trade talks continue.</p>')],
  },
  {
    key: 'draft',
    record: {
      status: 'draft',
      title: 'Draft memorandum on Khorgos and the unicornword',
      type: 'secretdrafttype',
      languages: ['fr'],
      subjects: ['Hidden subject'],
      agents: [{ name: 'Zzyzx Draftperson', role: 'author' }],
    },
    assets: [],
  },
  {
    key: 'withdrawn',
    // Saved published first, then withdrawn (see the set-up), so it was once in the index.
    record: {
      title: 'Note about the walrusword',
      languages: ['de'],
      type: 'walrustype',
      subjects: ['Walruses'],
    },
    assets: [],
  },
  {
    key: 'cuba',
    record: {
      title: 'Notes on the Cuban missile crisis',
      summary: 'Negotiations in the Caribbean, with <b>bold</b> claims & "quotes" <script>alert(1)</script>.',
      type: 'notes',
      languages: ['en'],
      subjects: ['Cuba'],
    },
    assets: [],
  },
  {
    key: 'politburo',
    record: {
      title: 'Minutes of the Politburo meeting on Xinjiang',
      date: '1962-04',
      type: 'minutes',
      languages: ['ru'],
      places: ['China', { name: 'Xinjiang', parent: 'China' }],
      collections: ['Sino-Soviet Relations'],
    },
    assets: [asset('translation', 'zh', '<p>关于新疆问题的会议记录</p>')],
  },
];
