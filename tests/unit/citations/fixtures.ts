import type { CitableSource } from '@cited-articles/server/src/citations';

/** The six news sources of the reference example (cited with numberingStart 0). */
export const mineCollapseSources: CitableSource[] = [
  {
    documentId: 'doc-jpost',
    key: 'jpost-2023',
    title: 'Two killed, more than 50 trapped in China coal mine collapse',
    publisher: 'The Jerusalem Post',
    publishedDate: '2023-02-22',
    type: 'news',
  },
  {
    documentId: 'doc-bbc',
    key: 'bbc-2023',
    title: 'Scores missing after large mine collapse in China',
    publisher: 'BBC',
    publishedDate: '2023-02-23',
    type: 'news',
  },
  {
    documentId: 'doc-cnn',
    key: 'cnn-2023',
    title: 'Death toll rises in China mine collapse as rescue efforts continue',
    publisher: 'CNN',
    publishedDate: '2023-02-23',
    type: 'news',
  },
  {
    documentId: 'doc-boing',
    key: 'boingboing-2023',
    title: 'Dozens feared dead after open pit mine collapses on workers',
    publisher: 'Boing Boing',
    publishedDate: '2023-02-23',
    type: 'news',
  },
  {
    documentId: 'doc-bangkok',
    key: 'bangkokpost-2023',
    title: '6 dead, dozens still missing after China mine collapse',
    publisher: 'Bangkok Post',
    publishedDate: '2023-02-24',
    type: 'news',
  },
  {
    documentId: 'doc-guardian',
    key: 'guardian-2023',
    title: 'At least six killed in open-pit coalmine collapse in north China',
    publisher: 'The Guardian',
    publishedDate: '2023-02-24',
    type: 'news',
  },
];

export function source(key: string, extra: Partial<CitableSource> = {}): CitableSource {
  return { documentId: `doc-${key}`, key, title: `Title of ${key}`, ...extra };
}
