import { formatReferences, renderBodyHtml, resolveCitations, type CitableSource } from '@cited-articles/server/src/citations';
import { mineCollapseSources, source } from './fixtures';

function render(body: string, listed: CitableSource[], numberingStart: 0 | 1 = 1, library: CitableSource[] = []): string {
  const resolved = resolveCitations(body, listed, { numberingStart }, library);
  return renderBodyHtml(body, resolved, { formatted: formatReferences(resolved.references) });
}

describe('renderBodyHtml: citations', () => {
  it('renders a marker as a superscript link and appends the reference list', () => {
    const html = render('A mine collapsed [0].', mineCollapseSources.slice(0, 1), 0);
    expect(html).toBe(
      '<p>A mine collapsed <sup id="cite-0-a"><a href="#ref-0">[0]</a></sup>.</p>\n' +
        '<ol class="references" start="0"><li id="ref-0"><span class="backlinks"><a href="#cite-0-a">^</a></span> ' +
        '<span class="reference-text">“Two killed, more than 50 trapped in China coal mine collapse” The Jerusalem Post, 22 Feb. 2023,</span></li></ol>'
    );
  });

  it('renders one sup per source of a multi-source marker, adjacent', () => {
    const html = render('Claim [@a; @b].', [source('a'), source('b')]);
    expect(html).toContain('Claim <sup id="cite-1-a"><a href="#ref-1">[1]</a></sup><sup id="cite-2-a"><a href="#ref-2">[2]</a></sup>.');
  });

  it('gives a reused reference lettered back-links, like Wikipedia', () => {
    const html = render('[@a] x [@a] y [1]', [source('a')]);
    expect(html).toContain(
      '<li id="ref-1"><span class="backlinks">^ <a href="#cite-1-a"><sup>a</sup></a> <a href="#cite-1-b"><sup>b</sup></a> <a href="#cite-1-c"><sup>c</sup></a></span>'
    );
    expect(html.match(/<sup id="cite-1-[abc]">/g)).toHaveLength(3);
  });

  it('starts the list at 1 by default', () => {
    expect(render('[1]', [source('a')])).toContain('<ol class="references" start="1"><li id="ref-1">');
  });

  it('leaves unresolved markers as literal text and keeps resolved neighbours', () => {
    const html = render('x [@nope] [9] [-1] [@] [@a; @missing] y', [source('a')]);
    expect(html).toContain('<p>x [@nope] [9] [-1] [@] <sup id="cite-1-a"><a href="#ref-1">[1]</a></sup>[@missing] y</p>');
  });

  it('does not render markers in code, link text or escaped', () => {
    const html = render('`[1]` [see [1]](https://e.com) \\[1] [1]\n\n```\n[1]\n```', [source('a')]);
    expect(html).toContain('<code>[1]</code>');
    expect(html).toContain('<a href="https://e.com">see [1]</a>');
    expect(html.match(/<sup id=/g)).toHaveLength(1);
    expect(html).toContain('<pre><code>[1]\n</code></pre>');
  });

  it('renders markers next to emphasis, autolinks and in quotes and tables', () => {
    const body = '*a [1]* [2]*b*\n\nSee www.example.com [1] and a@b.com[2].\n\n> q [1]\n\n| h |\n|---|\n| [2] |';
    const html = render(body, [source('a'), source('b')]);
    expect(html).toContain('<em>a <sup id="cite-1-a"><a href="#ref-1">[1]</a></sup></em>');
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a> <sup id="cite-1-b">');
    expect(html).toContain('<a href="mailto:a@b.com">a@b.com</a><sup id="cite-2-b">');
    expect(html).toContain('<blockquote>\n<p>q <sup id="cite-1-c">');
    expect(html).toContain('<td><sup id="cite-2-c"><a href="#ref-2">[2]</a></sup></td>');
  });

  it('renders a marker whose brackets decide how the line parses (found by fuzzing)', () => {
    // With the brackets of [@a; @b] the line is not a link definition; the
    // placeholder must keep them, or the line turns into one and the sup is lost.
    const body = '[[@a; @b]\\[1]: http://x.y';
    const html = render(body, [source('a'), source('b')]);
    expect(html).toContain('<p>[<sup id="cite-1-a"><a href="#ref-1">[1]</a></sup><sup id="cite-2-a"><a href="#ref-2">[2]</a></sup>[1]: ');
  });

  it.each([
    ['a definition-looking line whose destination has a space', '[^1]: [@a, p. 3]'],
    ['an inline link whose destination has a space', '[x]([@a, p. 3])'],
    ['an HTML-looking tag with a space', '<b title=[@a, p. 3]>'],
    ['a table-looking line with a pipe in the locator', '[@a, p. 1|2]\n|---|'],
    ['entities before and escapes inside the marker', 'AT&amp;T &#91; [@a, p. \\* 3] after'],
    ['continuation lines in a quoted list', '> - item\n>   more [@a, p. 3]\n>   and [@a]'],
  ])('renders the citation in %s (the body parses exactly as when resolving)', (_name, body) => {
    const resolved = resolveCitations(body, [source('a')]);
    expect(resolved.citations.length).toBeGreaterThan(0);
    const html = renderBodyHtml(body, resolved, {});
    for (const citation of resolved.citations) expect(html).toContain(`<sup id="${citation.id}">`);
  });

  it('renders a marker longer than a link label may be (999 characters)', () => {
    const locator = 'p. '.padEnd(1200, 'x');
    const body = `[@a, ${locator}]: http://x.y`;
    const html = render(body, [source('a')]);
    expect(html).toContain('<p><sup id="cite-1-a"><a href="#ref-1">[1]</a></sup>: ');
  });

  it('does not number a marker that GFM footnotes would have hidden (found by fuzzing)', () => {
    // Footnotes are off, so `[^1]: [@a]` is an ordinary link definition whose
    // destination is `[@a]`: not text, so not a citation, and nothing is
    // numbered that the HTML would not show.
    const body = 'Text[^1].\n\n[^1]: [@a]';
    expect(resolveCitations(body, [source('a')]).citations).toEqual([]);
    expect(render(body, [source('a')])).not.toContain('<sup');
    // A footnote-looking line that is not a definition is plain text with a citation in it.
    expect(render('[^1] says [@a]', [source('a')])).toContain('<p>[^1] says <sup id="cite-1-a">');
  });

  it('keeps ids without the sanitiser "user-content-" prefix', () => {
    const html = render('[1]', [source('a')]);
    expect(html).not.toContain('user-content-');
  });

  it('accepts formatted references as a plain object, and falls back to the news style', () => {
    const listed = [source('a', { title: 'A', publisher: 'P' }), source('b', { title: 'B' })];
    const resolved = resolveCitations('[1] [2]', listed);
    const html = renderBodyHtml('[1] [2]', resolved, { formatted: { 'ref-1': 'Custom text' } });
    expect(html).toContain('<span class="reference-text">Custom text</span>');
    expect(html).toContain('<span class="reference-text">“B”</span>');
  });

  it('does not read formatted text from the object prototype', () => {
    const resolved = resolveCitations('[1]', [source('a', { title: 'A' })]);
    const formatted = Object.create({ 'ref-1': '<inherited>' }) as Record<string, string>;
    expect(renderBodyHtml('[1]', resolved, { formatted })).toContain('“A”');
  });

  it('renders no list when nothing is cited, and an empty body as empty', () => {
    expect(render('Just text.', [source('a')])).toBe('<p>Just text.</p>');
    expect(render('', [])).toBe('');
  });

  it('ignores citations whose offsets do not match the body it is given', () => {
    const resolved = resolveCitations('[1] here', [source('a')]);
    const html = renderBodyHtml('xx [1]', resolved, {});
    expect(html).toContain('<p>xx [1]</p>');
  });
});

