import { expect } from 'chai';
import { columnState, isAllowed, setCell, setWholeColumn, tidyDependencies } from '../../studio/src/app/setup/fields/dependency-matrix';
import { fieldDefinitionOf, fieldDraftOf, fieldErrors, NEW_FIELD } from '../../studio/src/app/setup/fields/field-draft';
import { withDependentChoices } from '../../studio/src/shared/forms/dependent-choices';

const REGIONS = ['emea', 'apac', 'amer'];
const COUNTRIES = ['de', 'fr', 'jp', 'us'];

describe('web app: dependent picklists and roll-up filters', () => {
  describe('the dependency matrix', () => {
    it('reads the metadata map cell by cell, a controlling value not listed allowing none', () => {
      const dependencies = { emea: ['de', 'fr'], apac: ['jp'] };
      expect(COUNTRIES.filter((country) => isAllowed(dependencies, 'emea', country))).to.deep.equal(['de', 'fr']);
      expect(COUNTRIES.filter((country) => isAllowed(dependencies, 'amer', country))).to.deep.equal([]);
      expect(REGIONS.map((region) => columnState(dependencies, region, COUNTRIES))).to.deep.equal(['some', 'some', 'none']);
    });

    it('writes a ticked cell back in the dependent values’ order, and drops a column emptied by unticking', () => {
      let dependencies = setCell({ emea: ['fr'] }, 'emea', 'de', true, REGIONS, COUNTRIES);
      expect(dependencies).to.deep.equal({ emea: ['de', 'fr'] });
      dependencies = setCell(dependencies, 'amer', 'us', true, REGIONS, COUNTRIES);
      expect(dependencies).to.deep.equal({ emea: ['de', 'fr'], amer: ['us'] });
      expect(setCell(dependencies, 'amer', 'us', false, REGIONS, COUNTRIES)).to.deep.equal({ emea: ['de', 'fr'] });
    });

    it('ticks or clears a whole column with its bulk toggle', () => {
      const all = setWholeColumn({ apac: ['jp'] }, 'emea', true, REGIONS, COUNTRIES);
      expect(all).to.deep.equal({ emea: COUNTRIES, apac: ['jp'] });
      expect(columnState(all, 'emea', COUNTRIES)).to.equal('all');
      expect(setWholeColumn(all, 'emea', false, REGIONS, COUNTRIES)).to.deep.equal({ apac: ['jp'] });
    });

    it('forgets values either field no longer has, so a renamed value is not saved in the map', () => {
      expect(tidyDependencies({ emea: ['de', 'gone'], old: ['fr'] }, REGIONS, COUNTRIES)).to.deep.equal({ emea: ['de'] });
    });
  });

  describe('the picklist saved with its dependency', () => {
    const field = { name: 'country', type: 'picklist', values: ['de', 'fr', 'jp'], controllingField: 'region', dependencies: { emea: ['de', 'fr'], apac: ['jp'] } };

    it('reads the dependency form of the metadata back unchanged', () => {
      expect(fieldDefinitionOf(fieldDraftOf(field))).to.deep.equal(field);
    });

    it('drops from the map a value removed from the list, and an empty map altogether', () => {
      const draft = { ...fieldDraftOf(field), values: fieldDraftOf(field).values.filter((value) => value.value !== 'jp') };
      expect(fieldDefinitionOf(draft)).to.deep.equal({ name: 'country', type: 'picklist', values: ['de', 'fr'], controllingField: 'region', dependencies: { emea: ['de', 'fr'] } });
      expect(fieldDefinitionOf({ ...draft, dependencies: {} })).to.deep.equal({ name: 'country', type: 'picklist', values: ['de', 'fr'], controllingField: 'region' });
    });

    it('sends no map once the controlling field is cleared', () => {
      expect(fieldDefinitionOf({ ...fieldDraftOf(field), controllingField: undefined })).to.deep.equal({ name: 'country', type: 'picklist', values: ['de', 'fr', 'jp'] });
    });

    it("puts the server's problems with the dependency on the controlling field and on the matrix", () => {
      expect(fieldErrors([{ path: '/controllingField', message: 'must name another picklist' }, { path: '/dependencies/emea/0', message: "'xx' is not a value" }])).to.deep.equal({
        controls: { controllingField: ['must name another picklist'], dependencies: ["'xx' is not a value"] },
        form: [],
      });
    });
  });

  describe('the record form', () => {
    const schema = {
      type: 'object' as const,
      properties: { region: { type: 'string' as const, enum: REGIONS }, country: { type: 'string' as const, enum: COUNTRIES }, languages: { type: 'array' as const, items: { type: 'string' as const, enum: ['de', 'en', 'ja'] } } },
    };
    const uiSchema = {
      country: { 'ui:widget': 'select', 'ui:enumNames': ['Germany', 'France', 'Japan', 'United States'], 'ui:options': { controllingField: 'region', dependencies: { emea: ['de', 'fr'], apac: ['jp'] } } },
      languages: { 'ui:widget': 'checkboxes', 'ui:options': { controllingField: 'region', dependencies: { apac: ['ja', 'en'] } } },
    };
    const offered = (values: Record<string, unknown>) => {
      const form = withDependentChoices(schema, uiSchema, values);
      const country = form.schema.properties!.country as { enum: string[] };
      const languages = (form.schema.properties!.languages as { items: { enum: string[] } }).items.enum;
      return { country: country.enum, names: (form.uiSchema.country as { 'ui:enumNames': string[] })['ui:enumNames'], languages };
    };

    it("offers a dependent picklist only the values its controlling field's value allows, with their labels", () => {
      expect(offered({ region: 'emea' })).to.deep.equal({ country: ['de', 'fr'], names: ['Germany', 'France'], languages: [] });
      expect(offered({ region: 'apac' })).to.deep.equal({ country: ['jp'], names: ['Japan'], languages: ['en', 'ja'] });
    });

    it('offers nothing while the controlling field is empty, and keeps a held value that is no longer allowed so the refusal can name it', () => {
      expect(offered({}).country).to.deep.equal([]);
      expect(offered({ region: 'apac', country: 'fr' })).to.deep.include({ country: ['fr', 'jp'], names: ['France', 'Japan'] });
    });

    it('leaves a form without dependent picklists as it is', () => {
      const plain = { type: 'object' as const, properties: { region: { type: 'string' as const, enum: REGIONS } } };
      const form = withDependentChoices(plain, {}, { region: 'emea' });
      expect(form.schema).to.equal(plain);
    });
  });

  describe('the roll-up saved', () => {
    const rollup = { ...NEW_FIELD, labelEn: 'Open quantity', name: 'open_quantity', type: 'rollup' as const, child: 'line', function: 'sum' as const, field: 'quantity' };

    it('writes the complete filter rows in the records API’s filter language, leaving an unfinished row out', () => {
      const filter = { join: 'and' as const, rows: [{ field: 'status', operator: 'eq' as const, value: 'open' }, { field: 'quantity', operator: 'gt' as const, value: undefined }] };
      expect(fieldDefinitionOf({ ...rollup, filter })).to.deep.equal({ name: 'open_quantity', type: 'rollup', label: { en: 'Open quantity' }, child: 'line', function: 'sum', field: 'quantity', filter: { status: { eq: 'open' } } });
      const both = { join: 'or' as const, rows: [filter.rows[0]!, { field: 'quantity', operator: 'gt' as const, value: 5 }] };
      expect(fieldDefinitionOf({ ...rollup, filter: both }).filter).to.deep.equal({ or: [{ status: { eq: 'open' } }, { quantity: { gt: 5 } }] });
    });

    it('sends no filter when no row is complete: every child counts', () => {
      expect(fieldDefinitionOf({ ...rollup, filter: { join: 'and', rows: [{ field: '', operator: 'eq', value: undefined }] } })).to.not.have.property('filter');
    });

    it('reads a stored filter back into rows, and keeps one the rows cannot show as it was written', () => {
      const stored = { name: 'won', type: 'rollup', child: 'line', function: 'count', filter: { status: { in: ['won', 'closed'] } } };
      expect(fieldDraftOf(stored).filter).to.deep.equal({ join: 'and', rows: [{ field: 'status', operator: 'in', value: ['won', 'closed'] }] });
      expect(fieldDefinitionOf(fieldDraftOf(stored))).to.deep.equal(stored);
      const nested = { ...stored, filter: { or: [{ and: [{ status: 'won' }, { quantity: { gt: 1 } }] }, { status: 'closed' }] } };
      expect(fieldDraftOf(nested).filter).to.equal(undefined);
      expect(fieldDefinitionOf(fieldDraftOf(nested))).to.deep.equal(nested);
    });
  });
});
