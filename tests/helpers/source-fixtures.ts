/**
 * A local stand-in for the services a source lookup and the link check talk to: doi.org content
 * negotiation, Open Library, Crossref, the Wayback Machine, and article pages with each kind of
 * metadata. Real HTTP on 127.0.0.1 (port chosen by the system); answers have the shape the real
 * services give (abridged). Every request is recorded, so tests can assert what was (not) asked.
 */
import http from 'http';
import type { AddressInfo } from 'net';

export interface RecordedRequest {
  method: string;
  path: string;
  accept: string;
  userAgent: string;
  /** When the request arrived and when its answer ended (ms), to see overlapping requests. */
  started: number;
  ended: number;
}

export interface FixtureServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Requests whose path starts with `prefix`. */
  to(prefix: string): RecordedRequest[];
  close(): Promise<void>;
}

export const DOI = '10.5555/cited.2020.001';
export const RETRACTED_DOI = '10.5555/cited.2019.777';
export const RETRACTION_NOTICE_DOI = '10.5555/cited.2021.retraction';
export const LEGACY_RETRACTED_DOI = '10.5555/cited.2018.042';
export const ISBN = '9780306406157';

export const YEAR_ONLY_DOI = '10.5555/cited.2021.report';
export const MONTH_ISBN = '9789240020481';

// doi.org answers with a redirect to the registration agency, which answers CSL-JSON. This is the
// shape of Crossref's answer (abridged): lists where CSL has text (ISSN), names with `sequence`,
// `affiliation` and ORCID, an organisation as `name`, dates besides `issued`.
export const CROSSREF_CSL = {
  indexed: { 'date-parts': [[2024, 1, 5]], 'date-time': '2024-01-05T10:00:00Z', timestamp: 1704448800000 },
  'reference-count': 38,
  publisher: 'Example Society',
  issue: '4',
  'content-domain': { domain: [], 'crossmark-restriction': false },
  'short-container-title': ['J. Min. Stud.'],
  'published-print': { 'date-parts': [[2020, 3]] },
  DOI,
  type: 'journal-article',
  created: { 'date-parts': [[2020, 3, 14]], 'date-time': '2020-03-14T08:00:00Z', timestamp: 1584172800000 },
  page: '210-229',
  source: 'Crossref',
  'is-referenced-by-count': 4,
  title: 'Coal mine safety in northern China, 2000–2019',
  prefix: '10.5555',
  volume: '12',
  author: [
    {
      ORCID: 'http://orcid.org/0000-0002-1825-0097',
      'authenticated-orcid': false,
      given: 'Li',
      family: 'Wei',
      sequence: 'first',
      affiliation: [{ name: 'Example University' }],
    },
    { given: 'Anna', family: 'Schmidt', suffix: 'Jr.', sequence: 'additional', affiliation: [] },
    { name: 'Mine Safety Research Group', sequence: 'additional', affiliation: [] },
  ],
  member: '99999',
  'container-title': 'Journal of Mining Studies',
  'original-title': [],
  language: 'en',
  link: [{ URL: 'https://example.org/full.pdf', 'content-type': 'application/pdf', 'content-version': 'vor', 'intended-application': 'text-mining' }],
  deposited: { 'date-parts': [[2020, 3, 15]], 'date-time': '2020-03-15T00:00:00Z', timestamp: 1584230400000 },
  score: 1,
  subtitle: [],
  'short-title': [],
  issued: { 'date-parts': [[2020, 3, 14]] },
  'references-count': 38,
  'journal-issue': { issue: '4', 'published-print': { 'date-parts': [[2020, 3]] } },
  URL: `https://doi.org/${DOI}`,
  relation: {},
  ISSN: ['1234-5678', '2049-3630'],
  'issn-type': [
    { value: '1234-5678', type: 'print' },
    { value: '2049-3630', type: 'electronic' },
  ],
  subject: ['Geology'],
  published: { 'date-parts': [[2020, 3]] },
};

