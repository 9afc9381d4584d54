import * as React from 'react';
import { Box, Button, Field, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { isFetchError } from '@strapi/strapi/admin';
import type { ImportRefusalDetails, ImportedSource, SkippedEntry } from '../../../shared/contracts';
import type { InterchangeFormat } from '../../../shared/engine';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useTranslate } from '../hooks/useTranslate';
import { useImportCitedSourcesMutation } from '../services/sources';
import { oneOf } from '../utils/oneOf';
import { ModalFrame, useModalState } from './ModalFrame';

type LineError = ImportRefusalDetails['errors'][number];
type Outcome = { kind: 'done'; created: ImportedSource[]; skipped: SkippedEntry[] } | { kind: 'refused'; message: string; errors: LineError[] };

type Format = 'auto' | InterchangeFormat;
const FORMATS: Format[] = ['auto', 'bibtex', 'ris', 'csl-json'];

/** The file's errors line by line, from the details of the server's 400 (none for other failures). */
const lineErrorsOf = (failure: unknown): LineError[] => {
  // The query layer's error is the API's (`{ name, message, details }`); the fetch client's wraps it.
  const details: unknown = isFetchError(failure)
    ? failure.response?.data.error.details
    : typeof failure === 'object' && failure !== null && 'details' in failure
      ? failure.details
      : undefined;
  if (typeof details !== 'object' || details === null || !('errors' in details) || !Array.isArray(details.errors)) return [];
  return details.errors as LineError[];
};

/** The line an error names (`path: ['content', '12']`), or null. */
const lineOf = (error: LineError) => {
  const line = error.path?.[1];
  return typeof line === 'string' && /^\d+$/.test(line) ? line : null;
};

/**
 * "Import sources": a BibTeX, RIS or CSL-JSON file read in the browser and sent as text to
 * POST /cited-articles/sources/import, then what was created, skipped or refused, line by line.
 * An import that created sources refreshes the lists of sources (services/sources.ts).
 */
export const ImportSourcesModal = () => {
  const t = useTranslate();
  const [importSources] = useImportCitedSourcesMutation();
  const describeError = useErrorMessage();
  const [file, setFile] = React.useState<File | null>(null);
  const [format, setFormat] = React.useState<Format>('auto');
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);

  const reset = () => {
    setFile(null);
    setFormat('auto');
    setOutcome(null);
  };
  const modal = useModalState(reset);

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const content = await file.text();
      const { data } = await importSources({ content, ...(format === 'auto' ? {} : { format }) }).unwrap();
      setOutcome({ kind: 'done', created: data.created ?? [], skipped: data.skipped ?? [] });
    } catch (failure) {
      setOutcome({
        kind: 'refused',
        message: describeError(failure, t('import.failed', 'The import failed.')),
        errors: lineErrorsOf(failure),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalFrame
      {...modal}
      trigger={
        <Button variant="secondary" startIcon={<Upload />}>
          {t('import.button', 'Import sources')}
        </Button>
      }
      title={t('import.title', 'Import sources')}
      closeLabel={t('import.close', 'Close')}
      action={
        <Button onClick={submit} disabled={!file || busy} loading={busy}>
          {t('import.submit', 'Import')}
        </Button>
      }
    >
      <Field.Root name="import-file" hint={t('import.file.hint', 'BibTeX (.bib), RIS (.ris) or CSL-JSON (.json)')}>
        <Field.Label>{t('import.file.label', 'File')}</Field.Label>
        <input
          type="file"
          name="import-file"
          accept=".bib,.bibtex,.ris,.json,.txt"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
        <Field.Hint />
      </Field.Root>
      <Field.Root name="import-format">
        <Field.Label>{t('import.format.label', 'Format')}</Field.Label>
        <SingleSelect value={format} onChange={(value: string | number) => setFormat(oneOf(FORMATS, value, 'auto'))}>
          <SingleSelectOption value="auto">{t('import.format.auto', 'Detect from the content')}</SingleSelectOption>
          <SingleSelectOption value="bibtex">BibTeX</SingleSelectOption>
          <SingleSelectOption value="ris">RIS</SingleSelectOption>
          <SingleSelectOption value="csl-json">CSL-JSON</SingleSelectOption>
        </SingleSelect>
      </Field.Root>
      {outcome?.kind === 'done' ? (
        <Box data-testid="import-outcome">
          <Typography variant="delta" tag="h3">
            {t('import.created', '{count, plural, =0 {No source created} one {# source created} other {# sources created}}', {
              count: outcome.created.length,
            })}
          </Typography>
          <Box tag="ul" paddingBottom={2}>
            {outcome.created.map((source) => (
              <li key={source.documentId}>
                <Typography variant="omega">
                  {t('import.line', 'Line {line}', { line: source.line })}: {source.title} <code>[@{source.key}]</code>
                </Typography>
              </li>
            ))}
          </Box>
          {outcome.skipped.length > 0 ? (
            <>
              <Typography variant="delta" tag="h3">
                {t('import.skipped', '{count, plural, one {# entry skipped} other {# entries skipped}}', {
                  count: outcome.skipped.length,
                })}
              </Typography>
              <Box tag="ul">
                {outcome.skipped.map((entry) => (
                  <li key={`${entry.line}-${entry.title}`}>
                    <Typography variant="omega">
                      {t('import.line', 'Line {line}', { line: entry.line })}: {entry.title} ({entry.reason})
                    </Typography>
                  </li>
                ))}
              </Box>
            </>
          ) : null}
        </Box>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <Box data-testid="import-errors">
          <Typography variant="omega" textColor="danger600" tag="p">
            {outcome.message}
          </Typography>
          <Box tag="ul">
            {outcome.errors.map((error, index) => (
              <li key={index}>
                <Typography variant="omega" textColor="danger600">
                  {lineOf(error) ? `${t('import.line', 'Line {line}', { line: lineOf(error) })}: ` : ''}
                  {error.message}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      ) : null}
    </ModalFrame>
  );
};
