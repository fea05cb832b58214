import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_KEYS, masterKeyOf, openSecret, sealSecret, SecretUnreadableError, TenantKeys, type StoredDataKey } from '../../../engine/crypto/index.js';
import { EmbeddedStoreProvider } from '../../../engine/store/embedded/index.js';
import type { Store } from '../../../engine/store/port.js';

const master = masterKeyOf(randomBytes(32), 'spec');

/** The reason a sealed value is refused, or a failure when it opens. */
function refusal(open: () => string): string {
  try {
    open();
  } catch (error) {
    expect(error).to.be.instanceOf(SecretUnreadableError);
    return (error as Error).message;
  }
  return expect.fail('the value opened');
}

/** The sealed text with one byte of its ciphertext flipped. */
function tampered(sealed: string): string {
  const cut = sealed.lastIndexOf(':');
  const bytes = Buffer.from(sealed.slice(cut + 1), 'base64');
  bytes[bytes.length - 1]! ^= 0x01;
  return `${sealed.slice(0, cut + 1)}${bytes.toString('base64')}`;
}

describe('crypto: a tenant\'s data keys', () => {
  let dir: string;
  let provider: EmbeddedStoreProvider;
  let store: Store;
  let keys: TenantKeys;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-crypto-'));
    provider = new EmbeddedStoreProvider(dir, 'process');
    store = await provider.open('acme');
    keys = await TenantKeys.open('acme', store, master);
  });
  afterEach(async () => {
    await provider.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('seals in the versioned format enc:v1:<keyId>:<base64>, a new IV each time, and opens it again', () => {
    const first = keys.seal('4111 1111 1111 1111', { purpose: 'record' });
    const second = keys.seal('4111 1111 1111 1111', { purpose: 'record' });
    expect(first).to.match(/^enc:v1:k1:[A-Za-z0-9+/]+=*$/);
    expect(first).not.to.equal(second);
    expect(first).not.to.contain('4111');
    expect(keys.open(first, 'record')).to.equal('4111 1111 1111 1111');
    expect(keys.open(second, 'record')).to.equal('4111 1111 1111 1111');
  });

  it('seals deterministically (enc:d1) to one text per value, so equality can be looked up, and different values differently', () => {
    const a = keys.seal('alice@example.com', { purpose: 'record', mode: 'deterministic' });
    expect(a).to.match(/^enc:d1:k1:/);
    expect(keys.seal('alice@example.com', { purpose: 'record', mode: 'deterministic' })).to.equal(a);
    expect(keys.seal('bob@example.com', { purpose: 'record', mode: 'deterministic' })).not.to.equal(a);
    expect(keys.open(a, 'record')).to.equal('alice@example.com');
  });

  it('refuses a tampered ciphertext, in either mode', () => {
    for (const mode of ['random', 'deterministic'] as const) {
      const sealed = keys.seal('secret', { purpose: 'record', mode });
      expect(refusal(() => keys.open(tampered(sealed), 'record'))).to.contain('fails its authentication');
    }
  });

  it('refuses a header changed to another mode or key id (the header is authenticated)', async () => {
    const sealed = keys.seal('secret', { purpose: 'record' });
    refusal(() => keys.open(sealed.replace('enc:v1:', 'enc:d1:'), 'record'));
    await keys.rotate(store);
    refusal(() => keys.open(sealed.replace(':k1:', ':k2:'), 'record'));
  });

  it('refuses a value sealed for another purpose (a record value passed off as a secret)', () => {
    const sealed = keys.seal('secret', { purpose: 'record' });
    refusal(() => keys.open(sealed, 'secret'));
  });

  it('refuses a value under the wrong key: another tenant\'s data key with the same id', async () => {
    const other = await TenantKeys.open('globex', await provider.open('globex'), master);
    const sealed = other.seal('globex only', { purpose: 'record' });
    expect(sealed).to.match(/^enc:v1:k1:/);
    expect(refusal(() => keys.open(sealed, 'record'))).to.contain('fails its authentication');
  });

  it('refuses a format it does not read, naming it', () => {
    const sealed = keys.seal('secret', { purpose: 'record' });
    expect(refusal(() => keys.open(sealed.replace('enc:v1:', 'enc:v9:'), 'record'))).to.contain("format 'v9'");
    expect(refusal(() => keys.open('plain text', 'record'))).to.contain('not a sealed value');
  });

  it('keeps the data key wrapped in the store, and refuses to open it under another master key, naming both', async () => {
    const [stored] = await store.collection<StoredDataKey>(DATA_KEYS).find({});
    expect(stored).to.include({ _id: 'k1', version: 1, state: 'active', masterKeyId: master.id });
    expect(Object.keys(stored!).sort()).to.deep.equal(['_id', 'createdAt', 'masterKeyId', 'state', 'version', 'wrapped']);
    const other = masterKeyOf(randomBytes(32), 'another spec');
    const error = await TenantKeys.open('acme', store, other).then(() => expect.fail('opened'), (failure: Error) => failure);
    expect(error.message).to.contain(master.id).and.to.contain(other.id).and.to.contain('CRM_MASTER_KEY');
  });

  it('opens the same keys again on the next opening (the first key is made once)', async () => {
    const sealed = keys.seal('kept', { purpose: 'record' });
    const again = await TenantKeys.open('acme', store, master);
    expect(again.keyIds).to.deep.equal(['k1']);
    expect(again.open(sealed, 'record')).to.equal('kept');
  });

  it('rotates: a new active key seals, the former one still opens, and once removed its values are refused', async () => {
    const old = keys.seal('before', { purpose: 'record' });
    expect(await keys.rotate(store)).to.equal('k2');
    expect(keys.activeKeyId).to.equal('k2');
    expect(keys.keyIds).to.deep.equal(['k1', 'k2']);
    expect(keys.seal('after', { purpose: 'record' })).to.match(/^enc:v1:k2:/);
    expect(keys.open(old, 'record')).to.equal('before');
    expect(keys.keyIdOf(old)).to.equal('k1');
    await keys.removeKey(store, 'k1');
    expect(keys.keyIds).to.deep.equal(['k2']);
    expect(refusal(() => keys.open(old, 'record'))).to.contain('does not hold');
  });

  it('seals metadata secrets with sealSecret and opens them with openSecret', () => {
    const sealed = sealSecret({ keys }, 'smtp-password');
    expect(sealed).to.match(/^enc:v1:k1:/);
    expect(openSecret({ keys }, sealed)).to.equal('smtp-password');
    refusal(() => keys.open(sealed, 'record'));
  });
});
