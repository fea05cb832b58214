import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { autoNumberPreview } from '../../studio/src/app/setup/fields/autonumber-preview';
import { fieldDefinitionOf, fieldDraftOf, fieldErrors, NEW_FIELD } from '../../studio/src/app/setup/fields/field-draft';
import { fieldReaders } from '../../studio/src/app/setup/fields/field-readers';
import { editorOf, FIELD_TYPES } from '../../studio/src/app/setup/fields/field-types';
import { moveValue, suggestValue, valueDefinitionOf, valueDraftOf } from '../../studio/src/app/setup/fields/picklist-values';
import { setupMessages } from '../../studio/src/app/setup/setup-messages';

describe('web app: field editor', () => {
  it('has an editor and a name in both languages for every field type of the object schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../engine/schemas/object.schema.json', import.meta.url), 'utf8')) as { $defs: Record<string, { properties?: { type?: { const?: string } } }> };
    const types = Object.values(schema.$defs).flatMap((definition) => (definition.properties?.type?.const ? [definition.properties.type.const] : []));
    expect([...FIELD_TYPES].sort()).to.deep.equal([...types].sort());
    for (const type of FIELD_TYPES) {
      expect(editorOf(type)).to.be.a('string');
      expect(setupMessages.en.setup.fields.types[type], type).to.be.a('string');
      expect(setupMessages.zhCN.setup.fields.types[type], type).to.be.a('string');
    }
  });

  it('previews an auto-number as the engine numbers it', () => {
    expect(autoNumberPreview('PR-{0000}')).to.equal('PR-0001');
    expect(autoNumberPreview('SO-{00}-X', 123)).to.equal('SO-123-X');
    expect(autoNumberPreview('no number')).to.equal(undefined);
  });

  describe('picklist values', () => {
    it('moves a value up or down, and ignores a move past either end', () => {
      const values = ['low', 'high', 'medium'].map((value) => valueDraftOf(value));
      expect(moveValue(values, 2, 1).map((value) => value.value)).to.deep.equal(['low', 'medium', 'high']);
      expect(moveValue(values, 0, -1).map((value) => value.value)).to.deep.equal(['low', 'high', 'medium']);
    });

    it('keeps a value bare unless it has labels or is inactive', () => {
      expect(valueDefinitionOf({ value: 'low', labelEn: '', labelZh: '', active: true })).to.equal('low');
      expect(valueDefinitionOf({ value: 'low', labelEn: 'Low', labelZh: '低', active: false })).to.deep.equal({ value: 'low', label: { en: 'Low', 'zh-CN': '低' }, active: false });
      expect(valueDraftOf({ value: 'x', label: { en: 'X' }, active: false })).to.deep.equal({ value: 'x', labelEn: 'X', labelZh: '', active: false });
    });

    it('suggests a stored value from the English label, never one already taken', () => {
      expect(suggestValue('Very high!', [])).to.equal('very_high');
      expect(suggestValue('Low', ['low', 'low_2'])).to.equal('low_3');
      expect(suggestValue('高', [])).to.equal('value');
    });
  });

  describe('the field saved', () => {
    it("holds the common properties and only its own type's, so a type change sends nothing of the old type", () => {
      const draft = { ...NEW_FIELD, labelEn: 'Amount', name: 'amount', type: 'number' as const, precision: 12, scale: 2, maxLength: 80, required: true, min: null };
      expect(fieldDefinitionOf(draft)).to.deep.equal({ name: 'amount', type: 'number', label: { en: 'Amount' }, required: true, precision: 12, scale: 2 });
    });

    it('never makes a computed field required or unique, and sends a roll-up count without a field', () => {
      const rollup = { ...NEW_FIELD, labelEn: 'Lines', name: 'lines', type: 'rollup' as const, required: true, unique: true, child: 'line', function: 'count' as const, field: 'qty' };
      expect(fieldDefinitionOf(rollup)).to.deep.equal({ name: 'lines', type: 'rollup', label: { en: 'Lines' }, child: 'line', function: 'count' });
    });

    it('reads a definition back unchanged', () => {
      const field = { name: 'stage', type: 'picklist', label: { en: 'Stage', 'zh-CN': '阶段' }, helpText: { en: 'Where it stands' }, required: true, trackHistory: true, values: ['new', { value: 'won', label: { en: 'Won' } }] };
      expect(fieldDefinitionOf(fieldDraftOf(field))).to.deep.equal(field);
      const lookup = { name: 'account', type: 'lookup', target: 'account', onDelete: 'restrict' };
      expect(fieldDefinitionOf(fieldDraftOf(lookup))).to.deep.equal(lookup);
    });

    it("puts the server's problems on their controls", () => {
      expect(fieldErrors([{ path: '/values/1', message: 'repeats' }, { path: '/format', message: 'needs zeros' }, { path: '/label/zh-CN', message: 'too long' }])).to.deep.equal({
        controls: { values: ['repeats'], format: ['needs zeros'], labelZh: ['too long'] },
        form: [],
      });
    });
  });

  it('names what reads a field from the refusal of its deletion: fields and rules of the object as it would be, other definitions by name', () => {
    const object = { fields: [{ name: 'name' }, { name: 'qty' }, { name: 'boxes', label: { en: 'Boxes' } }], validationRules: [{ name: 'not_too_many' }] };
    const readers = fieldReaders(
      [
        { path: '/fields/1/expression', message: "'qty' is not a field" },
        { path: '/validationRules/0/condition', message: "'qty' is not a field" },
        { path: '/listViews/open_orders/columns/1', message: "'qty' is not a field" },
        { path: '/listViews/open_orders/sort/0', message: "'qty' is not a field" },
      ],
      object,
      'qty',
    );
    expect(readers.map(({ kind, name }) => [kind, name])).to.deep.equal([
      ['fields', 'boxes'],
      ['validationRules', 'not_too_many'],
      ['listViews', 'open_orders'],
    ]);
  });
});
