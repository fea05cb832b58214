import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { generatedFiles } from '../../../engine/schemas/generate-types.js';

const declared = (source: string) => [...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]!);

describe('generated metadata types', () => {
  let files: Map<string, string>;
  before(async function () {
    this.timeout(60_000);
    files = await generatedFiles();
  });

  it('are current with the JSON Schemas they come from (run npm run gen:types after editing a schema)', () => {
    expect(files.size).to.be.greaterThan(0);
    for (const [path, source] of files) {
      expect(readFileSync(path, 'utf8'), path).to.equal(source);
    }
  });

  it('declare each type once: the shared definitions in common.ts, which the kinds import', () => {
    const owners = new Map<string, string[]>();
    for (const [path, source] of files) {
      for (const name of declared(source)) owners.set(name, [...(owners.get(name) ?? []), basename(path)]);
    }
    expect([...owners].filter(([, where]) => where.length > 1)).to.deep.equal([]);
    expect(owners.get('LocalizedText')).to.deep.equal(['common.ts']);
    expect(owners.get('ApprovalAction')).to.deep.equal(['common.ts']);
    const automationRule = [...files].find(([path]) => basename(path) === 'automation-rule.ts')![1];
    expect(automationRule).to.match(/^import type \{.*\bApprovalAction\b.*\} from '\.\/common\.js';$/m);
    // Numbered copies are what a reference with a description beside it used to make (Grantee1 ...).
    expect([...owners.keys()].filter((name) => /\d$/.test(name))).to.deep.equal([]);
  });
});
