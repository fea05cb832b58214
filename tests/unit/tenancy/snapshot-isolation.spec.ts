import { expect } from 'chai';
import { addField, createObject } from '../../../engine/setup/operations/index.js';
import { createRecord } from '../../../engine/records/index.js';
import { BUILT_IN_ADMIN, DEFAULT_TENANT, operationContext } from '../../../engine/tenancy/index.js';
import { startTestEngine, type TestEngine } from '../../support/test-engine.js';

describe('snapshot isolation of operations', () => {
  let engine: TestEngine;
  before(async () => {
    engine = await startTestEngine();
  });
  after(() => engine.stop());

  it('lets an operation that started before a metadata change finish on the metadata it started with', async () => {
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    await createObject(operationContext(tenant, BUILT_IN_ADMIN), { name: 'lead', fields: [{ name: 'name', type: 'text' }] });

    const startedBefore = operationContext(tenant, BUILT_IN_ADMIN);
    await addField(operationContext(tenant, BUILT_IN_ADMIN), 'lead', { name: 'company', type: 'text', required: true });
    const startedAfter = operationContext(tenant, BUILT_IN_ADMIN);

    expect(startedAfter.snapshot.version).to.equal(startedBefore.snapshot.version + 1);
    // The old snapshot does not know 'company', so its create neither requires nor accepts it.
    const record = await createRecord(startedBefore, 'lead', { name: 'Ada' });
    expect(record).to.not.have.property('company');
    await createRecord(startedBefore, 'lead', { name: 'Ada', company: 'X' }).then(
      () => expect.fail('the old snapshot accepted a field it does not have'),
      (error: { status: number }) => expect(error.status).to.equal(400),
    );
    // The new snapshot requires it.
    await createRecord(startedAfter, 'lead', { name: 'Bob' }).then(
      () => expect.fail('the new snapshot did not require the new field'),
      (error: { status: number }) => expect(error.status).to.equal(400),
    );
    expect(await createRecord(startedAfter, 'lead', { name: 'Bob', company: 'Y' })).to.include({ company: 'Y' });
  });

  it('swaps the snapshot in one step: a reader sees the old or the new version, never a mix', async () => {
    const tenant = await engine.platform.tenant(DEFAULT_TENANT);
    const before = tenant.metadata.snapshot;
    const change = addField(operationContext(tenant, BUILT_IN_ADMIN), 'lead', { name: 'phone', type: 'phone' });
    expect(tenant.metadata.snapshot).to.equal(before);
    await change;
    const after = tenant.metadata.snapshot;
    expect(after).to.not.equal(before);
    expect(before.object('lead')!.field('phone')).to.equal(undefined);
    expect(after.object('lead')!.field('phone')).to.not.equal(undefined);
  });
});
