import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { CATALOGUES } from '../../../engine/i18n/catalogue.js';
import { placeholders, scanMessages, sourceFiles } from '../../support/source-messages.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const found = scanMessages(ROOT, sourceFiles(ROOT, ['engine', 'plugins']));

const where = (places: readonly { file: string; line: number }[]): string => places.map((place) => `${place.file}:${place.line}`).join(', ');

describe('message catalogues', () => {
  it('finds the messages of the engine (the scan itself works)', () => {
    expect(found.templates.has('Something went wrong on the server; the error has been logged.')).to.equal(true);
  });

  for (const [language, catalogue] of Object.entries(CATALOGUES)) {
    it(`has a ${language} translation of every msg\`…\` template in the source`, () => {
      const missing = [...found.templates].filter(([key]) => !catalogue[key]?.trim()).map(([key, places]) => `${JSON.stringify(key)} (${where(places)})`);
      expect(missing, `add these keys to engine/i18n/catalogues/${language}.messages.json:\n${missing.join('\n')}\n`).to.deep.equal([]);
    });

    it(`keeps in each ${language} translation the placeholders of its template`, () => {
      const wrong = Object.entries(catalogue).filter(([key, text]) => placeholders(key).join() !== placeholders(text).join()).map(([key]) => key);
      expect(wrong).to.deep.equal([]);
    });

    it(`holds no ${language} translation of a template the source no longer has`, () => {
      const stale = Object.keys(catalogue).filter((key) => !found.templates.has(key));
      expect(stale, `remove (or re-key) these entries of engine/i18n/catalogues/${language}.messages.json`).to.deep.equal([]);
    });
  }

  it('finds no message written as a plain string (use msg`…` so it can be translated)', () => {
    // The OpenAPI document's examples are English documentation, not messages.
    const plain = found.untranslated.filter((entry) => !entry.file.startsWith('engine/http/openapi/')).map((entry) => `${entry.file}:${entry.line} ${entry.text}`);
    expect(plain, `write these with msg\`…\` from engine/i18n/message.ts:\n${plain.join('\n')}\n`).to.deep.equal([]);
  });
});
