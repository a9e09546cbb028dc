import type { Generated } from 'kysely';

/**
 * The shape of every table, as Kysely sees it. Written once, here; the migrations create exactly this.
 *
 * Conventions that keep SQLite and PostgreSQL returning identical rows:
 * - timestamps are ISO 8601 UTC strings (`2026-11-28T06:00:00.000Z`), which sort correctly as text;
 * - historical dates are ISO date strings (`1962-08-09`), never Date objects (no time zones, and
 *   years before 1970 or approximate dates stay exact);
 * - flags are integers 0/1; no JSON columns: lists are rows of link tables with a `position`.
 */
export type Database = {
  documents: DocumentsTable;
  document_languages: DocumentLanguagesTable;
  document_classifications: DocumentClassificationsTable;
  document_credits: DocumentCreditsTable;
  document_authorities: DocumentAuthoritiesTable;
  document_links: DocumentLinksTable;
  authorities: AuthoritiesTable;
  authority_names: AuthorityNamesTable;
  assets: AssetsTable;
  blobs: BlobsTable;
  site_state: SiteStateTable;
  search_documents: SearchDocumentsTable;
  search_parts: SearchPartsTable;
  search_facets: SearchFacetsTable;
  search_vocabulary: SearchVocabularyTable;
  search_name_keys: SearchNameKeysTable;
  search_state: SearchStateTable;
  users: UsersTable;
  sessions: SessionsTable;
  password_tokens: PasswordTokensTable;
  login_failures: LoginFailuresTable;
  audit_events: AuditEventsTable;
  document_revisions: DocumentRevisionsTable;
  authority_redirects: AuthorityRedirectsTable;
  jobs: JobsTable;
  scan_files: ScanFilesTable;
  scan_pages: ScanPagesTable;
  scan_page_corrections: ScanPageCorrectionsTable;
  themes: ThemesTable;
  theme_collections: ThemeCollectionsTable;
  theme_events: ThemeEventsTable;
  readers: ReadersTable;
  reader_items: ReaderItemsTable;
  text_alignments: TextAlignmentsTable;
};

/**
 * The editorial workflow: a draft goes to review, then is published at once or scheduled for a date
 * and time. Only `published` is ever shown to the public; `withdrawn` records answer 410 with a reason.
 */