// A report whose record has a year only, an organisation as author, a number and a place.
const CROSSREF_REPORT_CSL = {
  publisher: 'WHO Press',
  'publisher-place': 'Geneva',
  DOI: YEAR_ONLY_DOI,
  type: 'report',
  source: 'Crossref',
  title: ['World report on hearing'],
  author: [{ name: 'World Health Organization', sequence: 'first', affiliation: [] }],
  number: 'WHO/UCN/NCD/SDR/21.1',
  ISBN: ['9789240020481', '9789240020498'],
  issued: { 'date-parts': [[2021]] },
  URL: `https://doi.org/${YEAR_ONLY_DOI}`,
};

const OPEN_LIBRARY_BOOK = {
  [`ISBN:${ISBN}`]: {
    url: 'https://openlibrary.org/books/OL7353617M/Fantastic_Mr._Fox',
    key: '/books/OL7353617M',
    title: 'Fantastic Mr. Fox',
    authors: [{ url: 'https://openlibrary.org/authors/OL34184A/Roald_Dahl', name: 'Roald Dahl' }],
    number_of_pages: 96,
    identifiers: { isbn_13: ['978-0-306-40615-7'], isbn_10: ['0306406152'], openlibrary: ['OL7353617M'] },
    publishers: [{ name: 'Puffin' }],
    publish_places: [{ name: 'New York' }, { name: 'London' }],
    edition_name: 'Reissue edition',
    publish_date: 'October 1, 1988',
  },
};

const OPEN_LIBRARY_REPORT = {
  [`ISBN:${MONTH_ISBN}`]: {
    url: 'https://openlibrary.org/books/OL0000001M/World_report_on_hearing',
    key: '/books/OL0000001M',
    title: 'World report on hearing',
    authors: [{ url: 'https://openlibrary.org/authors/OL0000001A/World_Health_Organization', name: 'World Health Organization' }],
    identifiers: { isbn_13: [MONTH_ISBN] },
    publishers: [{ name: 'WHO Press' }],
    publish_places: [{ name: 'Geneva' }],
    publish_date: 'March 2021',
  },
};

const crossrefWork = (doi: string, extra: Record<string, unknown> = {}) => ({
  status: 'ok',
  'message-type': 'work',
  'message-version': '1.0.0',
  message: { DOI: doi, type: 'journal-article', title: ['A work'], ...extra },
});

const CROSSREF_WORKS: Record<string, unknown> = {
  [DOI]: crossrefWork(DOI),
  [RETRACTED_DOI]: crossrefWork(RETRACTED_DOI, {
    'updated-by': [
      {
        updated: { 'date-parts': [[2021, 6, 2]], 'date-time': '2021-06-02T00:00:00Z', timestamp: 1622592000000 },
        DOI: RETRACTION_NOTICE_DOI,
        type: 'retraction',
        source: 'publisher',
        label: 'Retraction',
      },
    ],
  }),
  [LEGACY_RETRACTED_DOI]: crossrefWork(LEGACY_RETRACTED_DOI),
};

const HIGHWIRE_PAGE = `<!doctype html><html lang="en"><head>
<title>Ignored page title | Journal</title>
<meta name="citation_title" content="Methane drainage and outbursts">
<meta name="citation_author" content="Zhang, Hui">
<meta name="citation_author" content="van der Berg, Pieter">
<meta name="citation_author" content="Mine Safety Research Group">
<meta name="citation_publication_date" content="2022">
<meta name="citation_journal_title" content="International Journal of Coal Geology">
<meta name="citation_publisher" content="Example Science Publishers">
<meta name="citation_volume" content="254">
<meta name="citation_issue" content="2">
<meta name="citation_firstpage" content="103">
<meta name="citation_lastpage" content="118">
<meta name="citation_issn" content="0166-5162">
<meta name="citation_doi" content="10.5555/cited.2022.303">
<meta property="og:title" content="Not this title">
<meta property="og:site_name" content="Elsewhere">
</head><body><p>Abstract…</p></body></html>`;

