import { expect } from 'chai';
import { defineObject, detailPaths, expectError, metadataVersion } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const LAYOUTS = '/api/v1/meta/layouts';

interface HistoryEntry {
  version: number;
  kind: string;
  name: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A valid layout of purchase_request: two sections, overrides, a related list. */
function requestLayout(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    object: 'purchase_request',
    label: { en: 'Standard', 'zh-CN': '标准' },
    sections: [
      { title: { en: 'Request', 'zh-CN': '申请' }, columns: 2, fields: ['title', { field: 'amount', required: true }, 'supplier'] },
      { title: { en: 'Details', 'zh-CN': '详情' }, collapsed: true, fields: [{ field: 'notes', readOnly: true }] },
    ],
    relatedLists: [{ object: 'request_line', columns: ['product', 'quantity'], label: { en: 'Lines', 'zh-CN': '明细' } }],
    ...extra,
  };
}

describe('metadata API: layouts', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, { name: 'supplier', fields: [{ name: 'company', type: 'text' }] });
    await defineObject(engine, {
      name: 'purchase_request',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'amount', type: 'currency' },
        { name: 'supplier', type: 'lookup', target: 'supplier' },
        { name: 'notes', type: 'longtext' },
      ],
    });
    await defineObject(engine, {
      name: 'request_line',
      fields: [
        { name: 'request', type: 'masterdetail', target: 'purchase_request' },
        { name: 'product', type: 'text' },
        { name: 'quantity', type: 'number' },
      ],
    });
  });
  after(async () => {
    await engine.stop();
  });

  const layoutNames = async (query = ''): Promise<string[]> => {
    const response = await engine.request('GET', `${LAYOUTS}${query}`);
    expect(response.status).to.equal(200);
    return (response.body.layouts as { name: string }[]).map((layout) => layout.name).sort();
  };

  it('creates, reads, lists by object, replaces and deletes a layout, bumping the version each time', async () => {
    const start = await metadataVersion(engine);
    const definition = requestLayout('request_standard');
    const created = await engine.request('POST', LAYOUTS, definition);
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(created.headers.get('location')).to.equal(`${LAYOUTS}/request_standard`);
    expect(created.body).to.deep.equal({ definition, version: start + 1, etag: created.headers.get('etag') });

    const read = await engine.request('GET', `${LAYOUTS}/request_standard`);
    expect(read.body).to.deep.equal({ definition, version: start + 1, etag: read.headers.get('etag') });

    const other = await engine.request('POST', LAYOUTS, { name: 'supplier_compact', object: 'supplier', sections: [{ fields: ['company'] }] });
    expect(other.status).to.equal(201);
    expect(await layoutNames('?object=purchase_request')).to.deep.equal(['request_standard']);
    expect(await layoutNames('?object=supplier')).to.deep.equal(['supplier_compact']);
    expect(await layoutNames()).to.include.members(['request_standard', 'supplier_compact']);

    const replacement = { name: 'request_standard', object: 'purchase_request', sections: [{ fields: ['notes', 'title'] }] };
    const replaced = await engine.request('PUT', `${LAYOUTS}/request_standard`, replacement);
    expect(replaced.status, JSON.stringify(replaced.body)).to.equal(200);
    expect(replaced.body).to.deep.equal({ definition: replacement, version: start + 3, etag: replaced.headers.get('etag') });
    expect((await engine.request('GET', `${LAYOUTS}/request_standard`)).body.definition).to.deep.equal(replacement);

    const deleted = await engine.request('DELETE', `${LAYOUTS}/request_standard`);
    expect(deleted.status).to.equal(200);
    expect(deleted.body).to.deep.equal({ version: start + 4 });
    expectError(await engine.request('GET', `${LAYOUTS}/request_standard`), 404, 'not_found');
    expect(await layoutNames('?object=purchase_request')).to.deep.equal([]);
    await engine.request('DELETE', `${LAYOUTS}/supplier_compact`);
  });

  it('renames a layout on replace, and refuses a name another layout has', async () => {
    await engine.request('POST', LAYOUTS, requestLayout('request_a'));
    await engine.request('POST', LAYOUTS, requestLayout('request_b'));
    expectError(await engine.request('POST', LAYOUTS, requestLayout('request_a')), 409, 'already_exists');
    expectError(await engine.request('PUT', `${LAYOUTS}/request_a`, requestLayout('request_b')), 409, 'already_exists');

    const renamed = await engine.request('PUT', `${LAYOUTS}/request_a`, requestLayout('request_main'));
    expect(renamed.status, JSON.stringify(renamed.body)).to.equal(200);
    expect(await layoutNames('?object=purchase_request')).to.deep.equal(['request_b', 'request_main']);
    await engine.request('DELETE', `${LAYOUTS}/request_b`);
    await engine.request('DELETE', `${LAYOUTS}/request_main`);
  });

  it('answers 404 for a layout that does not exist, on get, replace and delete', async () => {
    expectError(await engine.request('GET', `${LAYOUTS}/nothing_here`), 404, 'not_found');
    expectError(await engine.request('PUT', `${LAYOUTS}/nothing_here`, requestLayout('nothing_here')), 404, 'not_found');
    expectError(await engine.request('DELETE', `${LAYOUTS}/nothing_here`), 404, 'not_found');
  });

  describe('refuses a layout that does not fit its object, with the paths of the problems', () => {
    const section = (fields: unknown[]) => [{ fields }];
    const cases: { name: string; layout: Record<string, unknown>; paths: string[] }[] = [
      { name: 'an unknown object', layout: { name: 'bad', object: 'invoice', sections: section(['title']) }, paths: ['/object'] },
      {
        name: 'an unknown field',
        layout: { name: 'bad', object: 'purchase_request', sections: section(['title', 'budget_code']) },
        paths: ['/sections/0/fields/1'],
      },
      {
        name: 'a field twice, in two sections',
        layout: { name: 'bad', object: 'purchase_request', sections: [{ fields: ['title'] }, { fields: [{ field: 'title', readOnly: true }] }] },
        paths: ['/sections/1/fields/0'],
      },
      {
        name: 'a related list to an object without a lookup to this one',
        layout: { ...requestLayout('bad'), relatedLists: [{ object: 'supplier' }] },
        paths: ['/relatedLists/0/object'],
      },
      {
        name: 'a related list to an unknown object',
        layout: { ...requestLayout('bad'), relatedLists: [{ object: 'invoice_line' }] },
        paths: ['/relatedLists/0/object'],
      },
      {
        name: 'a related list column the child does not have',
        layout: { ...requestLayout('bad'), relatedLists: [{ object: 'request_line', columns: ['product', 'colour'] }] },
        paths: ['/relatedLists/0/columns/1'],
      },
      {
        name: 'three columns, no fields and an unknown property',
        layout: { name: 'bad', object: 'purchase_request', sections: [{ columns: 3, fields: [] }], colour: 'red' },
        paths: ['/colour', '/sections/0/columns', '/sections/0/fields'],
      },
    ];
    for (const { name, layout, paths } of cases) {
      it(name, async () => {
        const before = await metadataVersion(engine);
        const response = await engine.request('POST', LAYOUTS, layout);
        expectError(response, 400, 'validation_failed');
        expect(detailPaths(response)).to.deep.equal(paths);
        expect(await metadataVersion(engine)).to.equal(before);
        expectError(await engine.request('GET', `${LAYOUTS}/bad`), 404);
      });
    }
  });

  it('allows one default layout per object and refuses a second one with 400', async () => {
    const first = await engine.request('POST', LAYOUTS, requestLayout('request_default', { isDefault: true }));
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    const supplierDefault = await engine.request('POST', LAYOUTS, { name: 'supplier_default', object: 'supplier', isDefault: true, sections: [{ fields: ['company'] }] });
    expect(supplierDefault.status, 'another object has its own default').to.equal(201);

    const before = await metadataVersion(engine);
    const second = await engine.request('POST', LAYOUTS, requestLayout('request_other', { isDefault: true }));
    expect(expectError(second, 400, 'validation_failed')).to.deep.equal([
      { path: '/isDefault', message: "layout 'request_default' is already the default of purchase_request" },
    ]);
    expect(await metadataVersion(engine)).to.equal(before);

    const notDefault = await engine.request('POST', LAYOUTS, requestLayout('request_other'));
    expect(notDefault.status).to.equal(201);
    const flipped = await engine.request('PUT', `${LAYOUTS}/request_other`, requestLayout('request_other', { isDefault: true }));
    expectError(flipped, 400, 'validation_failed');
    for (const name of ['request_default', 'request_other', 'supplier_default']) await engine.request('DELETE', `${LAYOUTS}/${name}`);
  });

  describe('refuses to delete what a layout uses, with 409 metadata_in_use, and changes nothing', () => {
    before(async () => {
      // memo: an object nothing but a layout refers to, so the layout alone is what stops its deletion
      await defineObject(engine, { name: 'memo', fields: [{ name: 'body', type: 'longtext' }] });
      for (const layout of [requestLayout('request_in_use'), { name: 'memo_in_use', object: 'memo', sections: [{ fields: ['body'] }] }]) {
        const created = await engine.request('POST', LAYOUTS, layout);
        expect(created.status, JSON.stringify(created.body)).to.equal(201);
      }
    });
    after(async () => {
      await engine.request('DELETE', `${LAYOUTS}/request_in_use`);
      await engine.request('DELETE', `${LAYOUTS}/memo_in_use`);
    });

    const cases: { name: string; path: string; layout: string; detailPath: string; object: string }[] = [
      { name: 'the object it shows', path: '/api/v1/meta/objects/memo', layout: 'memo_in_use', detailPath: '/object', object: 'memo' },
      {
        name: 'a field on it',
        path: '/api/v1/meta/objects/purchase_request/fields/notes',
        layout: 'request_in_use',
        detailPath: '/sections/1/fields/0',
        object: 'purchase_request',
      },
      {
        name: 'the child object of a related list',
        path: '/api/v1/meta/objects/request_line',
        layout: 'request_in_use',
        detailPath: '/relatedLists/0/object',
        object: 'request_line',
      },
    ];
    for (const { name, path, layout, detailPath, object } of cases) {
      it(name, async () => {
        const before = await metadataVersion(engine);
        const objectBefore = (await engine.request('GET', `/api/v1/meta/objects/${object}`)).body.definition;
        const layoutBefore = (await engine.request('GET', `${LAYOUTS}/${layout}`)).body.definition;

        const response = await engine.request('DELETE', path);
        const details = expectError(response, 409, 'metadata_in_use');
        expect(response.body.error.message).to.contain(`layout ${layout}`);
        expect(details.map((detail) => detail.path)).to.deep.equal([`/layouts/${layout}${detailPath}`]);

        expect(await metadataVersion(engine)).to.equal(before);
        expect((await engine.request('GET', `/api/v1/meta/objects/${object}`)).body.definition).to.deep.equal(objectBefore);
        expect((await engine.request('GET', `${LAYOUTS}/${layout}`)).body.definition).to.deep.equal(layoutBefore);
      });
    }

    it('deletes the object once its layout is gone', async () => {
      expect((await engine.request('DELETE', `${LAYOUTS}/memo_in_use`)).status).to.equal(200);
      expect((await engine.request('DELETE', '/api/v1/meta/objects/memo')).status).to.equal(200);
    });

    it('deletes a field no layout uses', async () => {
      const added = await engine.request('POST', '/api/v1/meta/objects/purchase_request/fields', { name: 'spare', type: 'text' });
      expect(added.status).to.equal(201);
      expect((await engine.request('DELETE', '/api/v1/meta/objects/purchase_request/fields/spare')).status).to.equal(200);
    });
  });

  it('records every layout change in the history, with the definition before and after', async () => {
    const start = await metadataVersion(engine);
    const created = requestLayout('request_history');
    const replaced = { name: 'request_history', object: 'purchase_request', sections: [{ fields: ['title'] }] };
    expect((await engine.request('POST', LAYOUTS, created)).status).to.equal(201);
    expect((await engine.request('PUT', `${LAYOUTS}/request_history`, replaced)).status).to.equal(200);
    expect((await engine.request('DELETE', `${LAYOUTS}/request_history`)).status).to.equal(200);

    const history = await engine.request('GET', '/api/v1/meta/history?limit=3');
    const entries = history.body.entries as HistoryEntry[];
    expect(entries.map((entry) => [entry.version, entry.kind, entry.action, entry.name])).to.deep.equal([
      [start + 3, 'layout', 'layout.delete', 'request_history'],
      [start + 2, 'layout', 'layout.update', 'request_history'],
      [start + 1, 'layout', 'layout.create', 'request_history'],
    ]);
    expect(entries.map((entry) => [entry.before, entry.after])).to.deep.equal([
      [replaced, null],
      [created, replaced],
      [null, created],
    ]);
  });
});