export const documentStatuses = ['draft', 'in_review', 'scheduled', 'published', 'withdrawn'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

export const datePrecisions = ['day', 'month', 'year', 'decade'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

export type DocumentsTable = {
  id: Generated<number>;
  external_id: string | null;
  status: DocumentStatus;
  title: string;
  subtitle: string | null;
  summary: string | null;
  /** First day the date can mean (sortable, used by date filters). */
  date_start: string | null;
  /** Last day the date can mean. */
  date_end: string | null;
  date_precision: DatePrecision | null;
  date_circa: number;
  /** Local time of day as written in the record, `HH:MM`. */
  date_time: string | null;
  place_of_origin: string | null;
  document_type: string | null;
  repository_id: number | null;
  archival_reference: string | null;
  program: string | null;
  rights: string | null;
  withdrawal_reason: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  /** When a `scheduled` document becomes published (ISO UTC); null otherwise. */
  scheduled_for: string | null;
};

export type DocumentLanguagesTable = {
  document_id: number;
  language: string;
  position: number;
};

export type DocumentClassificationsTable = {
  document_id: number;
  marking: string;
  position: number;
};

export const creditRoles = ['translator', 'transcriber', 'editor', 'contributor'] as const;
export type CreditRole = (typeof creditRoles)[number];

export type DocumentCreditsTable = {
  document_id: number;
  role: CreditRole;
  name: string;
  position: number;
};

export const authorityKinds = [
  'person',
  'organization',
  'place',
  'subject',
  'repository',
  'funder',
  'collection',
] as const;
export type AuthorityKind = (typeof authorityKinds)[number];

export const agentRoles = ['author', 'recipient', 'participant', 'mentioned'] as const;
export type AgentRole = (typeof agentRoles)[number];

/** How a document is tied to an authority; people and organizations carry an agent role. */
export const linkRoles = [...agentRoles, 'subject', 'place', 'funder', 'collection'] as const;
export type LinkRole = (typeof linkRoles)[number];

export type DocumentAuthoritiesTable = {
  document_id: number;
  authority_id: number;
  role: LinkRole;
  position: number;
};

export const documentLinkKinds = ['related', 'attachment'] as const;
export type DocumentLinkKind = (typeof documentLinkKinds)[number];

/**
 * `related` links are symmetric and stored once (shown on both documents);
 * `attachment` links point from the parent (`document_id`) to the attached document.
 */
export type DocumentLinksTable = {
  document_id: number;
  target_id: number;
  kind: DocumentLinkKind;
  position: number;
};

export type AuthoritiesTable = {
  id: Generated<number>;
  kind: AuthorityKind;
  name: string;
  /** URL-friendly name; unique per kind (collections are addressed by it). */
  slug: string;
  parent_id: number | null;
  note: string | null;
  /** Life dates for people, founding dates for organisations, as written (`1909–1989`). */
  dates: string | null;
  /** WGS 84 degrees, for places drawn on theme maps (migration 0006). */
  latitude: number | null;
  longitude: number | null;
  /** A collection's picture: a blob in the store, its media type and its text alternative. */
  image_sha256: string | null;
  image_media_type: string | null;
  image_alt: string | null;
  created_at: string;
  updated_at: string;
};

/**
 * Every name an authority is known by, its preferred name included (position 0), so that one indexed
 * lookup on `match_key` finds "Mesyatsev", "Месяцев" or "mesyatsev" alike.
 */
export type AuthorityNamesTable = {
  id: Generated<number>;
  authority_id: number;
  name: string;
  /** NFKC, case-folded, whitespace-collapsed form used for matching. */
  match_key: string;
  /** BCP 47 tag of the form (`zh`, `ru`, `zh-Latn-pinyin`), when known. */
  language: string | null;
  position: number;
};

export const assetKinds = ['scan', 'transcript', 'translation'] as const;
export type AssetKind = (typeof assetKinds)[number];

export type AssetsTable = {
  id: Generated<number>;
  document_id: number;
  kind: AssetKind;
  language: string | null;
  label: string | null;
  translator: string | null;
  /** Sanitised HTML of transcripts and translations. */
  html: string | null;
  /** SHA-256 of the stored file, for scans and for the uploaded source of a text. */
  blob_sha256: string | null;
  file_name: string | null;
  media_type: string | null;
  page_count: number | null;
  position: number;
  created_at: string;
  updated_at: string;
};

/**
 * Which paragraphs of a translation face which paragraphs of its original (migration 0007): one row per
 * pair, in order. Each side is a run `first..last` of paragraph numbers (the `#p-<n>` anchors), or
 * null on both ends when that side of the pair is empty.
 */
export type TextAlignmentsTable = {
  translation_asset_id: number;
  original_asset_id: number;
  position: number;
  original_first: number | null;
  original_last: number | null;
  translation_first: number | null;
  translation_last: number | null;
};

export type BlobsTable = {
  sha256: string;
  byte_size: number;
  media_type: string;
  created_at: string;
};

/**
 * One-row-per-key table of facts about the whole site. `content_version` is bumped in the same
 * transaction as every write to public content; page caches compare it to know they are stale, also
 * when the write came from another process (an import run from the CLI).
 */
export type SiteStateTable = {
  key: string;
  value: number;
};

export const userRoles = ['contributor', 'editor', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

/** A member of staff. `password_hash` is null until the person has used their set-password link. */
export type UsersTable = {
  id: Generated<number>;
  /** Trimmed and lower-cased, so one address is one account. */
  email: string;
  display_name: string | null;
  role: UserRole;
  /** argon2id, in PHC string form. */
  password_hash: string | null;
  password_changed_at: string | null;
  disabled_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
};

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored. */
export type SessionsTable = {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute end of the session, however active it is. */
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
};

export const passwordTokenPurposes = ['invite', 'reset'] as const;
export type PasswordTokenPurpose = (typeof passwordTokenPurposes)[number];

/** A one-time link to set a password; only the SHA-256 of the token is stored. */
export type PasswordTokensTable = {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  purpose: PasswordTokenPurpose;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
};

/** Failed sign-ins inside the throttling window; older rows are pruned. */
export type LoginFailuresTable = {
  id: Generated<number>;
  /** The normalised e-mail that was tried, whether or not such an account exists. */
  account_key: string;
  ip: string;
  failed_at: string;
};

/** One line of the audit log: who did what to which record, when and from where. */
export type AuditEventsTable = {
  id: Generated<number>;
  occurred_at: string;
  actor_id: number | null;
  /** The actor's e-mail at the time, or `system` / `cli` for actions without a signed-in person. */
  actor_label: string;
  /** Dotted, stable: `auth.login`, `user.role_changed`, `document.published`. */
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  /** A small JSON object with what changed; text, so both databases return it identically. */
  details: string | null;
  ip: string | null;
  user_agent: string | null;
};

export const jobStatuses = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/**
 * The background job queue. A job is claimed by setting `locked_by` and a `lease_until`; a worker that
 * dies stops renewing its lease, and once it lapses any worker may claim the job again.
 */
export type JobsTable = {
  id: Generated<number>;
  name: string;
  /** The job's input as JSON text, validated by the job's schema when it runs. */
  payload: string;
  status: JobStatus;
  /** Higher runs first. */
  priority: Generated<number>;
  attempts: Generated<number>;
  max_attempts: number;
  /** Not before this time (retries wait here with exponential backoff). */
  run_at: string;
  lease_until: string | null;
  locked_by: string | null;
  /** Jobs with the same key are queued at most once while waiting. */
  dedupe_key: string | null;
  /** What the running job says it is doing ("OCR 3/12 pages"). */
  progress: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
};

export const scanFileStatuses = ['pending', 'processing', 'done', 'failed'] as const;
export type ScanFileStatus = (typeof scanFileStatuses)[number];

export const scanStages = ['reading', 'pages', 'ocr', 'finishing'] as const;
export type ScanStage = (typeof scanStages)[number];

/** Processing state of one scanned file (PDF or image), shared by every asset that holds it. */
export type ScanFilesTable = {
  blob_sha256: string;
  media_type: string;
  status: ScanFileStatus;
  stage: ScanStage | null;
  page_count: number | null;
  pages_done: Generated<number>;
  /** Pages that need OCR (no usable text layer), and how many of them are done. */
  ocr_pages: Generated<number>;
  ocr_pages_done: Generated<number>;
  /** Tesseract language codes used, `eng+chi_sim`. */
  ocr_languages: string | null;
  /** Things a reader or editor should know (missing OCR language data, unreadable pages). */
  notes: string | null;
  /** Why the file could not be processed (broken, encrypted, truncated). */
  error: string | null;
  pipeline_version: Generated<number>;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
};

export const pageTextSources = ['pdf-text', 'ocr', 'none'] as const;
export type PageTextSource = (typeof pageTextSources)[number];

/** One page of a scan, as the pipeline derived it; machine output only (corrections are separate). */
export type ScanPagesTable = {
  blob_sha256: string;
  page: number;
  /** Pixel size of the page image. */
  width: number;
  height: number;
  text: string;
  text_source: PageTextSource;
  /** Mean word confidence, 0–100, for OCR text. */
  ocr_confidence: number | null;
  ocr_languages: string | null;
  /**
   * Word boxes as JSON `[[x, y, w, h, text, confidence], ...]`, coordinates in ten-thousandths of the
   * page size so they fit any rendition. JSON because only the viewer reads it, whole, per page.
   */
  words: string | null;
  image_sha256: string | null;
  thumbnail_sha256: string | null;
  /** Why this page has no text or image, when something went wrong with it alone. */
  problem: string | null;
  pipeline_version: number;
  created_at: string;
  updated_at: string;
};

/** Editors' corrections of a page's machine text; the newest wins and the machine text is kept. */
export type ScanPageCorrectionsTable = {
  id: Generated<number>;
  blob_sha256: string;
  page: number;
  text: string;
  corrected_by: string | null;
  note: string | null;
  created_at: string;
};

/**
 * The search index (migration 0002, written only by src/modules/search): one row per published
 * document with its sort keys; the full-text index lives in dialect-specific storage beside
 * `search_parts` (an FTS5 table, or the `tsv` column on PostgreSQL).
 */
export type SearchDocumentsTable = {
  document_id: number;
  date_start: string | null;
  date_end: string | null;
  /** Year of `date_start`, for the histogram. */
  year: number | null;
  /** Folded title, compared bytewise on both databases. */
  title_sort: string;
  published_at: string | null;
};

/** One searchable part of a document; `id` is `document_id * 2^20 + part_no`. */
export type SearchPartsTable = {
  id: number;
  document_id: number;
  part_no: number;
  /** title, summary, names, details, reference, transcript, translation, ocr */
  part: string;
  language: string | null;
  asset_id: number | null;
  blob_sha256: string | null;
  /** Page of a scan, for OCR text. */
  page: number | null;
  /** Where this chunk sits in the plain text of its source, in UTF-16 code units. */
  text_start: number | null;
  text_end: number | null;
  /** Original text of names, details and reference parts (other parts are read from their source). */
  text: string | null;
};

/** What every facet count and filter reads: authority facets hold the authority ID as text. */
export type SearchFacetsTable = {
  facet: string;
  value: string;
  document_id: number;
};

/** Words seen in the index, with the keys "did you mean" looks candidates up by. */
export type SearchVocabularyTable = {
  term: string;
  length: number;
  head: string;
  tail: string;
};

/** Folded name suffixes of authority names ("zhou enlai", "enlai"), for suggestions. */
export type SearchNameKeysTable = {
  key: string;
  authority_id: number;
  kind: string;
  name: string;
};

export type SearchStateTable = {
  key: string;
  value: string;
};

/** One saved state of a document: the whole record, in the export format, as JSON text. */
export type DocumentRevisionsTable = {
  id: Generated<number>;
  document_id: number;
  /** 1, 2, 3... per document. */
  number: number;
  /** `created`, `edited`, `submitted`, `published`, `restored`, ... */
  action: string;
  author_id: number | null;
  /** The author's e-mail at the time, or `import`, `system`. */
  author_label: string;
  status: DocumentStatus;
  title: string;
  note: string | null;
  snapshot: string;
  created_at: string;
};

/** The old address of an authority merged into another: its pages answer 301 to the survivor. */
export type AuthorityRedirectsTable = {
  from_id: number;
  kind: AuthorityKind;
  from_slug: string;
  to_id: number;
  created_at: string;
};

/** Only `published` themes and readers are public; editors prepare them as drafts. */
export const curatedStatuses = ['draft', 'published'] as const;
export type CuratedStatus = (typeof curatedStatuses)[number];

/** A theme groups collections, with an overview and a timeline of editors' events (migration 0006). */
export type ThemesTable = {
  id: Generated<number>;
  slug: string;
  title: string;
  /** One or two sentences for lists. */
  summary: string | null;
  /** Sanitised HTML. */
  overview_html: string | null;
  status: CuratedStatus;
  created_at: string;
  updated_at: string;
};

export type ThemeCollectionsTable = {
  theme_id: number;
  collection_id: number;
  position: number;
};

/** An event an editor wrote into a theme's timeline; dated as a span like documents are. */
export type ThemeEventsTable = {
  id: Generated<number>;
  theme_id: number;
  date_start: string;
  date_end: string;
  date_precision: DatePrecision;
  title: string;
  description: string | null;
  /** An absolute http(s) URL or a path on this site. */
  link: string | null;
  position: number;
};

/** A reader: an ordered set of documents with an introduction and notes, for teaching. */
export type ReadersTable = {
  id: Generated<number>;
  slug: string;
  title: string;
  /** Who compiled it, as cited (`Ed. Vera Lindqvist`). */
  compiler: string | null;
  /** Sanitised HTML. */
  introduction_html: string | null;
  status: CuratedStatus;
  created_at: string;
  updated_at: string;
};

export type ReaderItemsTable = {
  reader_id: number;
  document_id: number;
  position: number;
  /** The editor's note on this document, plain text with blank lines between paragraphs. */
  note: string | null;
};
