import type { FC } from 'hono/jsx';
import { textFormatLabels, textFormats } from '../uploads/text-sources.ts';
import { Checkbox, Select, TextArea, TextInput } from './editor.fields.tsx';
import type { EditorForm } from './editor.form.ts';

/** The texts and scans of a document in the editor's form. */

type SectionProps = { form: EditorForm; errors: Map<string, string> };

/** Texts longer than this are edited on their own page, so the main form stays light. */
export const inlineTextLimit = 100_000;

export const assetKindLabels = {
  scan: 'Scan',
  transcript: 'Transcript',
  translation: 'Translation',
} as const;

const formatSize = (bytes: number | null) =>
  bytes === null
    ? ''
    : bytes >= 1024 * 1024
      ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
      : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export const AssetsSection: FC<SectionProps & { documentId: number | undefined }> = ({
  form,
  errors,
  documentId,
}) => (
  <fieldset class="editor-section" id="section-assets">
    <legend>Texts and scans</legend>
    {form.assets.length === 0 ? (
      <p>
        No scans or texts yet.{documentId === undefined ? ' Upload files once the document is saved.' : ''}
      </p>
    ) : (
      <ol class="asset-rows">
        {form.assets.map((asset, i) => (
          <li class="asset-row" id={`asset-${asset.key}`}>
            <input type="hidden" name={`assets.${i}.key`} value={asset.key} />
            <h2 class="asset-row__title">
              {assetKindLabels[asset.kind]}
              {asset.language ? ` (${asset.language})` : ''}
              {asset.fileName ? `: ${asset.fileName}` : ''}
              {asset.byteSize ? <span class="muted"> {formatSize(asset.byteSize)}</span> : null}
              {asset.fileName && documentId !== undefined ? (
                <>
                  {' '}
                  <a href={`/admin/documents/${documentId}/files/${asset.key}`}>Open the file</a>
                </>
              ) : null}
            </h2>
            <fieldset class="asset-row__fields">
              <legend class="visually-hidden">
                {assetKindLabels[asset.kind]} {i + 1}
                {asset.language ? ` (${asset.language})` : ''}
              </legend>
              <div class="field-row">
                <TextInput
                  name={`assets.${i}.order`}
                  label="Order"
                  value={asset.order}
                  errors={errors}
                  size={3}
                  maxlength={4}
                />
                <TextInput
                  name={`assets.${i}.language`}
                  label="Language"
                  value={asset.language}
                  errors={errors}
                  size={8}
                  maxlength={35}
                />
                <TextInput
                  name={`assets.${i}.label`}
                  label="Label"
                  value={asset.label}
                  errors={errors}
                  maxlength={200}
                />
                {asset.kind === 'scan' ? null : (
                  <TextInput
                    name={`assets.${i}.translator`}
                    label="Translator"
                    value={asset.translator}
                    errors={errors}
                    maxlength={500}
                  />
                )}
                <Checkbox name={`assets.${i}.remove`} label="Remove" checked={asset.remove} />
              </div>
              {asset.kind === 'translation' && documentId !== undefined && /^\d+$/.test(asset.key) ? (
                <p class="field__hint">
                  <a href={`/admin/documents/${documentId}/alignment/${asset.key}`}>
                    Align its paragraphs with the original
                  </a>{' '}
                  (for reading side by side)
                </p>
              ) : null}
              {asset.kind === 'scan' ? null : asset.html.length > inlineTextLimit ? (
                <p class="field__hint">
                  This text is long ({Math.round(asset.html.length / 1000)} thousand characters).{' '}
                  {documentId === undefined ? null : (
                    <a href={`/admin/documents/${documentId}/texts/${asset.key}`}>Edit it on its own page</a>
                  )}
                </p>
              ) : (
                <TextArea
                  name={`assets.${i}.html`}
                  label="Text (HTML)"
                  hint="Paragraphs as <p>…</p>; the markup is cleaned when you save."
                  value={asset.html}
                  errors={errors}
                  rows={8}
                  code
                />
              )}
            </fieldset>
          </li>
        ))}
      </ol>
    )}
    <details class="new-text" open={form.newText.text.trim() !== '' || undefined}>
      <summary>Add a transcript or translation by typing or pasting it</summary>
      <div class="field-row">
        <Select
          name="newText.0.kind"
          label="Kind"
          value={form.newText.kind}
          errors={errors}
          options={[
            { value: 'translation', label: 'Translation' },
            { value: 'transcript', label: 'Transcript (original language)' },
          ]}
        />
        <TextInput
          name="newText.0.language"
          label="Language"
          value={form.newText.language}
          errors={errors}
          size={8}
          maxlength={35}
        />
        <TextInput
          name="newText.0.label"
          label="Label"
          value={form.newText.label}
          errors={errors}
          maxlength={200}
        />
        <TextInput
          name="newText.0.translator"
          label="Translator"
          value={form.newText.translator}
          errors={errors}
          maxlength={500}
        />
        <Select
          name="newText.0.format"
          label="Written as"
          value={form.newText.format}
          errors={errors}
          options={textFormats.map((f) => ({ value: f, label: textFormatLabels[f] }))}
        />
      </div>
      <TextArea name="newText.0.text" label="Text" value={form.newText.text} errors={errors} rows={10} />
    </details>
  </fieldset>
);
