import type { FC } from 'hono/jsx';
import { agentRoles, creditRoles, datePrecisions } from '../../database/tables.ts';
import { AuthorityPicker, bindFields, Checkbox, Select, TextInput } from './editor.fields.tsx';
import type { AuthorityGroup, EditorForm, LinkRow, RowGroup } from './editor.form.ts';
import { authorityKindOf } from './editor.record.ts';

/** The sections of the editor's main form, one fieldset per part of the record. */

type SectionProps = { form: EditorForm; errors: Map<string, string> };

const roleLabels: Record<string, string> = {
  author: 'Author',
  recipient: 'Recipient',
  participant: 'Participant',
  mentioned: 'Mentioned',
};
const creditLabels: Record<string, string> = {
  translator: 'Translator',
  transcriber: 'Transcriber',
  editor: 'Editor',
  contributor: 'Contributor',
};
const precisionLabels: Record<string, string> = {
  '': 'As written',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  decade: 'Decade',
};

/** Without scripts, more blank rows come from a round trip that saves nothing; editor.js adds them in place. */
const MoreRows: FC<{ group: RowGroup; label: string }> = ({ group, label }) => (
  <button type="submit" name="_more" value={group} class="button button--secondary more-rows" formnovalidate>
    {label}
  </button>
);

export const IdentificationSection: FC<SectionProps> = ({ form, errors }) => {
  const { Text, Area } = bindFields(form, errors);
  return (
    <fieldset class="editor-section" id="section-identification">
      <legend>Identification</legend>
      <Text name="title" label="Title" maxlength={2000} required />
      <Text name="subtitle" label="Subtitle" maxlength={2000} />
      <div class="field-row">
        <Text
          name="type"
          label="Type of document"
          hint="minutes, cable, memorandum, letter, report…"
          maxlength={100}
        />
        <Text
          name="externalId"
          label="External ID"
          hint="Your identifier in the source (a signature, a spreadsheet row)."
          maxlength={300}
        />
      </div>
      <div class="field-row">
        <Area
          name="classifications"
          label="Classification markings"
          hint="As they appear on the document, one per line (Top Secret, Eyes Only)."
          rows={3}
        />
        <Text
          name="languages"
          label="Languages of the original"
          hint="Language codes separated by commas: zh, ru, en."
        />
      </div>
    </fieldset>
  );
};

export const DateSection: FC<SectionProps> = ({ form, errors }) => {
  const { Text } = bindFields(form, errors);
  return (
    <fieldset class="editor-section" id="section-date">
      <legend>Date and place</legend>
      <div class="field-row">
        <Text
          name="dateStart"
          label="Date"
          hint="1962-08-09, 1962-08, 1962 or 1960s. Leave empty if undated."
          maxlength={20}
        />
        <Text
          name="dateEnd"
          label="Until (for a span)"
          hint="Only when the document spans several days or the date is a range."
          maxlength={20}
        />
      </div>
      <div class="field-row">
        <Select
          name="datePrecision"
          label="Known to the"
          value={form.datePrecision}
          errors={errors}
          options={['', ...datePrecisions].map((p) => ({ value: p, label: precisionLabels[p]! }))}
        />
        <Text
          name="dateTime"
          label="Time of day"
          hint="HH:MM, 24-hour, as written on the document."
          maxlength={5}
          size={6}
        />
        <Checkbox name="dateCirca" label="Approximate date (circa)" checked={form.dateCirca} />
      </div>
      <Text
        name="placeOfOrigin"
        label="Place of origin"
        hint="Where it was written, as stated on the document."
        maxlength={500}
      />
    </fieldset>
  );
};

export const SummarySection: FC<SectionProps> = ({ form, errors }) => {
  const { Area } = bindFields(form, errors);
  return (
    <fieldset class="editor-section" id="section-summary">
      <legend>Summary</legend>
      <Area
        name="summary"
        label="Summary for readers"
        hint="Plain text; blank lines separate paragraphs."
        rows={6}
      />
    </fieldset>
  );
};

export const AgentsSection: FC<SectionProps> = ({ form, errors }) => (
  <fieldset class="editor-section" id="section-agents">
    <legend>People and organizations</legend>
    <p class="field__hint">
      Type a name: one already in the archive (in any of its forms) is linked; a new one is created when you
      save. Leave a row empty to remove it.
    </p>
    <ol class="editor-rows" data-row-group="agents">
      {form.agents.map((row, i) => (
        <li class="editor-row">
          <AuthorityPicker
            prefix={`agents.${i}`}
            kind={row.kind}
            label={`Name ${i + 1}`}
            row={row}
            errors={errors}
          />
          <Select
            name={`agents.${i}.kind`}
            label="Kind"
            value={row.kind}
            errors={errors}
            options={[
              { value: 'person', label: 'Person' },
              { value: 'organization', label: 'Organization' },
            ]}
          />
          <Select
            name={`agents.${i}.role`}
            label="Role"
            value={row.role}
            errors={errors}
            options={agentRoles.map((r) => ({ value: r, label: roleLabels[r]! }))}
          />
        </li>
      ))}
    </ol>
    <MoreRows group="agents" label="More rows for people and organizations" />
  </fieldset>
);

