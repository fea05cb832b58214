import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_MASTER_KEY_FILE, loadMasterKey } from '../../../engine/crypto/index.js';
import { logLevel, redirectLogs, setLogLevel } from '../../../engine/observability/index.js';

describe('crypto: the master key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-master-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes CRM_MASTER_KEY (base64 of 32 bytes) and writes nothing in the data directory', () => {
    const key = randomBytes(32);
    const master = loadMasterKey({ key: key.toString('base64') }, dir);
    expect(master.key.equals(key)).to.equal(true);
    expect(master.source).to.equal('CRM_MASTER_KEY');
    expect(() => statSync(join(dir, GENERATED_MASTER_KEY_FILE))).to.throw();
  });

  it('refuses a key of another length or not in base64', () => {
    expect(() => loadMasterKey({ key: randomBytes(16).toString('base64') }, dir)).to.throw(/32 bytes/);
    expect(() => loadMasterKey({ key: 'not base64!' }, dir)).to.throw(/base64/);
  });

  it('takes the file CRM_MASTER_KEY_FILE names, and refuses one that does not exist', () => {
    const key = randomBytes(32);
    const file = join(dir, 'elsewhere.key');
    writeFileSync(file, `${key.toString('base64')}\n`);
    expect(loadMasterKey({ file }, dir).key.equals(key)).to.equal(true);
    expect(() => loadMasterKey({ file: join(dir, 'missing.key') }, dir)).to.throw(/does not exist/);
  });

  it('without either, generates a key file in the data directory once, readable by its owner only, and says loudly to keep it elsewhere', () => {
    const lines: string[] = [];
    const level = logLevel();
    setLogLevel('info');
    const restore = redirectLogs((line) => lines.push(line));
    try {
      const first = loadMasterKey({}, dir);
      const second = loadMasterKey({}, dir);
      expect(second.key.equals(first.key)).to.equal(true);
      const file = join(dir, GENERATED_MASTER_KEY_FILE);
      expect(statSync(file).mode & 0o777).to.equal(0o600);
      expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first.key)).to.equal(true);
    } finally {
      restore();
      setLogLevel(level);
    }
    const warnings = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(warnings).to.have.length(2);
    expect(warnings[0]!.level).to.equal(40);
    expect(warnings[0]!.msg).to.contain('Generated the master key').and.to.contain('in production set CRM_MASTER_KEY');
    expect(warnings[1]!.msg).to.contain('Using the master key');
  });
});