const JSON_LD_PAGE = `<!doctype html><html><head>
<title>Two killed in mine collapse - The Example Post</title>
<meta property="og:title" content="OpenGraph title loses to JSON-LD">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"The Example Post"},
 {"@type":"NewsArticle","headline":"Two killed, more than 50 trapped in coal mine collapse",
  "datePublished":"2023-02-22T18:05:00+08:00",
  "author":[{"@type":"Person","name":"Jane Reporter"},{"@type":"Person","name":"Sam Writer"}],
  "publisher":{"@type":"Organization","name":"The Example Post"},"inLanguage":"en-GB"}]}</script>
</head><body>…</body></html>`;

const JSON_LD_ARTICLE_PAGE = `<!doctype html><html lang="en"><head>
<title>Outbursts in deep seams | Journal</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"ScholarlyArticle",
 "headline":"Outbursts in deep seams","datePublished":"2021-07",
 "author":[{"@type":"Person","givenName":"Hui","familyName":"Zhang"},{"@type":"Organization","name":"Mine Safety Research Group"}],
 "pagination":"45-67",
 "isPartOf":{"@type":"PublicationIssue","issueNumber":"3","isPartOf":{"@type":"PublicationVolume","volumeNumber":"12",
  "isPartOf":{"@type":"Periodical","name":"Journal of Mining Studies","issn":["1234-5678","2049-3630"]}}},
 "publisher":{"@type":"Organization","name":"Example Society"}}</script>
</head><body>…</body></html>`;

const JSON_LD_BOOK_PAGE = `<!doctype html><html><head>
<title>A handbook of mine ventilation</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Book","name":"A handbook of mine ventilation",
 "editor":[{"@type":"Person","givenName":"Jane","familyName":"Smith"}],"bookEdition":"2nd ed.","isbn":"9780198526636",
 "datePublished":"2004","publisher":{"@type":"Organization","name":"Oxford University Press"}}</script>
</head><body>…</body></html>`;

const OPEN_GRAPH_PAGE = `<!doctype html><html><head>
<title>Budget vote delayed &amp; debated | Daily Example</title>
<meta property="og:title" content="Budget vote delayed &amp; debated">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Daily Example">
<meta property="og:locale" content="fr_FR">
<meta property="article:published_time" content="2024-05-17T09:30:00Z">
<meta property="article:author" content="https://daily.example/authors/ines">
<meta name="author" content="Inès Dupont">
<link rel="canonical" href="/politics/budget-vote">
</head><body>…</body></html>`;

const TITLE_ONLY_PAGE = `<html><head><title>  A plain   page  </title></head><body>Hello</body></html>`;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void;

const json = (res: http.ServerResponse, status: number, body: unknown, type = 'application/json') => {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
};
const html = (res: http.ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};
const redirect = (res: http.ServerResponse, location: string, status = 302) => {
  res.writeHead(status, { location });
  res.end();
};

