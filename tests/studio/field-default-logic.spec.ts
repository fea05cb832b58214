import { expect } from 'chai';
import { defaultDefinitionOf, defaultDraftOf } from '../../studio/src/app/setup/fields/field-default';
import { fieldDefinitionOf, fieldDraftOf, fieldErrors, NEW_FIELD } from '../../studio/src/app/setup/fields/field-draft';

describe("web app: a field's default in the field editor", () => {
  it('reads a plain default as a value and a default expression as an expression', () => {
    expect(defaultDraftOf({ default: 'normal' })).to.deep.equal({ defaultMode: 'value', defaultValue: 'normal' });
    expect(defaultDraftOf({ default: false })).to.deep.equal({ defaultMode: 'value', defaultValue: false });
    expect(defaultDraftOf({ defaultExpression: '$today' })).to.deep.equal({ defaultMode: 'expression', defaultExpression: '$today' });
    expect(defaultDraftOf({})).to.deep.equal({ defaultMode: 'none' });
  });

  it("writes the value as the field's type reads it, and a blank one as no default", () => {
    expect(defaultDefinitionOf({ defaultMode: 'value', defaultValue: ' 12.5 ' }, 'number')).to.deep.equal({ default: 12.5 });
    expect(defaultDefinitionOf({ defaultMode: 'value', defaultValue: 7 }, 'currency')).to.deep.equal({ default: 7 });
    expect(defaultDefinitionOf({ defaultMode: 'value', defaultValue: '' }, 'number')).to.deep.equal({});
    expect(defaultDefinitionOf({ defaultMode: 'value', defaultValue: true }, 'boolean')).to.deep.equal({ default: true });
    expect(defaultDefinitionOf({ defaultMode: 'value', defaultValue: ['a', 'b'] }, 'multipicklist')).to.deep.equal({ default: ['a', 'b'] });
    expect(defaultDefinitionOf({ defaultMode: 'value', defaultValue: '2026-12-31' }, 'date')).to.deep.equal({ default: '2026-12-31' });
    // Not a number: sent as typed, so the server's refusal lands on the control in its words.
    expect(defaultDefinitionOf({ defaultMode: 'value', defaultValue: 'ten' }, 'number')).to.deep.equal({ default: 'ten' });
  });

  it('writes an expression trimmed, and neither for a computed field or with no default chosen', () => {
    expect(defaultDefinitionOf({ defaultMode: 'expression', defaultExpression: '  $user ' }, 'lookup')).to.deep.equal({ defaultExpression: '$user' });
    expect(defaultDefinitionOf({ defaultMode: 'expression', defaultExpression: '$today' }, 'formula')).to.deep.equal({});
    expect(defaultDefinitionOf({ defaultMode: 'none', defaultValue: 'x', defaultExpression: '$today' }, 'text')).to.deep.equal({});
  });

  it('keeps a default of a type the controls cannot type (JSON) as it was', () => {
    const field = { name: 'settings', type: 'json', default: { theme: 'dark' } };
    expect(fieldDefinitionOf(fieldDraftOf(field), field)).to.deep.equal(field);
  });

  it('saves a field whole: the properties the form does not show are sent back, unless the type changes', () => {
    const field = { name: 'amount', type: 'currency', scale: 2, rateDate: 'close_date', currencyField: 'currency_code', description: 'From the ERP', default: 0 };
    expect(fieldDefinitionOf(fieldDraftOf(field), field)).to.deep.equal(field);
    const retyped = fieldDefinitionOf({ ...fieldDraftOf(field), type: 'number' }, field);
    expect(retyped).to.deep.equal({ name: 'amount', type: 'number', scale: 2, default: 0 });
  });

  it('puts the server’s problems with the default on its controls', () => {
    const { controls, form } = fieldErrors([
      { path: '/default', message: 'must be a number' },
      { path: '/defaultExpression', message: 'Syntax error' },
    ]);
    expect(controls).to.deep.equal({ defaultValue: ['must be a number'], defaultExpression: ['Syntax error'] });
    expect(form).to.deep.equal([]);
    expect({ ...NEW_FIELD }.defaultMode).to.equal('none');
  });
});
