import { expect } from 'chai';
import { binScope } from '../../studio/src/app/recycle-bin/bin-scope';
import { refusalNotes } from '../../studio/src/app/record/refusal-notes';
import { formatBytes, formatSizeOver } from '../../studio/src/app/record/file-kind';
import { initialFromQuery } from '../../studio/src/app/record/initial-from-query';
import type { FormDefinition } from '../../studio/src/shared/forms/form-definition';
import type { ObjectDefinition } from '../../studio/src/shared/metadata/object-definition';
import { isRecordId } from '../../studio/src/shared/metadata/record-id';

const CONTACT: ObjectDefinition = {
  name: 'contact',
  fields: [
    { name: 'name', type: 'text' },
    { name: 'account', type: 'lookup', target: 'account' },
    { name: 'deal', type: 'masterdetail', target: 'deal' },
    { name: 'manager', type: 'lookup', target: 'user' },
  ],
};
const form = (fields: string[]): FormDefinition => ({
  object: 'contact',
  layout: null,
  language: 'en',
  schema: { type: 'object', properties: Object.fromEntries(fields.map((field) => [field, { type: 'string' }])) },
  uiSchema: {},
});
const ID = '6650f1c2a1b2c3d4e5f60718';

describe('web app: a new record from a related list', () => {
  it('fills the lookup and master-detail fields the address names with a record id', () => {
    const query = new URLSearchParams({ account: ID, deal: ID });
    expect(initialFromQuery(CONTACT, form(['name', 'account', 'deal']), query)).to.deep.equal({ account: ID, deal: ID });
  });

  it('ignores other fields, values that are not record ids, and lookups the form does not show', () => {
    const query = new URLSearchParams({ name: 'Injected', account: '<img src=x>', manager: ID });
    expect(initialFromQuery(CONTACT, form(['name', 'account']), query)).to.deep.equal({});
  });
});

describe('web app: the size of a file refused for being too large', () => {
  const MB = 1024 * 1024;
  const cases: [bytes: number, shown: string][] = [
    [25 * MB + 1, '25.1 MB'],
    [25.04 * MB, '25.1 MB'],
    [30 * MB, '30.0 MB'],
    [31.45 * MB, '31.5 MB'],
    [64 * 1024 + 1, '64.1 KB'],
    [900, '900 B'],
  ];
  for (const [bytes, shown] of cases) {
    it(`shows ${bytes} bytes as ${shown}, rounded up to one decimal`, () => {
      expect(formatSizeOver(bytes)).to.equal(shown);
    });
  }
  it('never reads as the limit it went past', () => {
    for (const limit of [MB, 25 * MB, 64 * 1024]) expect(formatSizeOver(limit + 1)).to.not.equal(formatBytes(limit));
  });
});

describe('which values the record page asks names for', () => {
  it('asks for record ids only: the platform principal and stray text would fail the whole request', () => {
    expect(isRecordId('65a1b2c3d4e5f60718293a4b')).to.equal(true);
    expect(['admin', '', '65A1B2C3D4E5F60718293A4B', '65a1b2c3d4e5f60718293a4', '65a1b2c3d4e5f60718293a4b0'].filter(isRecordId)).to.deep.equal([]);
  });
});

describe('web app: whose records the recycle bin shows', () => {
  const objects = [{ name: 'deal', fields: [] }, { name: 'task', fields: [] }];
  const rights = (modifyAll: readonly string[]) => (name: string) => ({ create: true, read: true, edit: true, delete: true, viewAll: false, modifyAll: modifyAll.includes(name) });

  it("says the user's own records without modify all, everyone's with it on every object, and names the objects in between", () => {
    expect(binScope(objects, rights([]))).to.deep.equal({ kind: 'own' });
    expect(binScope(objects, rights(['deal', 'task']))).to.deep.equal({ kind: 'everyone' });
    expect(binScope(objects, rights(['task']))).to.deep.equal({ kind: 'some', objects: [objects[1]] });
  });
});

describe('web app: the owner panel says each refusal once', () => {
  const refused = (reason: string) => ({ allowed: false, reason });
  it('says a reason shared by transfer and sharing once for the panel, and different ones where each applies', () => {
    const noEdit = 'You may not edit deals: none of your permission sets grants it. Ask an administrator.';
    expect(refusalNotes(refused(noEdit), refused(noEdit))).to.deep.equal({ panel: noEdit });
    expect(refusalNotes(refused('Only the owner can transfer it.'), refused('There is nothing to share.'))).to.deep.equal({ owner: 'Only the owner can transfer it.', shares: 'There is nothing to share.' });
    expect(refusalNotes({ allowed: true }, refused(noEdit))).to.deep.equal({ shares: noEdit });
    expect(refusalNotes(refused(noEdit), { allowed: true })).to.deep.equal({ owner: noEdit });
    expect(refusalNotes(undefined, undefined)).to.deep.equal({});
  });
});
