import { expect } from 'chai';
import { getForm } from '../../engine/forms/index.js';
import { BUILT_IN_ADMIN, DEFAULT_TENANT, operationContext } from '../../engine/tenancy/index.js';
import { expectError, metadataVersion } from '../support/api-helpers.js';
import { ALL_FIELDS, ENTRY_LAYOUT, defineFormFixtures } from '../support/form-fixtures.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const FORMS = '/api/v1/forms';

/** A form as the API returns it; the shapes the assertions read. */
interface Form {
  object: string;
  layout: string | null;
  language: string;
  version: number;
  schema: { type: string; title: string; additionalProperties: boolean; properties: Record<string, Record<string, unknown>>; required?: string[] };
  uiSchema: Record<string, Record<string, unknown>> & {
    'ui:order': string[];
    'ui:options': { sections: { title: string | null; columns: number; collapsed: boolean; fields: string[] }[] };
  };
  relatedLists: { object: string; field: string; columns: string[]; label: string }[];
}

/** The widget and options of every field type, as the English entry form must give them. */
const EXPECTED_FIELD_UI: Record<string, Record<string, unknown> | undefined> = {
  title: undefined,
  description: { 'ui:widget': 'textarea' },
  quantity: { 'ui:options': { step: 1 } },
  amount: { 'ui:options': { currency: 'USD', step: 0.01 } },
  budget: { 'ui:options': { currency: null, step: 1 } },
  discount: { 'ui:options': { step: 0.01 }, 'ui:readonly': true },
  needed_by: { 'ui:widget': 'date' },
  approved_at: { 'ui:widget': 'datetime' },
  urgent: { 'ui:widget': 'checkbox' },
  priority: { 'ui:widget': 'select', 'ui:enumNames': ['Low', 'Normal', 'High'] },
  channels: { 'ui:widget': 'checkboxes', 'ui:enumNames': ['Mail', 'Phone', 'Web'] },
  contact_email: { 'ui:widget': 'email' },
  contact_phone: { 'ui:inputType': 'tel' },
  website: { 'ui:widget': 'uri' },
  supplier: { 'ui:widget': 'lookup', 'ui:options': { target: 'supplier' } },
  department: { 'ui:widget': 'lookup', 'ui:options': { target: 'department' } },
  number: { 'ui:readonly': true },
  extra: { 'ui:field': 'json', 'ui:widget': 'textarea', 'ui:options': { json: true } },
  line_total: { 'ui:options': { currency: null, step: 0.01 }, 'ui:readonly': true },
  line_count: { 'ui:widget': 'text', 'ui:readonly': true },
};

function without(schema: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}