export async function startFixtureServer(): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  let base = '';

  const routes: Array<[RegExp, Handler]> = [
    // doi.org: content negotiation answers a redirect to the agency's CSL-JSON.
    [
      /^\/doi\/(.+)$/,
      (req, res, url) => {
        const doi = decodeURIComponent(url.pathname.slice('/doi/'.length));
        if (!String(req.headers.accept).includes('application/vnd.citationstyles.csl+json')) return redirect(res, `${base}/landing/${doi}`);
        if (doi === DOI || doi === YEAR_ONLY_DOI) return redirect(res, `${base}/agency/csl/${doi}`, 303);
        if (doi === '10.5555/bad.answer') return html(res, 200, '<html>not JSON</html>');
        if (doi === '10.5555/server.error') return json(res, 503, { message: 'Service Unavailable' });
        return html(res, 404, '<html><body>DOI Not Found</body></html>');
      },
    ],
    [
      /^\/agency\/csl\//,
      (_req, res, url) =>
        json(res, 200, url.pathname.endsWith(YEAR_ONLY_DOI) ? CROSSREF_REPORT_CSL : CROSSREF_CSL, 'application/vnd.citationstyles.csl+json'),
    ],
    // Open Library's books API answers {} for an ISBN it does not know.
    [
      /^\/api\/books$/,
      (_req, res, url) => {
        const key = url.searchParams.get('bibkeys') ?? '';
        json(res, 200, key === `ISBN:${ISBN}` ? OPEN_LIBRARY_BOOK : key === `ISBN:${MONTH_ISBN}` ? OPEN_LIBRARY_REPORT : {});
      },
    ],
    // Crossref works API.
    [
      /^\/works$/,
      (_req, res, url) => {
        const filter = url.searchParams.get('filter') ?? '';
        const items =
          filter === `updates:${LEGACY_RETRACTED_DOI}`
            ? [
                {
                  DOI: '10.5555/cited.2020.notice',
                  type: 'journal-article',
                  'update-to': [{ DOI: LEGACY_RETRACTED_DOI, type: 'retraction', updated: { 'date-parts': [[2020, 9, 30]] }, label: 'Retraction' }],
                },
              ]
            : [];
        json(res, 200, { status: 'ok', 'message-type': 'work-list', message: { 'total-results': items.length, items } });
      },
    ],
    [
      /^\/works\/(.+)$/,
      (_req, res, url) => {
        const work = CROSSREF_WORKS[decodeURIComponent(url.pathname.slice('/works/'.length))];
        if (work) return json(res, 200, work);
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Resource not found.');
      },
    ],
    // Wayback availability API: a snapshot for the pages that are gone.
    [
      /^\/wayback\/available$/,
      (_req, res, url) => {
        const target = url.searchParams.get('url') ?? '';
        if (target.endsWith('/pages/gone')) {
          return json(res, 200, {
            url: target,
            archived_snapshots: {
              closest: { status: '200', available: true, url: `http://web.archive.org/web/20230101000000/${target}`, timestamp: '20230101000000' },
            },
          });
        }
        json(res, 200, { url: target, archived_snapshots: {} });
      },
    ],
    // Article pages and link-check targets.
    [/^\/pages\/highwire$/, (_req, res) => html(res, 200, HIGHWIRE_PAGE)],
    [/^\/pages\/json-ld$/, (_req, res) => html(res, 200, JSON_LD_PAGE)],
    [/^\/pages\/json-ld-article$/, (_req, res) => html(res, 200, JSON_LD_ARTICLE_PAGE)],
    [/^\/pages\/json-ld-book$/, (_req, res) => html(res, 200, JSON_LD_BOOK_PAGE)],
    [/^\/pages\/opengraph$/, (_req, res) => html(res, 200, OPEN_GRAPH_PAGE)],
    [/^\/pages\/title-only$/, (_req, res) => html(res, 200, TITLE_ONLY_PAGE)],
    [/^\/pages\/moved$/, (_req, res) => redirect(res, '/pages/opengraph', 301)],
    [/^\/pages\/gone$/, (_req, res) => html(res, 404, '<html><title>Not found</title></html>')],
    [/^\/pages\/server-error$/, (_req, res) => html(res, 500, '<html><title>Oops</title></html>')],
    [
      /^\/pages\/no-head$/,
      (req, res) => {
        if (req.method === 'HEAD') {
          res.writeHead(405, { allow: 'GET' });
          return res.end();
        }
        html(res, 200, TITLE_ONLY_PAGE);
      },
    ],
    [
      /^\/pages\/pdf$/,
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.4');
      },
    ],
    [
      /^\/pages\/huge$/,
      (_req, res) => {
        // An endless page: the fetcher must stop reading at its byte cap.
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><head><title>Huge</title></head><body>');
        const chunk = 'x'.repeat(64 * 1024);
        const timer = setInterval(() => {
          if (!res.write(chunk)) return;
        }, 1);
        res.on('close', () => clearInterval(timer));
      },
    ],
    [
      /^\/pages\/slow$/,
      (_req, res) => {
        const timer = setTimeout(() => html(res, 200, TITLE_ONLY_PAGE), 8000);
        res.on('close', () => clearTimeout(timer));
      },
    ],
    [/^\/pages\/loop$/, (_req, res) => redirect(res, '/pages/loop')],
    // Redirects to an address the fetcher must refuse (see the SSRF tests).
    [/^\/pages\/to-other-loopback$/, (_req, res, url) => redirect(res, `http://127.0.0.2:${url.port}/pages/opengraph`)],
    [/^\/pages\/to-private-name$/, (_req, res, url) => redirect(res, `http://private.fixture.test:${url.port}/pages/opengraph`)],
  ];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      accept: String(req.headers.accept ?? ''),
      userAgent: String(req.headers['user-agent'] ?? ''),
      started: Date.now(),
      ended: 0,
    };
    requests.push(record);
    res.on('close', () => {
      record.ended = Date.now();
    });
    const route = routes.find(([pattern]) => pattern.test(url.pathname));
    if (!route) return html(res, 404, 'no fixture');
    route[1](req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    requests,
    to: (prefix) => requests.filter((request) => request.path.startsWith(prefix)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The boot environment that points the plugin at the fixture server. */
export const fixtureEnv = (fixtures: { url: string }, allowPrivate = true): Record<string, string> => ({
  CITED_ARTICLES_LOOKUP_ALLOW_PRIVATE: allowPrivate ? 'true' : 'false',
  CITED_ARTICLES_DOI_RESOLVER: `${fixtures.url}/doi`,
  CITED_ARTICLES_ISBN_API: fixtures.url,
  CITED_ARTICLES_CROSSREF_API: fixtures.url,
  CITED_ARTICLES_WAYBACK_API: fixtures.url,
});

/**
 * Three works as a reference manager exports them in CSL-JSON, with what the product promises to
 * keep through import and export: a journal article (particle, suffix, a year only), a report by
 * an organisation (number, place, a year and month), an edited book (editors, edition, ISBN).
 */
export const THREE_WORKS = [
  {
    id: 'porter-2019',
    type: 'article-journal',
    title: 'Rhythm and memory in early music education',
    'container-title': 'Journal of Music Pedagogy',
    author: [
      { family: 'Porter', given: 'H.' },
      { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    ],
    volume: '12',
    issue: '3',
    page: '45-67',
    ISSN: '0027-4321',
    DOI: '10.5555/jmp.2019.12.3.45',
    issued: { 'date-parts': [[2019]] },
    URL: 'https://journals.example/jmp/12/3/45',
    language: 'en',
  },
  {
    id: 'who-hearing-2021',
    type: 'report',
    title: 'World report on hearing',
    author: [{ literal: 'World Health Organization' }],
    number: 'WHO/UCN/NCD/SDR/21.1',
    publisher: 'WHO Press',
    'publisher-place': 'Geneva',
    issued: { 'date-parts': [[2021, 3]] },
    URL: 'https://who.example/publications/world-report-on-hearing',
  },
  {
    id: 'music-handbook-2010',
    type: 'book',
    title: 'The Oxford handbook of music education',
    editor: [
      { family: 'McPherson', given: 'Gary E.' },
      { family: 'Welch', given: 'Graham F.' },
    ],
    edition: '2',
    ISBN: '978-0-19-852663-6',
    publisher: 'Oxford University Press',
    'publisher-place': 'Oxford',
    issued: { 'date-parts': [[2010, 5, 4]] },
  },
];
