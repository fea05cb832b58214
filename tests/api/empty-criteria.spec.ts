import { expect } from 'chai';
import { META_DEFINITIONS, META_STATE, METADATA_VERSION_ID, definitionId } from '../../engine/metadata/metadata-collections.js';
import { DEFAULT_TENANT } from '../../engine/tenancy/index.js';
import { createRecord, defineObject, detailPaths, expectError, listPath, metadataVersion } from '../support/api-helpers.js';
import { captureConsoleErrors } from '../support/console-capture.js';
import { buildOrg, defaultTenant, type Org } from '../support/permission-fixtures.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

const RULES = '/api/v1/meta/sharing-rules';
const rule = (name: string, criteria: unknown) => ({ name, object: 'opportunity', criteria, sharedWith: { role: 'sales_rep' }, access: 'read' });

/** Criteria that say nothing would open or count every record: refused when saved, inert when stored. */
describe('empty criteria in sharing rules and roll-up filters', () => {
  let engine: TestEngine;
  let org: Org;

  /** The names of the opportunities Rita may list. */
  const ritaSees = async (): Promise<string[]> => {
    const response = await org.as('rita')('GET', listPath('opportunity', { sort: 'name', limit: 200 }));
    expect(response.status, JSON.stringify(response.body)).to.equal(200);
    return response.body.records.map((record: { name: string }) => record.name);
  };

  /** Writes a definition straight into the store, as metadata saved before the checks would be, and reloads it. */
  const storeDirectly = async (kind: string, name: string, change: (definition: Record<string, any>) => void): Promise<string[]> => {
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    const definitions = tenant.store.collection(META_DEFINITIONS);
    const doc = (await definitions.findOne({ _id: definitionId(kind, name) }))!;
    const definition = structuredClone(doc.definition) as Record<string, any>;
    change(definition);
    await definitions.updateOne({ _id: doc._id }, { $set: { definition } });
    await tenant.store.collection(META_STATE).updateOne({ _id: METADATA_VERSION_ID }, { $inc: { version: 1 } });
    const errors = captureConsoleErrors();
    try {
      await tenant.metadata.refresh();
    } finally {
      errors.restore();
    }
    return errors.lines;
  };

  before(async () => {
    engine = await startTestEngine();
    org = await buildOrg(engine, defaultTenant(engine));
  });
  after(() => engine.stop());

  describe('refuses a sharing rule whose criteria are empty anywhere, with 400 at the path, and changes nothing', () => {
    const cases: [string, unknown, string[]][] = [
      ['an empty object', {}, ['/criteria']],
      ['an empty condition inside and', { and: [{}] }, ['/criteria/and/0']],
      ['an empty condition beside a real one inside or', { or: [{ stage: 'won' }, {}] }, ['/criteria/or/1']],
      ['an empty and', { and: [] }, ['/criteria/and']],
      ['a field without an operator', { amount: {} }, ['/criteria/amount']],
      ['nested empties', { and: [{ or: [{}] }] }, ['/criteria/and/0/or/0']],
    ];
    for (const [what, criteria, paths] of cases) {
      it(what, async () => {
        const version = await metadataVersion(engine);
        const response = await engine.request('POST', RULES, rule('nothing_said', criteria));
        expectError(response, 400, 'validation_failed');
        expect(detailPaths(response)).to.deep.equal(paths);
        if (paths[0] !== '/criteria/and') expect(response.body.error.details[0].message).to.contain('"all"');
        expect(await metadataVersion(engine)).to.equal(version);
      });
    }
  });

  it('shares every record only when the rule says "all"', async () => {
    const before = await ritaSees();
    expect(before).to.not.include(org.nameOf('opp_mona'));
    const created = await engine.request('POST', RULES, rule('every_deal_to_reps', 'all'));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(await ritaSees()).to.include.members([org.nameOf('opp_mona'), org.nameOf('opp_rob'), org.nameOf('opp_admin')]);
    expect((await engine.request('DELETE', `${RULES}/every_deal_to_reps`)).status).to.equal(200);
    expect(await ritaSees()).to.deep.equal(before);
  });

  it('opens nothing through a stored rule whose criteria became empty, and logs it when the metadata loads', async () => {
    const created = await engine.request('POST', RULES, rule('won_deals_to_reps', { stage: 'won' }));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect(await ritaSees()).to.include(org.nameOf('opp_rob'));
    const logged = await storeDirectly('sharingRule', 'won_deals_to_reps', (definition) => (definition.criteria = { and: [{}] }));
    expect(logged.join('\n')).to.contain('sharingRule:won_deals_to_reps').and.to.contain('/criteria/and/0');
    const seen = await ritaSees();
    expect(seen).to.not.include.members([org.nameOf('opp_rob'), org.nameOf('opp_mona'), org.nameOf('opp_admin')]);
    expect(seen).to.include(org.nameOf('opp_rita_small'));
  });

  describe('roll-up filters', () => {
    before(async () => {
      await defineObject(engine, { name: 'po', fields: [{ name: 'name', type: 'text' }] });
      await defineObject(engine, {
        name: 'po_line',
        fields: [
          { name: 'po', type: 'masterdetail', target: 'po' },
          { name: 'status', type: 'picklist', values: ['open', 'closed'] },
          { name: 'quantity', type: 'number' },
        ],
      });
    });

    const withRollup = (filter: unknown) => ({
      name: 'po',
      fields: [{ name: 'name', type: 'text' }, { name: 'open_lines', type: 'rollup', child: 'po_line', function: 'count', filter }],
    });

    const refusals: [string, unknown, string[]][] = [
      ['an empty filter', {}, ['/fields/1/filter']],
      ['an empty condition inside and', { and: [{}] }, ['/fields/1/filter/and/0']],
      ['a field without an operator', { status: {} }, ['/fields/1/filter/status']],
      ['a field the detail does not have', { nope: 'open' }, ['/fields/1/filter/nope']],
      ['a value the field does not allow', { status: 'lost' }, ['/fields/1/filter/status']],
    ];
    for (const [what, filter, paths] of refusals) {
      it(`refuses ${what} when the roll-up is saved`, async () => {
        const response = await engine.request('PUT', '/api/v1/meta/objects/po', withRollup(filter));
        expectError(response, 400, 'validation_failed');
        expect(detailPaths(response)).to.deep.equal(paths);
      });
    }

    it('counts no detail through a stored filter that became empty, logs it, and keeps the object working', async () => {
      const saved = await engine.request('PUT', '/api/v1/meta/objects/po', withRollup({ status: 'open' }));
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
      const po = await createRecord(engine, 'po', { name: 'PO 1' });
      await createRecord(engine, 'po_line', { po: po._id, status: 'open', quantity: 1 });
      await createRecord(engine, 'po_line', { po: po._id, status: 'closed', quantity: 1 });
      expect((await engine.request('GET', `/api/v1/records/po/${po._id}`)).body.open_lines).to.equal(1);

      const index = (definition: Record<string, any>) => definition.fields.findIndex((field: { name: string }) => field.name === 'open_lines');
      await storeDirectly('object', 'po', (definition) => (definition.fields[index(definition)].filter = {}));
      const errors = captureConsoleErrors();
      try {
        await createRecord(engine, 'po_line', { po: po._id, status: 'open', quantity: 1 });
        const other = await createRecord(engine, 'po', { name: 'PO 2' });
        await createRecord(engine, 'po_line', { po: other._id, status: 'closed', quantity: 1 });
        // Not every detail: a master whose details change is recounted, and the filter counts none.
        expect((await engine.request('GET', `/api/v1/records/po/${other._id}`)).body.open_lines).to.equal(0);
        expect((await engine.request('GET', `/api/v1/records/po/${po._id}`)).body.open_lines).to.equal(0);
      } finally {
        errors.restore();
      }
      expect(errors.lines.join('\n')).to.contain('roll-up po.open_lines').and.to.contain('counts no po_line');
      // Another change to the tenant's metadata is not blocked by the stored problem.
      await defineObject(engine, { name: 'unrelated', fields: [{ name: 'name', type: 'text' }] });
    });
  });
});
