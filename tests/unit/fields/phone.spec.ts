import { expect } from 'chai';
import { fieldTypeOf, type ResolvedField } from '../../../engine/fields/index.js';
import { createAjv } from '../../../engine/metadata/create-ajv.js';
import { readableErrors } from '../../../engine/metadata/readable-errors.js';
import { resolveField } from '../../../engine/metadata/resolve-object.js';

const field: ResolvedField = resolveField({ name: 'phone', type: 'phone' });
const type = fieldTypeOf(field);
const validate = createAjv().compile(type.valueSchema(field));

describe('phone field', () => {
  describe('accepts the numbers people write', () => {
    const accepted: [string, string][] = [
      ['North American with parentheses', '(171) 555-2222'],
      ['North American with parentheses, second form', '(206) 555-9857'],
      ['North American with dots', '206.555.9857'],
      ['North American with a country code', '+1 (206) 555-9857'],
      ['E.164 with spaces', '+44 20 7946 0958'],
      ['E.164 without separators', '+8613800138000'],
      ['British trunk prefix in parentheses', '+44 (0)20 7946 0958'],
      ['national trunk prefix', '020 7946 0958'],
      ['international prefix 00', '0044 20 7946 0958'],
      ['German slash', '030/12345678'],
      ['French pairs', '01 42 68 53 00'],
      ['spaced dash', '555 - 2222'],
      ['extension x', '(171) 555-2222 x123'],
      ['extension X without space', '171-555-2222X45'],
      ['extension ext.', '+1 206 555 9857 ext. 123'],
      ['extension Ext', '206-555-9857 Ext 7'],
      ['extension word', '206-555-9857 extension 12345'],
      ['extension #', '(171) 555-2222 #123'],
      ['Chinese landline with area code', '010-12345678'],
      ['Chinese mobile in groups', '138 0013 8000'],
      ['Chinese area code in parentheses', '(0755) 8888-8888'],
      ['Chinese extension 分机', '010-12345678 分机 123'],
      ['Chinese extension 转', '0755-88888888转8001'],
      ['full-width parentheses and digits', '（０７５５）８８８８－８８８８'],
      ['a short service number', '95588'],
      ['surrounding spaces', ' 555 2222 '],
    ];
    for (const [behaviour, value] of accepted) {
      it(`${behaviour}: ${value}`, () => expect(validate(value), JSON.stringify(validate.errors)).to.equal(true));
    }
  });

  describe('refuses what is not a phone number', () => {
    const refused: [string, string][] = [
      ['words', 'call me'],
      ['two digits', '12'],
      ['signs without digits', '+-+-'],
      ['letters among digits', '555-CALL-NOW'],
      ['an e-mail address', 'ann@example.com'],
      ['a plus in the middle', '555+2222'],
      ['an unclosed parenthesis', '(171 555-2222'],
      ['letters in parentheses', '(abc) 555-2222'],
      ['an extension without digits', '555-2222 x'],
      ['an empty string', ''],
      ['only spaces', '   '],
      ['longer than 40 characters', '1'.repeat(41)],
    ];
    for (const [behaviour, value] of refused) {
      it(`${behaviour}: ${JSON.stringify(value)}`, () => expect(validate(value)).to.equal(false));
    }
  });

  it('explains the accepted forms when it refuses one', () => {
    validate('call me');
    const [detail] = readableErrors(validate.errors ?? [], { unknownProperty: 'is not a field' });
    expect(String(detail!.message)).to.contain('(206) 555-9857').and.to.contain('x123');
  });

  describe('stored form', () => {
    const cases: [string, string, string][] = [
      ['keeps the separators as written', '(171) 555-2222', '(171) 555-2222'],
      ['trims surrounding spaces', ' 138 0013 8000 ', '138 0013 8000'],
      ['turns full-width forms into ASCII', '（０７５５）８８８８－８８８８', '(0755)8888-8888'],
      ['turns an ideographic space into a space', '010-12345678\u3000分机 123', '010-12345678 分机 123'],
    ];
    for (const [behaviour, value, stored] of cases) {
      it(behaviour, () => expect(type.normalize?.(value, field)).to.equal(stored));
    }
  });
});