describe('renderBodyHtml: XSS', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">raw link</a>',
    '[md link](javascript:alert(1))',
    '[md link upper](JAVASCRIPT:alert(1))',
    '[entity link](jav&#x61;script:alert(1))',
    '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[vb](vbscript:msgbox(1))',
    '<javascript:alert(1)>',
    '![img](javascript:alert(1))',
    '<iframe src="https://evil.example"></iframe>',
    '<svg><script>alert(1)</script></svg>',
    '<div style="background:url(javascript:alert(1))">styled</div>',
    '<details open ontoggle=alert(1)>',
    '<scr<script>ipt>alert(1)</script>',
  ];
  const body = `Intro [1].\n\n${payloads.join('\n\n')}\n\nInline <b onmouseover=alert(1)>bold</b> [@a].`;
  const evil = source('a', {
    title: '<script>alert("title")</script><img src=x onerror=alert(1)>',
    publisher: '"><svg onload=alert(1)>',
    url: 'javascript:alert(1)',
  });
  const html = render(body, [evil]);

  it('drops raw HTML and dangerous attributes', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/<iframe|<svg|<details|<div|<b[ >]/i);
    // No tag carries an event handler or a style; in the body not even the text survives.
    expect(html).not.toMatch(/<[^<>]*\son\w+=/i);
    expect(html).not.toMatch(/style=/i);
    const bodyPart = html.slice(0, html.indexOf('<ol class="references"'));
    expect(bodyPart).not.toMatch(/onerror|onmouseover|ontoggle|<iframe/i);
  });

  it('does not render links with unsafe schemes as links', () => {
    expect(html).not.toMatch(/href="(?!#|https?:|mailto:)/i);
    expect(html).not.toMatch(/javascript:[^<]*<\/a>/i);
    expect(html).not.toMatch(/<a>/);
    expect(html).toContain('md link');
  });

  it('escapes a hostile source title and publisher and omits its unsafe URL', () => {
    expect(html).toContain(
      '<span class="reference-text">“&#x3C;script>alert("title")&#x3C;/script>&#x3C;img src=x onerror=alert(1)>” ">&#x3C;svg onload=alert(1)>,</span>'
    );
  });

  it('still renders the legitimate citations', () => {
    expect(html.match(/<sup id="cite-1-[ab]"><a href="#ref-1">\[1\]<\/a><\/sup>/g)).toHaveLength(2);
  });

  it('keeps safe links', () => {
    const safe = render('[ok](https://example.com) [mail](mailto:a@b.c) [rel](/about) [anchor](#top)', []);
    expect(safe).toBe(
      '<p><a href="https://example.com">ok</a> <a href="mailto:a@b.c">mail</a> <a href="/about">rel</a> <a href="#top">anchor</a></p>'
    );
  });
});

