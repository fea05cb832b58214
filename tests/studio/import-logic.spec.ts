import { expect } from 'chai';
import { importMessages } from '../../studio/src/app/import/import-messages.js';
import { externalIdFields, fieldOptions, importableFields, mappingRows, matchOptions, percentDone, repeatedFields, settingsOf, settingsProblems, withField } from '../../studio/src/app/import/import-logic.js';
import type { ObjectDefinition } from '../../studio/src/shared/metadata/object-definition.js';

const COMPANY: ObjectDefinition = { name: 'company', label: { en: 'Company', 'zh-CN': '公司' }, fields: [{ name: 'name', type: 'text' }, { name: 'erp_code', type: 'text', externalId: true, label: { en: 'ERP code', 'zh-CN': 'ERP 编号' } }] };
const DEAL: ObjectDefinition = {
  name: 'deal',
  fields: [
    { name: 'title', type: 'text', label: { en: 'Title', 'zh-CN': '标题' } },
    { name: 'code', type: 'text', externalId: true },
    { name: 'amount', type: 'currency' },
    { name: 'total', type: 'formula' },
    { name: 'company', type: 'lookup', target: 'company' },
    { name: 'notes', type: 'longtext' },
  ],
};

/** Every key path of a tree of texts. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`)));
}

describe('import wizard: logic', () => {
  it('has every English text in Chinese too', () => {
    expect(keys(importMessages.zhCN)).to.deep.equal(keys(importMessages.en));
  });

  it('offers the importable fields the form lets the user edit, by label in their language', () => {
    const form = { schema: { properties: { title: {}, code: { readOnly: true }, amount: {}, total: { readOnly: true }, company: {} } }, uiSchema: {} };
    const editable = importableFields(form, DEAL.fields);
    expect([...editable]).to.deep.equal(['title', 'amount', 'company', 'notes']);
    expect(fieldOptions(DEAL, editable, 'zh-CN').map((option) => option.label)).to.deep.equal(['标题', 'amount', 'company', 'notes']);
  });

  it('offers a lookup column its parent by name, by id, or by one of the parent\'s external ids', () => {
    const options = matchOptions(DEAL.fields[4], [COMPANY, DEAL], 'en', { name: 'Name', id: 'Record id' });
    expect(options).to.deep.equal([
      { value: 'name', label: 'Name' },
      { value: '_id', label: 'Record id' },
      { value: 'erp_code', label: 'ERP code' },
    ]);
    expect(matchOptions(DEAL.fields[0], [COMPANY], 'en', { name: 'Name', id: 'Record id' })).to.deep.equal([]);
    expect(externalIdFields(DEAL).map((field) => field.name)).to.deep.equal(['code']);
  });

  it('builds the mapping rows from the server\'s suggestions and sends only the mapped columns', () => {
    const rows = mappingRows(['Title', 'Company', 'Extra'], [['A', 'Acme', null], ['B', '', 'x']], [{ column: 'Title', field: 'title' }, { column: 'Company', field: 'company', match: 'erp_code' }]);
    expect(rows.map((row) => [row.column, row.field, row.match, row.samples])).to.deep.equal([
      ['Title', 'title', undefined, ['A', 'B']],
      ['Company', 'company', 'erp_code', ['Acme']],
      ['Extra', undefined, undefined, ['x']],
    ]);
    const changed = [rows[0]!, withField(rows[1]!, 'title'), rows[2]!];
    expect(changed[1]!.match).to.equal(undefined);
    expect(repeatedFields(changed)).to.deep.equal(['title']);
    expect(settingsOf(rows, { mode: 'upsert', externalId: 'code', dateOrder: 'DMY', decimalSeparator: ',' })).to.deep.equal({
      mapping: [{ column: 'Title', field: 'title' }, { column: 'Company', field: 'company', match: 'erp_code' }],
      mode: 'upsert',
      externalId: 'code',
      dateOrder: 'DMY',
      decimalSeparator: ',',
    });
    expect(settingsOf(rows, { mode: 'insert', externalId: 'code', dateOrder: 'MDY', decimalSeparator: '.' })).to.not.have.property('externalId');
  });

  it('says the server\'s problems with the settings of their columns, and shows progress as a whole percentage', () => {
    expect(settingsProblems([{ path: '/mapping/1/field', message: "'secret' is a field you may not edit" }, { path: '/mode', message: 'bad' }], [{ column: 'A', field: 'a' }, { column: 'Secret', field: 'secret' }])).to.deep.equal([
      "Secret: 'secret' is a field you may not edit",
      'bad',
    ]);
    const progress = { done: 50, created: 0, updated: 0, failed: 0, skipped: 0, rate: 0 };
    expect(percentDone({ status: 'running', total: 200, progress })).to.equal(25);
    expect(percentDone({ status: 'running', total: 200, progress: { ...progress, done: 200 } })).to.equal(99);
    expect(percentDone({ status: 'done', total: 200, progress })).to.equal(100);
  });
});
