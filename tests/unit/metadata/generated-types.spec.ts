import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { generatedFiles } from '../../../engine/schemas/generate-types.js';

describe('generated metadata types', () => {
  it('are current with the JSON Schemas they come from (run npm run gen:types after editing a schema)', async function () {
    this.timeout(60_000);
    const files = await generatedFiles();
    expect(files.size).to.be.greaterThan(0);
    for (const [path, source] of files) {
      expect(readFileSync(path, 'utf8'), path).to.equal(source);
    }
  });
});