const groupTitles: Record<AuthorityGroup, { legend: string; label: string; hint: string }> = {
  subjects: { legend: 'Subjects', label: 'Subject', hint: 'Topics the document is about.' },
  places: { legend: 'Places', label: 'Place', hint: 'Places the document is about.' },
  collections: { legend: 'Collections', label: 'Collection', hint: 'Curated collections it belongs to.' },
  funders: { legend: 'Funders', label: 'Funder', hint: 'Who paid for the translation or digitisation.' },
};

export const AuthorityGroupSection: FC<SectionProps & { group: AuthorityGroup }> = ({
  form,
  errors,
  group,
}) => {
  const titles = groupTitles[group];
  return (
    <fieldset class="editor-section" id={`section-${group}`}>
      <legend>{titles.legend}</legend>
      <p class="field__hint">{titles.hint}</p>
      <ol class="editor-rows" data-row-group={group}>
        {form[group].map((row, i) => (
          <li class="editor-row">
            <AuthorityPicker
              prefix={`${group}.${i}`}
              kind={authorityKindOf[group]}
              label={`${titles.label} ${i + 1}`}
              row={row}
              errors={errors}
            />
          </li>
        ))}
      </ol>
      <MoreRows group={group} label={`More rows for ${titles.legend.toLowerCase()}`} />
    </fieldset>
  );
};

export const SourceSection: FC<SectionProps> = ({ form, errors }) => {
  const { Text, Area } = bindFields(form, errors);
  return (
    <fieldset class="editor-section" id="section-source">
      <legend>Original and rights</legend>
      <AuthorityPicker
        prefix="repository"
        kind="repository"
        label="Archive holding the original"
        row={form.repository}
        errors={errors}
      />
      <div class="field-row">
        <Text
          name="archivalReference"
          label="Archival reference"
          hint="Fonds, file and folio: 118-01767-01, 1-6."
          maxlength={1000}
        />
        <Text name="program" label="Program" maxlength={500} />
      </div>
      <Area name="rights" label="Rights statement" rows={2} />
    </fieldset>
  );
};

export const CreditsSection: FC<SectionProps> = ({ form, errors }) => (
  <fieldset class="editor-section" id="section-credits">
    <legend>Credits for the digital edition</legend>
    <ol class="editor-rows" data-row-group="credits">
      {form.credits.map((row, i) => (
        <li class="editor-row">
          <Select
            name={`credits.${i}.role`}
            label="Role"
            value={row.role}
            errors={errors}
            options={creditRoles.map((r) => ({ value: r, label: creditLabels[r]! }))}
          />
          <TextInput
            name={`credits.${i}.name`}
            label={`Name ${i + 1}`}
            value={row.name}
            errors={errors}
            maxlength={500}
          />
        </li>
      ))}
    </ol>
    <MoreRows group="credits" label="More rows for credits" />
  </fieldset>
);

const LinkRows: FC<SectionProps & { group: 'related' | 'attachments'; rows: LinkRow[]; label: string }> = ({
  group,
  rows,
  errors,
  label,
}) => (
  <ol class="editor-rows" data-row-group={group}>
    {rows.map((row, i) => (
      <li class="editor-row">
        <TextInput
          name={`${group}.${i}.ref`}
          label={`${label} ${i + 1}`}
          hint={row.title ? `Now: ${row.title}` : 'Record ID (118) or external ID.'}
          value={row.ref}
          errors={errors}
          maxlength={300}
          data={{ 'document-picker': '' }}
        />
        <input type="hidden" name={`${group}.${i}.title`} value={row.title} />
      </li>
    ))}
  </ol>
);

export const LinksSection: FC<SectionProps> = ({ form, errors }) => (
  <fieldset class="editor-section" id="section-links">
    <legend>Related documents</legend>
    <p class="field__hint">
      Related documents are shown on both pages. Links to documents that are not published stay hidden from
      readers until they are.
    </p>
    <LinkRows form={form} errors={errors} group="related" rows={form.related} label="Related document" />
    <MoreRows group="related" label="More rows for related documents" />
    <h2 class="editor-subheading">Attachments (enclosed with this document)</h2>
    <LinkRows form={form} errors={errors} group="attachments" rows={form.attachments} label="Attachment" />
    <MoreRows group="attachments" label="More rows for attachments" />
  </fieldset>
);
