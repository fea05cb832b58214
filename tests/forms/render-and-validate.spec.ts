import type { RJSFSchema, RJSFValidationError, UiSchema, ValidatorType } from '@rjsf/utils';
import { getDefaultFormState } from '@rjsf/utils';
import validatorAjv8 from '@rjsf/validator-ajv8';
import { expect } from 'chai';
import { createFormValidator } from '../../engine/forms/form-validator.js';
import type { FormDefinition, FormValues } from '../../engine/forms/index.js';
import { createRecord } from '../support/api-helpers.js';
import { ENTRY_LAYOUT, defineFormFixtures } from '../support/form-fixtures.js';
import { renderForm } from '../support/form-rendering.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/** Error paths of rjsf's validation as JSON Pointers: `.amount`, `amount` and `.channels.1` become `/amount`, `/channels/1`. */
function clientPaths(errors: readonly RJSFValidationError[]): string[] {
  const paths = errors.map((error) => {
    const segments = (error.property ?? '').split('.').filter(Boolean);
    // rjsf leaves an unknown property's name in the params, at the path of the object holding it
    if (error.name === 'additionalProperties') segments.push(String(error.params.additionalProperty));
    return `/${segments.join('/')}`;
  });
  return [...new Set(paths)].sort();
}

/**
 * What a new form starts with: the defaults rjsf fills in. The values a case types go over them,
 * as a user's would; rjsf's own merge would also swap an invalid choice for the default, which a
 * user cannot type into a select anyway, but which a case must keep to be tested.
 */