describe('bodies nested too deeply for the Markdown tools', () => {
  // The unified utilities recurse per nesting level; thousands of levels
  // overflow the stack. Such bodies fall back to plain text instead of throwing.
  it.each([
    ['render only (2,000 quote levels)', 2000],
    ['parse and render (8,000 quote levels)', 8000],
  ])('resolves and renders without throwing: %s', (_name, depth) => {
    const body = `${'> '.repeat(depth)}Deep [1] and <script>x</script>`;
    const resolved = resolveCitations(body, [source('a')]);
    expect(resolved.citations).toMatchObject([{ id: 'cite-1-a', start: depth * 2 + 5, end: depth * 2 + 8 }]);
    const html = renderBodyHtml(body, resolved, {});
    expect(html).toContain('<sup id="cite-1-a"><a href="#ref-1">[1]</a></sup>');
    expect(html).toContain('<li id="ref-1">');
    expect(html).not.toContain('<script');
  });
});

describe('in-text citations (author-date styles)', () => {
  const sources: CitableSource[] = [
    { documentId: 'a', key: 'a', title: 'A' },
    { documentId: 'b', key: 'b', title: 'B' },
  ];
  const body = 'Claim [@a; @b].';
  const resolved = resolveCitations(body, sources);
  const start = body.indexOf('[');

  it('links each part to its reference, with the id its back-link points to, escaping the text', () => {
    const html = renderBodyHtml(body, resolved, {
      inText: new Map([
        [
          start,
          {
            text: '(<A>, 1; B & co, 2)',
            pieces: [
              { text: '(', cite: null },
              { text: '<A>, 1', cite: { id: 'cite-1-a', number: 1 } },
              { text: '; ', cite: null },
              { text: 'B & co, 2', cite: { id: 'cite-2-a', number: 2 } },
              { text: ')', cite: null },
            ],
          },
        ],
      ]),
    });
    expect(html).toContain(
      '<p>Claim <span class="citation">(<a id="cite-1-a" href="#ref-1">&#x3C;A>, 1</a>; <a id="cite-2-a" href="#ref-2">B &#x26; co, 2</a>)</span>.</p>'
    );
  });

  it('links the whole text to the first reference when the parts are unknown, keeping the other ids', () => {
    const html = renderBodyHtml(body, resolved, { inText: new Map([[start, { text: '(A, 1; B, 2)', pieces: null }]]) });
    expect(html).toContain('<span class="citation"><a id="cite-1-a" href="#ref-1">(A, 1; B, 2)</a><a id="cite-2-a" href="#ref-2"></a></span>');
  });

  it('ignores parts that name an occurrence the marker does not have', () => {
    const html = renderBodyHtml(body, resolved, {
      inText: new Map([[start, { text: 'X', pieces: [{ text: 'X', cite: { id: 'cite-9-a', number: 9 } }] }]]),
    });
    expect(html).not.toContain('cite-9-a');
    expect(html).toContain('<a id="cite-1-a" href="#ref-1">X</a>');
  });
});
