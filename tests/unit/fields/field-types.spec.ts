import { expect } from 'chai';
import { fieldTypeOf, formatAutoNumber, type ResolvedField } from '../../../engine/fields/index.js';
import { resolveField } from '../../../engine/metadata/resolve-object.js';
import type { Field } from '../../../engine/schemas/generated/object.js';

const resolved = (definition: Field): ResolvedField => resolveField(definition);

describe('field types', () => {
  describe('conversion of stored values on a type change', () => {
    const cases: [string, Field, unknown, unknown][] = [
      ['text "12" becomes the number 12', { name: 'f', type: 'number' }, '12', 12],
      ['text "abc" cannot become a number', { name: 'f', type: 'number' }, 'abc', undefined],
      ['a number becomes text', { name: 'f', type: 'text' }, 42.5, '42.5'],
      ['"yes" becomes true', { name: 'f', type: 'boolean' }, 'yes', true],
      ['"maybe" cannot become a boolean', { name: 'f', type: 'boolean' }, 'maybe', undefined],
      ['a date-time becomes its UTC date', { name: 'f', type: 'date' }, '2025-03-01T23:30:00-02:00', '2025-03-02'],
      ['a date becomes midnight UTC', { name: 'f', type: 'datetime' }, '2025-03-01', '2025-03-01T00:00:00.000Z'],
      ['"a; b" becomes a multi-select of two', { name: 'f', type: 'multipicklist', values: ['a', 'b'] }, 'a; b', ['a', 'b']],
      ['nothing converts to a lookup', { name: 'f', type: 'lookup', target: 'x' }, '0123456789abcdef01234567', undefined],
      ['an object stays JSON', { name: 'f', type: 'json' }, { a: 1 }, { a: 1 }],
    ];
    for (const [behaviour, definition, value, expected] of cases) {
      it(behaviour, () => {
        const field = resolved(definition);
        expect(fieldTypeOf(field).coerce(value, field)).to.deep.equal(expected);
      });
    }
  });

  describe('stored form of valid input', () => {
    const cases: [string, Field, unknown, unknown][] = [
      ['currency rounds half away from zero to 2 decimals', { name: 'f', type: 'currency' }, 10.005, 10.01],
      ['1.005 rounds up although its binary value is below', { name: 'f', type: 'currency' }, 1.005, 1.01],
      ['negative amounts round away from zero too', { name: 'f', type: 'currency' }, -2.345, -2.35],
      ['a number keeps its declared scale', { name: 'f', type: 'number', scale: 3 }, 1.23456, 1.235],
      ['e-mail addresses are stored in lower case', { name: 'f', type: 'email' }, ' Ann@Example.COM', 'ann@example.com'],
      ['date-times are stored in UTC', { name: 'f', type: 'datetime' }, '2025-01-01T08:00:00+08:00', '2025-01-01T00:00:00.000Z'],
    ];
    for (const [behaviour, definition, value, expected] of cases) {
      it(behaviour, () => {
        const field = resolved(definition);
        expect(fieldTypeOf(field).normalize?.(value, field)).to.deep.equal(expected);
      });
    }
  });

  describe('resolution', () => {
    it('fills labels in both languages from the API name', () => {
      expect(resolved({ name: 'needed_by', type: 'date' }).label).to.deep.equal({ en: 'Needed by', 'zh-CN': 'Needed by' });
    });
    it('keeps the Chinese label when given', () => {
      expect(resolved({ name: 'title', type: 'text', label: { en: 'Title', 'zh-CN': '标题' } }).label['zh-CN']).to.equal('标题');
    });
    it('makes a master-detail field required', () => {
      expect(resolved({ name: 'order', type: 'masterdetail', target: 'order' }).required).to.equal(true);
    });
    it('bounds a number by its precision and scale', () => {
      const field = resolved({ name: 'f', type: 'number', precision: 5, scale: 2 });
      expect(fieldTypeOf(field).valueSchema(field)).to.include({ minimum: -999.99, maximum: 999.99 });
    });
  });

  describe('auto-number format', () => {
    it('pads the counter to the zeros of the format', () => expect(formatAutoNumber('PO-{0000}', 42)).to.equal('PO-0042'));
    it('keeps every digit of a counter longer than the padding', () => expect(formatAutoNumber('PO-{00}', 12345)).to.equal('PO-12345'));
  });
});
