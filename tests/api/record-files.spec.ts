import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { createRecord, defineObject, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';
import { createTenant, OPERATOR_TOKEN } from '../support/tenant-helpers.js';

const PASSWORD = 'files are kept with their records';
const LIMIT = 64 * 1024;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

interface Sent {
  status: number;
  headers: Headers;
  body: Buffer;
  json: any;
}

describe('record files API: attachments follow their record', () => {
  let engine: TestEngine;
  let folderId: string;
  let readerToken: string;
  let outsiderToken: string;
  let noObjectToken: string;
  const files = (id = folderId, object = 'folder') => `/api/v1/records/${object}/${id}/files`;

  /** A raw call: the body sent as bytes, the answer kept as bytes (and as JSON when it is JSON). */
  async function call(method: string, path: string, options: { body?: RequestInit['body']; headers?: Record<string, string>; token?: string } = {}): Promise<Sent> {
    const response = await fetch(`${engine.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${options.token ?? engine.token}`, ...options.headers },
      ...(options.body === undefined ? {} : { body: options.body, duplex: 'half' }),
    } as RequestInit);
    const body = Buffer.from(await response.arrayBuffer());
    const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
    return { status: response.status, headers: response.headers, body, json: isJson && body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined };
  }

  function upload(name: string, content: Buffer | string, contentType: string, options: { id?: string; object?: string; token?: string } = {}): Promise<Sent> {
    return call('POST', files(options.id, options.object), {
      body: typeof content === 'string' ? content : new Uint8Array(content),
      headers: { 'content-type': contentType, 'x-file-name': encodeURIComponent(name) },
      ...(options.token ? { token: options.token } : {}),
    });
  }

  async function uploaded(name: string, content: Buffer | string, contentType: string, id = folderId, object = 'folder'): Promise<Record<string, any>> {
    const response = await upload(name, content, contentType, { id, object });
    expect(response.status, response.body.toString()).to.equal(201);
    return response.json;
  }

  const listed = async (id = folderId) => {
    const response = await call('GET', files(id));
    expect(response.status, response.body.toString()).to.equal(200);
    return response.json.files as Record<string, any>[];
  };

  before(async () => {
    engine = await startTestEngine({ fileSizeLimit: LIMIT, operatorToken: OPERATOR_TOKEN });
    await defineObject(engine, { name: 'folder', sharing: 'private', fields: [{ name: 'name', type: 'text', required: true }] });
    await defineObject(engine, { name: 'memo', fields: [{ name: 'name', type: 'text', required: true }] });
    const set = { name: 'folder_user', objects: { folder: { create: true, read: true, edit: true } } };
    expect((await engine.request('POST', '/api/v1/meta/permission-sets', set)).status).to.equal(201);
    const readerId = await createUser(engine, { full_name: 'Rhea Reader', email: 'rhea@example.com', permission_sets: ['standard_user', 'folder_user'] }, PASSWORD);
    await createUser(engine, { full_name: 'Otto Outsider', email: 'otto@example.com', permission_sets: ['standard_user', 'folder_user'] }, PASSWORD);
    await createUser(engine, { full_name: 'Nina None', email: 'nina@example.com', permission_sets: ['standard_user'] }, PASSWORD);
    readerToken = await tokenFor(engine, 'rhea@example.com', PASSWORD);
    outsiderToken = await tokenFor(engine, 'otto@example.com', PASSWORD);
    noObjectToken = await tokenFor(engine, 'nina@example.com', PASSWORD);
    folderId = (await createRecord(engine, 'folder', { name: 'Contracts' }))._id;
    const shared = await engine.request('POST', `/api/v1/records/folder/${folderId}/shares`, { user: readerId, access: 'read' });
    expect(shared.status, JSON.stringify(shared.body)).to.be.oneOf([200, 201]);
  });
  after(() => engine.stop());

  it('stores an upload and lists it, then serves it back byte for byte as a download', async () => {
    const content = Buffer.concat([PNG, Buffer.alloc(20_000, 1)]);
    const file = await uploaded('chart.png', content, 'image/png');
    expect(file).to.include({ name: 'chart.png', contentType: 'image/png', size: content.length, sha256: sha256(content), createdBy: engine.adminId });
    expect((await listed()).map((listedFile) => listedFile.id)).to.include(file.id);
    const download = await call('GET', `${files()}/${file.id}`);
    expect(download.status).to.equal(200);
    expect(download.body.equals(content)).to.equal(true);
    expect(download.headers.get('content-type')).to.equal('image/png');
    expect(download.headers.get('content-disposition')).to.equal(`attachment; filename="chart.png"; filename*=UTF-8''chart.png`);
    expect(download.headers.get('x-content-type-options')).to.equal('nosniff');
    expect(download.headers.get('content-security-policy')).to.contain('sandbox');
  });

  it('shows images and PDFs inline when asked for a preview', async () => {
    const image = await uploaded('photo.jpg', Buffer.from('jpeg'), 'image/jpeg');
    const pdf = await uploaded('Quote 报价.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
    const shownImage = await call('GET', `${files()}/${image.id}?disposition=inline`);
    expect(shownImage.headers.get('content-disposition')).to.match(/^inline; filename="photo.jpg"/);
    const shownPdf = await call('GET', `${files()}/${pdf.id}?disposition=inline`);
    expect(shownPdf.headers.get('content-type')).to.equal('application/pdf');
    expect(shownPdf.headers.get('content-disposition')).to.equal(`inline; filename="Quote __.pdf"; filename*=UTF-8''Quote%20%E6%8A%A5%E4%BB%B7.pdf`);
  });

  for (const [behaviour, name, type] of [
    ['an HTML page', 'page.html', 'text/html'],
    ['an SVG image (it can hold scripts)', 'logo.svg', 'image/svg+xml'],
    ['an HTML page declared as a PNG image (content-type spoofing)', 'invoice.html', 'image/png'],
    ['a PNG named like an image but declared as HTML', 'innocent.png', 'text/html'],
    ['an XHTML page', 'page.xhtml', 'application/xhtml+xml'],
  ] as const) {
    it(`never serves ${behaviour} inline, and serves it sandboxed without sniffing`, async () => {
      const file = await uploaded(name, '<script>parent.hacked = true</script><img src=x onerror=alert(1)>', type);
      const served = await call('GET', `${files()}/${file.id}?disposition=inline`);
      expect(served.status).to.equal(200);
      expect(served.headers.get('content-disposition')).to.match(/^attachment;/);
      expect(served.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(served.headers.get('content-security-policy')).to.match(/(^|; )sandbox(;|$)/);
      expect(served.headers.get('content-security-policy')).to.contain("default-src 'none'");
    });
  }

  for (const [given, kept] of [
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\win.ini', 'win.ini'],
    ['..', 'file'],
    ['/', 'file'],
    ['.htaccess', 'htaccess'],
    ['report\u202Egpj.exe', 'reportgpj.exe'],
    ['say "hi".txt', 'say "hi".txt'],
  ] as const) {
    it(`keeps the file name ${JSON.stringify(given)} as ${JSON.stringify(kept)}, never as a path`, async () => {
      const file = await uploaded(given, 'content', 'text/plain');
      expect(file.name).to.equal(kept);
      const served = await call('GET', `${files()}/${file.id}`);
      expect(served.body.toString()).to.equal('content');
      expect(served.headers.get('content-disposition')).to.not.match(/[\\/]/);
    });
  }

  it('takes a JSON file as a file, without parsing it', async () => {
    const file = await uploaded('data.json', '{"not": "parsed"', 'application/json');
    expect(file).to.include({ contentType: 'application/json', size: 16 });
  });

  it('refuses an upload without a file name', async () => {
    const response = await call('POST', files(), { body: 'x', headers: { 'content-type': 'text/plain' } });
    expectError({ status: response.status, headers: response.headers, body: response.json }, 400, 'validation_failed');
    expect(response.json.error.message).to.contain('X-File-Name');
  });

  it('refuses a file over the size limit with 413 and a message naming its size and the limit, keeping nothing', async () => {
    const before = (await listed()).length;
    // One byte over: its size rounds up, so it never reads as the limit itself.
    const declared = await upload('big.bin', Buffer.alloc(LIMIT + 1), 'application/octet-stream');
    expect(declared.status).to.equal(413);
    expect(declared.json.error).to.include({ code: 'file_too_large', message: 'The file is 64.1 KB, over the limit of 64 KB per file.' });
    const larger = await upload('larger.bin', Buffer.alloc(LIMIT * 2 + 300), 'application/octet-stream');
    expect(larger.json.error.message).to.equal('The file is 128.3 KB, over the limit of 64 KB per file.');
    // Streamed without a length: cut off once past the limit.
    const chunks = async function* () {
      for (let i = 0; i < 10; i++) yield new Uint8Array(LIMIT / 4);
    };
    const streamed = await call('POST', files(), { body: ReadableStream.from(chunks()), headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'stream.bin' } });
    expect(streamed.status).to.equal(413);
    expect(streamed.json.error.message).to.equal('The file is larger than the 64 KB allowed.');
    const chinese = await call('POST', files(), { body: new Uint8Array(LIMIT + 1), headers: { 'content-type': 'text/plain', 'x-file-name': 'big.txt', 'accept-language': 'zh-CN' } });
    expect(chinese.json.error.message).to.equal('文件大小为 64.1 KB，超过了每个文件 64 KB 的上限。');
    expect((await listed()).length).to.equal(before);
    const exact = await uploaded('exact.bin', Buffer.alloc(LIMIT), 'application/octet-stream');
    expect(exact.size).to.equal(LIMIT);
  });

  it('deletes a file: gone from the list, its download and its content', async () => {
    const file = await uploaded('old.txt', 'old', 'text/plain');
    expect((await call('DELETE', `${files()}/${file.id}`)).status).to.equal(204);
    expect((await listed()).map((listedFile) => listedFile.id)).to.not.include(file.id);
    expect((await call('GET', `${files()}/${file.id}`)).status).to.equal(404);
    expect((await call('DELETE', `${files()}/${file.id}`)).status).to.equal(404);
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    expect(await tenant.store.blobs.metadata(file.id)).to.equal(null);
  });

  it('lets a user who may read the record list and download its files, but not add or delete any (403)', async () => {
    const file = await uploaded('shared.txt', 'shared', 'text/plain');
    const list = await call('GET', files(), { token: readerToken });
    expect(list.status).to.equal(200);
    expect(list.json.files.map((listedFile: { id: string }) => listedFile.id)).to.include(file.id);
    expect((await call('GET', `${files()}/${file.id}`, { token: readerToken })).body.toString()).to.equal('shared');
    expect((await upload('mine.txt', 'mine', 'text/plain', { token: readerToken })).status).to.equal(403);
    expect((await call('DELETE', `${files()}/${file.id}`, { token: readerToken })).status).to.equal(403);
  });

  it('hides every file of a record the user cannot see (404), and of an object they may not read (403)', async () => {
    const file = await uploaded('secret.txt', 'secret', 'text/plain');
    {
      const token = outsiderToken;
      expect((await call('GET', files(), { token })).status).to.equal(404);
      expect((await call('GET', `${files()}/${file.id}`, { token })).status).to.equal(404);
      expect((await upload('x.txt', 'x', 'text/plain', { token })).status).to.equal(404);
      expect((await call('DELETE', `${files()}/${file.id}`, { token })).status).to.equal(404);
    }
    expect((await call('GET', files(), { token: noObjectToken })).status).to.equal(403);
    expect((await call('GET', `${files()}/${file.id}`, { token: noObjectToken })).status).to.equal(403);
    expect((await call('GET', `${files()}/${file.id}`)).body.toString()).to.equal('secret');
  });

  it("never serves a file through another record's path", async () => {
    const other = (await createRecord(engine, 'folder', { name: 'Other' }))._id;
    const file = await uploaded('own.txt', 'own', 'text/plain');
    expect((await call('GET', `${files(other)}/${file.id}`)).status).to.equal(404);
    expect((await call('DELETE', `${files(other)}/${file.id}`)).status).to.equal(404);
    expect((await call('GET', `${files()}/../../folder/${other}`)).status).to.not.equal(200);
  });

  it("keeps one tenant's files from another tenant, even by their ids", async () => {
    const file = await uploaded('tenant.txt', 'ours', 'text/plain');
    const other = await createTenant(engine, 'otherco');
    await engine.request('POST', '/api/v1/meta/objects', { name: 'folder', fields: [{ name: 'name', type: 'text', required: true }] }, other.headers);
    const theirs = await engine.request('POST', '/api/v1/records/folder', { name: 'Theirs' }, other.headers);
    expect((await call('GET', `${files()}/${file.id}`, { token: other.token, headers: { 'x-tenant': 'otherco' } })).status).to.equal(404);
    expect((await call('GET', `${files(theirs.body._id)}/${file.id}`, { token: other.token, headers: { 'x-tenant': 'otherco' } })).status).to.equal(404);
    const tenant = await engine.platform.tenant('otherco');
    expect(await tenant.store.blobs.metadata(file.id)).to.equal(null);
  });

  it('takes the files to the recycle bin with the record, back with its restore, and away with its purge', async () => {
    const memo = (await createRecord(engine, 'memo', { name: 'Minutes' }))._id;
    const file = await uploaded('minutes.pdf', '%PDF-1.4', 'application/pdf', memo, 'memo');
    const memoFiles = files(memo, 'memo');
    expect((await engine.request('DELETE', `/api/v1/records/memo/${memo}`)).status).to.equal(204);
    expect((await call('GET', memoFiles)).status).to.equal(404);
    expect((await call('GET', `${memoFiles}/${file.id}`)).status).to.equal(404);
    expect((await upload('late.txt', 'late', 'text/plain', { id: memo, object: 'memo' })).status).to.equal(404);
    expect((await engine.request('POST', `/api/v1/recycle-bin/memo/${memo}/restore`)).status).to.equal(200);
    expect((await call('GET', memoFiles)).json.files.map((listedFile: { id: string }) => listedFile.id)).to.deep.equal([file.id]);
    expect((await call('GET', `${memoFiles}/${file.id}`)).body.toString()).to.equal('%PDF-1.4');
    expect((await engine.request('DELETE', `/api/v1/records/memo/${memo}`)).status).to.equal(204);
    expect((await engine.request('DELETE', `/api/v1/recycle-bin/memo/${memo}`)).status).to.equal(204);
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    expect(await tenant.store.blobs.metadata(file.id)).to.equal(null);
    expect(await tenant.store.collection('attachments').count({ record: memo })).to.equal(0);
  });
});
