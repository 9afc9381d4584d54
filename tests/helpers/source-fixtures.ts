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

// doi.org answers with a redirect to the registration agency, which answers CSL-JSON (Crossref's).
const CROSSREF_CSL = {
  indexed: { 'date-parts': [[2024, 1, 5]], 'date-time': '2024-01-05T10:00:00Z', timestamp: 1704448800000 },
  publisher: 'Example Society',
  issue: '4',
  DOI,
  type: 'journal-article',
  page: '210-229',
  source: 'Crossref',
  title: 'Coal mine safety in northern China, 2000–2019',
  volume: '12',
  author: [
    { given: 'Li', family: 'Wei', sequence: 'first', affiliation: [] },
    { given: 'Anna', family: 'Schmidt', sequence: 'additional', affiliation: [] },
  ],
  'container-title': 'Journal of Mining Studies',
  language: 'en',
  issued: { 'date-parts': [[2020, 3, 14]] },
  URL: `https://doi.org/${DOI}`,
  ISSN: ['1234-5678'],
};

const OPEN_LIBRARY_BOOK = {
  [`ISBN:${ISBN}`]: {
    url: 'https://openlibrary.org/books/OL7353617M/Fantastic_Mr._Fox',
    key: '/books/OL7353617M',
    title: 'Fantastic Mr. Fox',
    authors: [{ url: 'https://openlibrary.org/authors/OL34184A/Roald_Dahl', name: 'Roald Dahl' }],
    number_of_pages: 96,
    identifiers: { isbn_13: [ISBN], openlibrary: ['OL7353617M'] },
    publishers: [{ name: 'Puffin' }],
    publish_date: 'October 1, 1988',
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
<meta name="citation_author" content="Okafor, Chidi">
<meta name="citation_publication_date" content="2022/11/03">
<meta name="citation_journal_title" content="International Journal of Coal Geology">
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
    [/^\/doi\/(.+)$/, (req, res, url) => {
      const doi = decodeURIComponent(url.pathname.slice('/doi/'.length));
      if (!String(req.headers.accept).includes('application/vnd.citationstyles.csl+json')) return redirect(res, `${base}/landing/${doi}`);
      if (doi === DOI) return redirect(res, `${base}/agency/csl/${doi}`, 303);
      if (doi === '10.5555/bad.answer') return html(res, 200, '<html>not JSON</html>');
      if (doi === '10.5555/server.error') return json(res, 503, { message: 'Service Unavailable' });
      return html(res, 404, '<html><body>DOI Not Found</body></html>');
    }],
    [/^\/agency\/csl\//, (_req, res) => json(res, 200, CROSSREF_CSL, 'application/vnd.citationstyles.csl+json')],
    // Open Library's books API answers {} for an ISBN it does not know.
    [/^\/api\/books$/, (_req, res, url) => {
      const key = url.searchParams.get('bibkeys') ?? '';
      json(res, 200, key === `ISBN:${ISBN}` ? OPEN_LIBRARY_BOOK : {});
    }],
    // Crossref works API.
    [/^\/works$/, (_req, res, url) => {
      const filter = url.searchParams.get('filter') ?? '';
      const items =
        filter === `updates:${LEGACY_RETRACTED_DOI}`
          ? [{ DOI: '10.5555/cited.2020.notice', type: 'journal-article', 'update-to': [{ DOI: LEGACY_RETRACTED_DOI, type: 'retraction', updated: { 'date-parts': [[2020, 9, 30]] }, label: 'Retraction' }] }]
          : [];
      json(res, 200, { status: 'ok', 'message-type': 'work-list', message: { 'total-results': items.length, items } });
    }],
    [/^\/works\/(.+)$/, (_req, res, url) => {
      const work = CROSSREF_WORKS[decodeURIComponent(url.pathname.slice('/works/'.length))];
      if (work) return json(res, 200, work);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Resource not found.');
    }],
    // Wayback availability API: a snapshot for the pages that are gone.
    [/^\/wayback\/available$/, (_req, res, url) => {
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
    }],
    // Article pages and link-check targets.
    [/^\/pages\/highwire$/, (_req, res) => html(res, 200, HIGHWIRE_PAGE)],
    [/^\/pages\/json-ld$/, (_req, res) => html(res, 200, JSON_LD_PAGE)],
    [/^\/pages\/opengraph$/, (_req, res) => html(res, 200, OPEN_GRAPH_PAGE)],
    [/^\/pages\/title-only$/, (_req, res) => html(res, 200, TITLE_ONLY_PAGE)],
    [/^\/pages\/moved$/, (_req, res) => redirect(res, '/pages/opengraph', 301)],
    [/^\/pages\/gone$/, (_req, res) => html(res, 404, '<html><title>Not found</title></html>')],
    [/^\/pages\/server-error$/, (_req, res) => html(res, 500, '<html><title>Oops</title></html>')],
    [/^\/pages\/no-head$/, (req, res) => {
      if (req.method === 'HEAD') {
        res.writeHead(405, { allow: 'GET' });
        return res.end();
      }
      html(res, 200, TITLE_ONLY_PAGE);
    }],
    [/^\/pages\/pdf$/, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4');
    }],
    [/^\/pages\/huge$/, (_req, res) => {
      // An endless page: the fetcher must stop reading at its byte cap.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><head><title>Huge</title></head><body>');
      const chunk = 'x'.repeat(64 * 1024);
      const timer = setInterval(() => {
        if (!res.write(chunk)) return;
      }, 1);
      res.on('close', () => clearInterval(timer));
    }],
    [/^\/pages\/slow$/, (_req, res) => {
      const timer = setTimeout(() => html(res, 200, TITLE_ONLY_PAGE), 8000);
      res.on('close', () => clearTimeout(timer));
    }],
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
