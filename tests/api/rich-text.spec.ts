import { expect } from 'chai';
import { createRecord, defineObject, expectError, listRecords } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Payloads from the usual XSS cheat sheets: none may leave anything that runs or loads. */
const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=1></circle></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="  javascript:alert(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<a href="//evil.example/x">protocol-relative</a>',
  '<p onclick="alert(1)" style="background:url(javascript:alert(1))">styled</p>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<body onload=alert(1)>',
  '<style>@import "http://evil.example/x.css";</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="http://evil.example/x.css">',
  '<template><script>alert(1)</script></template>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>script>alert(1)<</script>/script>',
  '<p>ok</p><!--<script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<a href="https://ok.example" target="_blank" onmouseover="alert(1)">ok</a>',
];

/** What no stored value may hold, however written: a tag or attribute that runs or loads something. */
const DANGEROUS = [/<script/i, /<\/?(img|svg|iframe|object|embed|style|math|form|input|video|source|base|meta|link|template|body|details|noscript)\b/i, /\son\w+\s*=/i, /javascript:/i, /vbscript:/i, /data:/i, /\sstyle\s*=/i, /href="\/\//i];

describe('rich text fields: sanitised HTML at every write, searched by its text', () => {
  let engine: TestEngine;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'article',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'body', type: 'richtext', maxLength: 1000 },
      ],
    });
  });
  after(() => engine.stop());

  for (const payload of XSS_PAYLOADS) {
    it(`stores ${JSON.stringify(payload)} without anything that runs`, async () => {
      const created = await createRecord(engine, 'article', { title: 'xss', body: payload });
      const stored = (await engine.request('GET', `/api/v1/records/article/${created._id}`)).body.body as string | undefined;
      for (const pattern of DANGEROUS) expect(stored ?? '', String(pattern)).to.not.match(pattern);
    });
  }

  it('keeps the allowed formatting as it was written, and links with rel=noopener', async () => {
    const html =
      '<h2>Plan</h2><p><strong>Bold</strong>, <b>b</b>, <em>it</em>, <i>i</i>, <u>under</u>, <s>gone</s><br /></p>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>said</blockquote><pre><code>x = 1</code></pre>' +
      '<p><a href="https://example.com/a?b=1">site</a> <a href="mailto:a@example.com">mail</a></p>';
    const created = await createRecord(engine, 'article', { title: 'formatting', body: html.replace('<h2>Plan</h2>', '<h2 class="x" id="y">Plan</h2>') });
    expect(created.body).to.equal(
      html
        .replace('href="https://example.com/a?b=1"', 'href="https://example.com/a?b=1" rel="noopener noreferrer"')
        .replace('href="mailto:a@example.com"', 'href="mailto:a@example.com" rel="noopener noreferrer"'),
    );
  });

  it('drops headings and tags outside the allowed set but keeps their text', async () => {
    const created = await createRecord(engine, 'article', { title: 'others', body: '<h1>Big</h1><div><span style="color:red">red</span></div><table><tr><td>cell</td></tr></table>' });
    expect(created.body).to.equal('Bigredcell');
  });

  it('sanitises a change too', async () => {
    const created = await createRecord(engine, 'article', { title: 'patched', body: '<p>safe</p>' });
    const patched = await engine.request('PATCH', `/api/v1/records/article/${created._id}`, { body: '<p>still <img src=x onerror=alert(1)>safe</p>' });
    expect(patched.status, JSON.stringify(patched.body)).to.equal(200);
    expect(patched.body.body).to.equal('<p>still safe</p>');
  });

  it('refuses a value longer than maxLength once sanitised, naming the field', async () => {
    const response = await engine.request('POST', '/api/v1/records/article', { title: 'long', body: `<p>${'a'.repeat(1000)}</p>` });
    expect(expectError(response, 400, 'validation_failed').map((detail) => detail.path)).to.deep.equal(['/body']);
    const escaped = await engine.request('POST', '/api/v1/records/article', { title: 'long', body: '&'.repeat(300) });
    expect(expectError(escaped, 400, 'validation_failed').map((detail) => detail.path)).to.deep.equal(['/body']);
  });

  it('finds records by the text of the value with contains, not by its tags or escapes', async () => {
    const created = await createRecord(engine, 'article', { title: 'search', body: '<p>Quarterly <strong>pipeline</strong> review &amp; Q&A &lt;draft&gt;</p>' });
    const found = async (text: string) => (await listRecords(engine, 'article', { filter: { body: { contains: text } } })).records.map((record) => record._id);
    expect(await found('pipeline')).to.deep.equal([created._id]);
    expect(await found('PIPELINE')).to.deep.equal([created._id]);
    expect(await found('review & Q&A')).to.deep.equal([created._id]);
    expect(await found('<draft>')).to.deep.equal([created._id]);
    expect(await found('strong')).to.deep.equal([]);
  });

  describe('search by the text, never the markup', () => {
    const HTML = '<p>Ledger <strong>reconciliation</strong> for R&amp;D &lt;beta&gt;</p><p>see <a href="https://docs.example/guide">the handbook</a></p><ul><li>first</li><li>second</li></ul>';
    let id: string;
    before(async () => {
      id = (await createRecord(engine, 'article', { title: 'Markup probe', body: HTML }))._id as string;
    });
    const filtered = async (text: string) => (await listRecords(engine, 'article', { filter: { body: { contains: text } } })).records.map((record) => record._id);
    const searched = async (text: string) => {
      const response = await engine.request('GET', `/api/v1/search?q=${encodeURIComponent(text)}`);
      expect(response.status, JSON.stringify(response.body)).to.equal(200);
      return (response.body.results as { object: string; id: string; matched?: { field: string; snippet: string } }[]).filter((result) => result.object === 'article');
    };
    // Tag names, attribute names and values, entity names: in the stored HTML, not in its text.
    const MARKUP = ['amp', 'strong', 'href', 'docs.example', 'lt;', 'gt', '<p>', 'li>', 'rel=', 'noopener'];
    // The text as a reader sees it: entities decoded, across inline tags, paragraphs apart.
    const TEXT = ['reconciliation', 'Ledger reconciliation', 'R&D', '<beta>', 'the handbook', 'first second'];

    for (const text of MARKUP) {
      it(`finds nothing for ${JSON.stringify(text)}, with contains nor with the global search`, async () => {
        expect(await filtered(text)).to.not.include(id);
        expect((await searched(text)).map((result) => result.id)).to.not.include(id);
      });
    }
    for (const text of TEXT) {
      it(`finds the record for ${JSON.stringify(text)}, with contains and with the global search, showing its text`, async () => {
        expect(await filtered(text)).to.include(id);
        const hit = (await searched(text)).find((result) => result.id === id);
        expect(hit?.matched?.field).to.equal('body');
        expect(hit!.matched!.snippet).to.not.match(/<\/?(?:p|strong|a|ul|li)\b|&amp;|href/);
      });
    }
    it('does not run words of two paragraphs together', async () => {
      expect(await filtered('beta>see')).to.deep.equal([]);
    });
    it('keeps the plain text to itself: the record reads as written', async () => {
      const record = (await engine.request('GET', `/api/v1/records/article/${id}`)).body;
      expect(Object.keys(record).filter((key) => key.startsWith('_text'))).to.deep.equal([]);
      expect(record.body).to.contain('<strong>reconciliation</strong>');
    });
    it('follows a change of the value and of the field', async () => {
      const changed = await engine.request('PATCH', `/api/v1/records/article/${id}`, { body: '<p>Only <em>ledger</em> now</p>' });
      expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
      expect(await filtered('reconciliation')).to.not.include(id);
      expect(await filtered('ledger now')).to.include(id);
      // A text field that becomes rich text: its existing values are found by their text at once.
      await defineObject(engine, { name: 'memo', fields: [{ name: 'title', type: 'text', required: true }, { name: 'note', type: 'text' }] });
      const memo = (await createRecord(engine, 'memo', { title: 'Memo', note: 'Fish & chips' }))._id as string;
      const turned = await engine.request('PUT', '/api/v1/meta/objects/memo', { name: 'memo', fields: [{ name: 'title', type: 'text', required: true }, { name: 'note', type: 'richtext' }] });
      expect(turned.status, JSON.stringify(turned.body)).to.equal(200);
      const memos = async (text: string) => (await listRecords(engine, 'memo', { filter: { note: { contains: text } } })).records.map((record) => record._id);
      expect(await memos('fish & chips')).to.deep.equal([memo]);
      expect(await memos('amp')).to.deep.equal([]);
    });
  });
});
