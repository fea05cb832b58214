import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobTooLargeError, type BlobInput } from '../../engine/store/blob-port.js';
import { describeEachAdapter } from './adapters.js';
import { rejectionOf } from './store.fixtures.js';

const INPUT: BlobInput = { name: 'report.pdf', contentType: 'application/pdf', createdBy: 'u1', maxBytes: 1024 * 1024 };

/** Content in several chunks, as an upload arrives. */
function chunks(...parts: (string | Buffer)[]): Readable {
  return Readable.from(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describeEachAdapter('blob store contract', (ctx) => {
  const blobs = () => ctx.store.blobs;

  it('stores streamed content whole and returns it with its size, SHA-256 and who stored it when', async () => {
    const content = Buffer.concat([Buffer.alloc(300_000, 7), Buffer.from('end')]);
    const before = Date.now();
    const stored = await blobs().put(INPUT, chunks(content.subarray(0, 100_000), content.subarray(100_000)));
    expect(stored).to.include({ name: 'report.pdf', contentType: 'application/pdf', size: content.length, sha256: sha256(content), createdBy: 'u1' });
    expect(stored.id).to.match(/^[0-9a-f]{24}$/);
    expect(Date.parse(stored.createdAt)).to.be.at.least(before - 1000);
    const read = await blobs().get(stored.id);
    expect(read?.metadata).to.deep.equal(stored);
    expect((await readAll(read!.content)).equals(content)).to.equal(true);
    expect(await blobs().metadata(stored.id)).to.deep.equal(stored);
  });

  it('stores an empty file', async () => {
    const stored = await blobs().put(INPUT, chunks());
    expect(stored.size).to.equal(0);
    expect(stored.sha256).to.equal(sha256(Buffer.alloc(0)));
    expect((await readAll((await blobs().get(stored.id))!.content)).length).to.equal(0);
  });

  it('refuses content past the size limit and keeps nothing of it', async () => {
    const error = await rejectionOf(blobs().put({ ...INPUT, maxBytes: 10 }, chunks('12345', '67890', 'x')));
    expect(error).to.be.instanceOf(BlobTooLargeError);
    expect((error as BlobTooLargeError).status).to.equal(413);
    const exact = await blobs().put({ ...INPUT, maxBytes: 10 }, chunks('12345', '67890'));
    expect(exact.size).to.equal(10);
  });

  it('fails the put when the content stream fails, and keeps nothing', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    expect(String(await rejectionOf(blobs().put(INPUT, failing)))).to.contain('connection reset');
  });

  it('deletes a blob: it is gone afterwards, and a second delete says so', async () => {
    const stored = await blobs().put(INPUT, chunks('hello'));
    expect(await blobs().delete(stored.id)).to.equal(true);
    expect(await blobs().get(stored.id)).to.equal(null);
    expect(await blobs().metadata(stored.id)).to.equal(null);
    expect(await blobs().delete(stored.id)).to.equal(false);
  });

  for (const id of ['000000000000000000000000', '../store.sqlite', '..%2Fstore.sqlite', '/etc/passwd', 'tmp', '', 'ABCDEFABCDEFABCDEFABCDEF']) {
    it(`knows no blob by the id ${JSON.stringify(id)}`, async () => {
      await blobs().put(INPUT, chunks('x'));
      expect(await blobs().get(id)).to.equal(null);
      expect(await blobs().metadata(id)).to.equal(null);
      expect(await blobs().delete(id)).to.equal(false);
    });
  }

  it("keeps each tenant's blobs to itself", async () => {
    const stored = await blobs().put(INPUT, chunks('mine'));
    const other = await ctx.freshTenant();
    expect(await other.blobs.get(stored.id)).to.equal(null);
    expect(await other.blobs.delete(stored.id)).to.equal(false);
    expect(await blobs().metadata(stored.id)).to.not.equal(null);
  });
});
