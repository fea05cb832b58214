import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterOwnPart, writeBlock } from '../../../bench/report-blocks.js';

describe('bench: docs/performance.md blocks', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'crm-report-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps, after the foundation's part, every block and the notes written by hand between them", () => {
    const file = join(dir, 'performance.md');
    const rest = '<!-- a:start -->\nA\n<!-- a:end -->\n\nA note by hand.\n\n<!-- b:start -->\nB\n<!-- b:end -->\n\nAnother note.\n';
    writeFileSync(file, `# Foundation\n\nold figures\n\n${rest}`);
    expect(afterOwnPart(file)).to.equal(rest);
    expect(afterOwnPart(join(dir, 'missing.md'))).to.equal('');
  });

  it('writes a block in place of its last version, leaving the rest as it was', () => {
    const file = join(dir, 'performance.md');
    writeFileSync(file, 'start\n<!-- a:start -->\nold\n<!-- a:end -->\nnote\n');
    writeBlock(file, 'a', 'new');
    writeBlock(file, 'b', 'added');
    expect(readFileSync(file, 'utf8')).to.equal('start\n<!-- a:start -->\nnew\n<!-- a:end -->\nnote\n\n<!-- b:start -->\nadded\n<!-- b:end -->\n');
  });
});