describe('forms API: react-jsonschema-form schemas compiled from objects and layouts', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineFormFixtures(engine);
    const created = await engine.request('POST', '/api/v1/meta/layouts', ENTRY_LAYOUT);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
  });
  after(async () => {
    await engine.stop();
  });

  const form = async (query = '', headers: Record<string, string> = {}, object = 'purchase_request'): Promise<Form & { response: TestResponse }> => {
    const response = await engine.request('GET', `${FORMS}/${object}${query}`, undefined, headers);
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return { ...(response.body as Form), response };
  };

  it('compiles a two-section layout: field order, sections with titles, columns and folding, related lists, metadata version', async () => {
    const entry = await form('?layout=pr_entry');
    expect(entry.object).to.equal('purchase_request');
    expect(entry.layout).to.equal('pr_entry');
    expect(entry.language).to.equal('en');
    expect(entry.version).to.equal(await metadataVersion(engine));
    expect(entry.schema.type).to.equal('object');
    expect(entry.schema.title).to.equal('Purchase request');
    expect(entry.schema.additionalProperties).to.equal(false);

    const order = ENTRY_LAYOUT.sections.flatMap((section) => section.fields.map((field) => (typeof field === 'string' ? field : field.field)));
    expect(order).to.have.members(ALL_FIELDS);
    expect(entry.uiSchema['ui:order']).to.deep.equal(order);
    expect(Object.keys(entry.schema.properties)).to.deep.equal(order);
    expect(entry.uiSchema['ui:options'].sections).to.deep.equal([
      { title: 'Request', columns: 2, collapsed: false, fields: order.slice(0, 11) },
      { title: 'More', columns: 1, collapsed: true, fields: order.slice(11) },
    ]);
    expect(entry.relatedLists).to.deep.equal([{ object: 'request_line', field: 'request', columns: ['product', 'quantity'], label: 'Lines' }]);
  });

  it('gives every field type its widget and options', async () => {
    const entry = await form('?layout=pr_entry');
    for (const name of ALL_FIELDS) {
      expect(entry.uiSchema[name], name).to.deep.equal(EXPECTED_FIELD_UI[name]);
    }
  });

  it("keeps the server's value rules for every writable field: the create schema's property, plus title, help text, read-only and default", async () => {
    const entry = await form('?layout=pr_entry');
    const openapi = await engine.request('GET', '/api/v1/openapi.json');
    const create = openapi.body.components.schemas['purchase_request.create'] as { properties: Record<string, Record<string, unknown>> };
    const writable = Object.keys(create.properties);
    expect(writable).to.have.members(ALL_FIELDS.filter((name) => !['number', 'line_total', 'line_count'].includes(name)));
    for (const name of writable) {
      const formRules = without(entry.schema.properties[name]!, ['title', 'description', 'readOnly', 'default']);
      expect(formRules, name).to.deep.equal(without(create.properties[name]!, ['title', 'description']));
    }
    expect(entry.schema.properties.priority!.enum, 'inactive choices cannot be picked').to.deep.equal(['low', 'normal', 'high']);
    expect(entry.schema.properties.priority!.default).to.equal('normal');
    expect(entry.schema.properties.title!.description).to.equal('What is bought, in a few words.');
  });

  it("requires the object's required fields and the layout's overrides, never a computed field", async () => {
    const entry = await form('?layout=pr_entry');
    expect([...(entry.schema.required ?? [])].sort()).to.deep.equal(['amount', 'department', 'title']);
  });

  it("shows computed fields and the layout's read-only overrides read only, in the schema and the uiSchema", async () => {
    const entry = await form('?layout=pr_entry');
    const readOnly = ALL_FIELDS.filter((name) => entry.schema.properties[name]!.readOnly === true);
    expect(readOnly.sort()).to.deep.equal(['discount', 'line_count', 'line_total', 'number']);
    for (const name of readOnly) expect(entry.uiSchema[name]!['ui:readonly'], name).to.equal(true);
    expect(entry.schema.properties.line_total).to.include({ type: 'number', readOnly: true });
  });

  describe('labels in the requested language', () => {
    const expectChinese = (zh: Form) => {
      expect(zh.language).to.equal('zh-CN');
      expect(zh.schema.title).to.equal('采购申请');
      expect(zh.schema.properties.title).to.include({ title: '标题', description: '采购内容，简短描述。' });
      expect(zh.schema.properties.line_total!.title).to.equal('合计');
      expect(zh.uiSchema.priority!['ui:enumNames']).to.deep.equal(['低', '普通', '高']);
      expect(zh.uiSchema.channels!['ui:enumNames']).to.deep.equal(['邮寄', '电话', '网站']);
      expect(zh.uiSchema['ui:options'].sections.map((section) => section.title)).to.deep.equal(['申请信息', '更多信息']);
      expect(zh.relatedLists[0]!.label).to.equal('明细');
    };

    it('speaks zh-CN with ?lang=zh-CN', async () => {
      const zh = await form('?layout=pr_entry&lang=zh-CN');
      expectChinese(zh);
      expect(zh.response.headers.get('content-language')).to.equal('zh-CN');
    });

    it('speaks zh-CN when Accept-Language prefers it: zh-CN,zh;q=0.9', async () => {
      expectChinese(await form('?layout=pr_entry', { 'accept-language': 'zh-CN,zh;q=0.9' }));
    });

    const headers: [string, 'en' | 'zh-CN' | 'zh-TW'][] = [
      ['zh', 'zh-CN'],
      ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
      ['fr-FR, zh-TW;q=0.7, en;q=0.5', 'zh-TW'],
      ['zh-HK', 'zh-TW'],
      ['de, fr;q=0.8', 'en'],
      ['zh-CN;q=0, en;q=0.1', 'en'],
      ['', 'en'],
    ];
    for (const [header, language] of headers) {
      it(`answers ${language} for Accept-Language '${header}'`, async () => {
        const answer = await form('?layout=pr_entry', header ? { 'accept-language': header } : {});
        expect(answer.language).to.equal(language);
        expect(answer.schema.properties.title!.title).to.equal({ en: 'Title', 'zh-CN': '标题', 'zh-TW': '標題' }[language]);
      });
    }

    it('lets ?lang= win over Accept-Language, and refuses a language it does not speak', async () => {
      expect((await form('?lang=en', { 'accept-language': 'zh-CN' })).language).to.equal('en');
      const refused = await engine.request('GET', `${FORMS}/purchase_request?lang=fr`);
      expect(expectError(refused, 400, 'validation_failed').map((detail) => detail.path)).to.deep.equal(['/lang']);
    });

    it('falls back to English where a label has no Chinese', async () => {
      const zh = await form('?lang=zh-CN', {}, 'department');
      expect(zh.schema.properties.title!.title).to.equal('Title');
    });
  });

  describe('which layout without ?layout', () => {
    it("takes the object's default layout", async () => {
      expect((await form()).layout).to.equal('pr_entry');
    });

    it('takes the first layout by name when none is the default', async () => {
      for (const name of ['supplier_wide', 'supplier_narrow']) {
        const created = await engine.request('POST', '/api/v1/meta/layouts', { name, object: 'supplier', sections: [{ fields: ['company'] }] });
        expect(created.status).to.equal(201);
      }
      expect((await form('', {}, 'supplier')).layout).to.equal('supplier_narrow');
      expect((await form('?layout=supplier_wide', {}, 'supplier')).layout).to.equal('supplier_wide');
      for (const name of ['supplier_wide', 'supplier_narrow']) await engine.request('DELETE', `/api/v1/meta/layouts/${name}`);
    });

    it('compiles the default form of an object without layouts: every field in definition order, one section', async () => {
      const plain = await form('', {}, 'supplier');
      expect(plain.layout).to.equal(null);
      expect(plain.uiSchema['ui:order']).to.deep.equal(['company', 'city']);
      expect(plain.uiSchema['ui:options'].sections).to.deep.equal([{ title: null, columns: 1, collapsed: false, fields: ['company', 'city'] }]);
      expect(plain.schema.required).to.deep.equal(['company']);
      expect(plain.relatedLists).to.deep.equal([]);
    });
  });

  it('follows a metadata change on the next request', async () => {
    const before = await form('?layout=pr_entry');
    const relabel = await engine.request('PATCH', '/api/v1/meta/objects/purchase_request/fields/title', { label: { en: 'Subject', 'zh-CN': '主题' }, maxLength: 30 });
    expect(relabel.status, JSON.stringify(relabel.body)).to.equal(200);
    const narrowed = { ...ENTRY_LAYOUT, sections: [{ title: { en: 'Only' }, fields: ['title', 'department'] }] };
    expect((await engine.request('PUT', '/api/v1/meta/layouts/pr_entry', narrowed)).status).to.equal(200);

    const after = await form('?layout=pr_entry');
    expect(after.version).to.equal(before.version + 2);
    expect(after.schema.properties.title).to.include({ title: 'Subject', maxLength: 30 });
    expect(after.uiSchema['ui:order']).to.deep.equal(['title', 'department']);
    expect(after.uiSchema['ui:options'].sections).to.deep.equal([{ title: 'Only', columns: 1, collapsed: false, fields: ['title', 'department'] }]);
    expect((await form('?layout=pr_entry&lang=zh-CN')).uiSchema['ui:options'].sections[0]!.title, 'zh-CN falls back to en').to.equal('Only');

    await engine.request('PATCH', '/api/v1/meta/objects/purchase_request/fields/title', { label: { en: 'Title', 'zh-CN': '标题' }, maxLength: 20 });
    await engine.request('PUT', '/api/v1/meta/layouts/pr_entry', ENTRY_LAYOUT);
  });

  it('compiles a form once per metadata version, layout and language', async () => {
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    const context = () => operationContext(tenant, BUILT_IN_ADMIN);
    const first = getForm(context(), 'purchase_request', { language: 'en' });
    expect(getForm(context(), 'purchase_request', { layout: 'pr_entry', language: 'en' })).to.equal(first);
    expect(getForm(context(), 'purchase_request', { language: 'zh-CN' })).not.to.equal(first);
    await engine.request('PATCH', '/api/v1/meta/objects/department', { label: { en: 'Department', 'zh-CN': '部门' } });
    expect(getForm(context(), 'purchase_request', { language: 'en' })).not.to.equal(first);
  });

  describe('refusals', () => {
    it('answers 404 for an unknown object', async () => {
      const response = await engine.request('GET', `${FORMS}/invoice`);
      expect(expectError(response, 404, 'not_found')).to.deep.equal([]);
      expect(response.body.error.message).to.contain("'invoice'");
    });

    it('answers 404 for an unknown layout', async () => {
      const response = await engine.request('GET', `${FORMS}/purchase_request?layout=pr_missing`);
      expectError(response, 404, 'not_found');
      expect(response.body.error.message).to.contain("'pr_missing'");
    });

    it('answers 400 for a layout of another object, naming both', async () => {
      const response = await engine.request('GET', `${FORMS}/supplier?layout=pr_entry`);
      const details = expectError(response, 400, 'validation_failed');
      expect(details).to.deep.equal([{ path: '/layout', message: "must name a layout of supplier; 'pr_entry' is a layout of purchase_request" }]);
    });

    it('refuses ?layout= given twice', async () => {
      const response = await engine.request('GET', `${FORMS}/purchase_request?layout=pr_entry&layout=pr_entry`);
      expect(expectError(response, 400, 'validation_failed').map((detail) => detail.path)).to.deep.equal(['/layout']);
    });
  });
});