function formDefaults(validator: ValidatorType<FormValues, RJSFSchema>, schema: RJSFSchema): FormValues {
  const defaults = getDefaultFormState<FormValues, RJSFSchema>(validator, schema, {});
  return Array.isArray(defaults) ? {} : (defaults ?? {});
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('generated forms rendered with @rjsf and validated like the server', () => {
  let engine: TestEngine;
  let validator: ValidatorType<FormValues, RJSFSchema>;
  let ids: { department: string; supplier: string };

  before(async () => {
    engine = await startTestEngine();
    await defineFormFixtures(engine);
    const layout = await engine.request('POST', '/api/v1/meta/layouts', ENTRY_LAYOUT);
    expect(layout.status, JSON.stringify(layout.body)).to.equal(201);
    ids = {
      department: (await createRecord(engine, 'department', { title: 'Purchasing' }))._id,
      supplier: (await createRecord(engine, 'supplier', { company: 'Acme' }))._id,
    };
    validator = createFormValidator();
  });
  after(async () => {
    await engine.stop();
  });

  const fetchForm = async (query = ''): Promise<FormDefinition> => {
    const response = await engine.request('GET', `/api/v1/forms/purchase_request${query}`);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body as FormDefinition;
  };

  describe('rendering with react-dom/server', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      it(`renders one input per field, labelled in ${language}, inside the layout's sections`, async () => {
        const form = await fetchForm(`?lang=${language}`);
        const html = renderForm(form, validator);
        const order = form.uiSchema['ui:order'];
        expect(order).to.have.length(20);
        for (const name of order) {
          const title = String(form.schema.properties[name]!.title);
          expect(count(html, `id="root_${name}"`), `one element for ${name}`).to.equal(1);
          const label = name === 'urgent' ? `<span>${title}</span>` : `for="root_${name}">${title}`;
          expect(html, `label of ${name}`).to.contain(label);
        }
        const sections = html.split('<fieldset class="form-section').slice(1);
        expect(sections).to.have.length(2);
        form.uiSchema['ui:options'].sections.forEach((section, index) => {
          expect(sections[index]).to.contain(`<legend>${section.title}</legend>`);
          expect(sections[index]).to.contain(` columns-${section.columns}"`);
          expect(sections[index]).to.contain(`data-collapsed="${section.collapsed}"`);
          for (const name of section.fields) expect(sections[index], `${name} in section ${index}`).to.contain(`id="root_${name}"`);
        });
      });
    }

    it('renders the picklist as a select with its active choices in the language, the default chosen', async () => {
      const html = renderForm(await fetchForm('?lang=zh-CN'), validator);
      const select = /<select id="root_priority"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? '';
      const options = [...select.matchAll(/<option value="\d+"( selected="")?>([^<]*)<\/option>/g)].map((match) => [match[2], Boolean(match[1])]);
      expect(options).to.deep.equal([
        ['低', false],
        ['普通', true],
        ['高', false],
      ]);
      expect([...html.matchAll(/id="root_channels-\d"[^>]*\/><span>([^<]*)<\/span>/g)].map((match) => match[1])).to.deep.equal(['邮寄', '电话', '网站']);
    });

    it('renders long text and JSON as textareas, the lookup as the search widget, required marks, help texts and read-only inputs', async () => {
      const html = renderForm(await fetchForm(), validator);
      expect(html).to.match(/<textarea id="root_description"/);
      expect(html).to.match(/<textarea id="root_extra"[^>]*data-json="true"/);
      expect(html).to.match(/<input id="root_supplier" type="search" class="lookup" data-target="supplier"/);
      expect(html).to.match(/<input id="root_department" type="search" class="lookup" data-target="department"/);
      expect(html).to.match(/<input id="root_needed_by"[^>]*type="date"/);
      expect(html).to.match(/<input id="root_approved_at"[^>]*type="datetime-local"/);
      expect(html).to.match(/<input id="root_contact_email"[^>]*type="email"/);
      expect(html).to.match(/<input id="root_contact_phone"[^>]*type="tel"/);
      expect(html).to.match(/<input id="root_website"[^>]*type="url"/);
      expect(html).to.match(/<input type="checkbox" id="root_urgent"/);
      for (const name of ['title', 'amount', 'department']) expect(html).to.match(new RegExp(`for="root_${name}">[^<]+<span class="required">\\*</span>`));
      expect(html).to.contain('class="field-description">What is bought, in a few words.</div>');
      for (const name of ['number', 'line_total', 'line_count', 'discount']) {
        expect(html, name).to.match(new RegExp(`<input id="root_${name}"[^>]*readOnly=""`));
      }
      expect(html).not.to.match(/<input id="root_quantity"[^>]*readOnly=""/);
    });
  });

  describe('the form refuses exactly what the server refuses, at the same paths', () => {
    /** Valid values of every field the form lets a user type (read-only ones come from defaults). */
    const valid = (): FormValues => ({
      title: 'Laptops',
      description: 'Twelve laptops for the new team.',
      quantity: 12,
      amount: 1299.99,
      budget: 20000,
      needed_by: '2025-12-31',
      approved_at: '2025-12-01T09:30:00Z',
      urgent: true,
      priority: 'high',
      channels: ['mail', 'web'],
      contact_email: 'buyer@example.com',
      contact_phone: '+86 10 1234 5678',
      website: 'https://example.com/quote',
      supplier: ids.supplier,
      department: ids.department,
      extra: { cost_center: 'IT-7' },
    });
    const minimal = (): FormValues => ({ title: 'Chairs', amount: 80, department: ids.department });
    const omit = (values: FormValues, ...names: string[]): FormValues =>
      Object.fromEntries(Object.entries(values).filter(([name]) => !names.includes(name)));

    const cases: { name: string; data: () => FormValues; paths: string[] }[] = [
      { name: 'every field valid', data: valid, paths: [] },
      { name: 'only the required fields, the picklist default filled in', data: minimal, paths: [] },
      { name: 'wrong types', data: () => ({ ...valid(), title: 42, quantity: 'three', urgent: 'yes', channels: 'mail' }), paths: ['/channels', '/quantity', '/title', '/urgent'] },
      { name: 'too long texts', data: () => ({ ...valid(), title: 'x'.repeat(21), description: 'y'.repeat(201) }), paths: ['/description', '/title'] },
      { name: 'a bad e-mail address', data: () => ({ ...valid(), contact_email: 'buyer(at)example.com' }), paths: ['/contact_email'] },
      { name: 'a picklist value not allowed', data: () => ({ ...valid(), priority: 'urgent' }), paths: ['/priority'] },
      { name: 'an inactive picklist value', data: () => ({ ...valid(), priority: 'legacy' }), paths: ['/priority'] },
      { name: 'a multi-select choice not allowed', data: () => ({ ...valid(), channels: ['mail', 'fax'] }), paths: ['/channels/1'] },
      { name: 'too many or repeated choices', data: () => ({ ...valid(), channels: ['mail', 'mail', 'web'] }), paths: ['/channels'] },
      { name: 'missing required fields', data: () => omit(valid(), 'title', 'department'), paths: ['/department', '/title'] },
      { name: 'numbers over their maximum and under their minimum', data: () => ({ ...valid(), quantity: 1001, amount: 100000.01, budget: -1e19 }), paths: ['/amount', '/budget', '/quantity'] },
      { name: 'an impossible date', data: () => ({ ...valid(), needed_by: '2025-02-30' }), paths: ['/needed_by'] },
      { name: 'a date-time without a time zone', data: () => ({ ...valid(), approved_at: '2025-12-01T09:30:00' }), paths: ['/approved_at'] },
      { name: 'a javascript: URL and a phone number with letters', data: () => ({ ...valid(), website: 'javascript:alert(1)', contact_phone: 'call me' }), paths: ['/contact_phone', '/website'] },
      { name: 'a lookup that is not a record id', data: () => ({ ...valid(), supplier: 'Acme' }), paths: ['/supplier'] },
      { name: 'JSON that is neither object nor array', data: () => ({ ...valid(), extra: 'cost center IT-7' }), paths: ['/extra'] },
      { name: 'a field the object does not have', data: () => ({ ...valid(), colour: 'red' }), paths: ['/colour'] },
    ];

    for (const { name, data, paths } of cases) {
      it(`${paths.length === 0 ? 'accepts' : 'refuses'} ${name}${paths.length === 0 ? '' : ` (${paths.join(', ')})`}`, async () => {
        const form = await fetchForm();
        const schema = form.schema as unknown as RJSFSchema;
        const formData = { ...formDefaults(validator, schema), ...data() };
        const client = validator.validateFormData(formData, schema, undefined, undefined, form.uiSchema as unknown as UiSchema<FormValues, RJSFSchema>);

        const response = await engine.request('POST', '/api/v1/records/purchase_request', formData);
        const serverPaths =
          response.status === 201 ? [] : [...new Set((response.body.error.details as { path: string }[]).map((detail) => detail.path))].sort();
        expect(response.status, JSON.stringify(response.body)).to.equal(paths.length === 0 ? 201 : 400);

        expect(clientPaths(client.errors), 'the form').to.deep.equal(paths);
        expect(serverPaths, 'the server').to.deep.equal(paths);
      });
    }

    it('validates formats as the server does, where the stock rjsf validator would not', async () => {
      const schema = (await fetchForm()).schema as unknown as RJSFSchema;
      const data = { ...minimal(), approved_at: '2025-12-01T09:30:00' };
      expect(validatorAjv8.validateFormData(data, schema).errors, 'ajv-formats 2 in @rjsf/validator-ajv8 accepts no time zone').to.deep.equal([]);
      expect(clientPaths(validator.validateFormData(data, schema).errors)).to.deep.equal(['/approved_at']);
    });

    describe('what only one side can know', () => {
      it("a field only the layout requires: the form refuses it, the server (which the layout does not bind) accepts it", async () => {
        const schema = (await fetchForm()).schema as unknown as RJSFSchema;
        const data = omit(minimal(), 'amount');
        expect(clientPaths(validator.validateFormData(data, schema).errors)).to.deep.equal(['/amount']);
        expect((await engine.request('POST', '/api/v1/records/purchase_request', data)).status).to.equal(201);
      });

      it('a lookup to a record that does not exist: the form cannot know, the server refuses it', async () => {
        const schema = (await fetchForm()).schema as unknown as RJSFSchema;
        const data = { ...minimal(), supplier: 'ffffffffffffffffffffffff' };
        expect(validator.validateFormData(data, schema).errors).to.deep.equal([]);
        const response = await engine.request('POST', '/api/v1/records/purchase_request', data);
        expect(response.status).to.equal(400);
        expect(response.body.error.details.map((detail: { path: string }) => detail.path)).to.deep.equal(['/supplier']);
      });

      it('a value for a computed field: read only in the form (an annotation ajv does not check), refused by the server', async () => {
        const schema = (await fetchForm()).schema as unknown as RJSFSchema;
        const data = { ...minimal(), number: 'PR-9999' };
        expect(validator.validateFormData(data, schema).errors).to.deep.equal([]);
        expect((await engine.request('POST', '/api/v1/records/purchase_request', data)).status).to.equal(400);
      });
    });
  });
});
