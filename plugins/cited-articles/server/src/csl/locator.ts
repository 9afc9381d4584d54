import type { CiteprocCiteItem } from './citeproc-engine';

/** Abbreviations a writer puts before a locator, and the CSL locator label each stands for. */
const LABELS: Record<string, string> = {
  p: 'page',
  pp: 'page',
  page: 'page',
  pages: 'page',
  ch: 'chapter',
  chap: 'chapter',
  chapter: 'chapter',
  sec: 'section',
  section: 'section',
  '§': 'section',
  '§§': 'section',
  para: 'paragraph',
  paras: 'paragraph',
  '¶': 'paragraph',
  fig: 'figure',
  figs: 'figure',
  vol: 'volume',
  vols: 'volume',
  l: 'line',
  ll: 'line',
  n: 'note',
  nn: 'note',
  no: 'issue',
  pt: 'part',
  col: 'column',
  bk: 'book',
  v: 'verse',
  vv: 'verse',
};

/**
 * A marker's locator (`p. 12`, `pp. 3-5`, `ch. 2`, `12`) as citeproc takes it: a label the style
 * prints in its own words and the locator, so that `p. 12` reads `p. 12` in APA and `12` in MLA.
 * A bare number is a page. Anything else (`table 3`) is kept as written after a comma, as a suffix.
 */
export function citeLocator(locator: string | null): Pick<CiteprocCiteItem, 'locator' | 'label' | 'suffix'> {
  const text = (locator ?? '').trim();
  if (text === '') return {};
  if (/^\d/.test(text)) return { locator: text, label: 'page' };
  const word = /^[a-z§¶]+/iu.exec(text)?.[0] ?? '';
  // Own keys only: `constructor 3` is not a label.
  const label = Object.hasOwn(LABELS, word.toLowerCase()) ? LABELS[word.toLowerCase()] : undefined;
  const rest = text.slice(word.length).replace(/^\.?\s*/, '');
  if (label && rest !== '') return { locator: rest, label };
  return { suffix: `, ${text}` };
}
