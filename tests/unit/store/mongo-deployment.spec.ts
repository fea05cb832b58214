import { expect } from 'chai';
import { configFromEnv } from '../../../engine/config.js';
import { deploymentKind, transactionalUnits } from '../../../engine/store/mongodb/deployment.js';

/** `hello` answers as the MongoDB manual documents them, trimmed to the fields that decide. */
const REPLICA_SET_PRIMARY = { isWritablePrimary: true, setName: 'rs0', hosts: ['db1:27017'], ok: 1 };
const REPLICA_SET_SECONDARY = { isWritablePrimary: false, secondary: true, setName: 'rs0', ok: 1 };
const MONGOS = { isWritablePrimary: true, msg: 'isdbgrid', ok: 1 };
const STANDALONE = { isWritablePrimary: true, maxWireVersion: 21, ok: 1 };

describe('the MongoDB adapter decides from hello whether units of work are transactions', () => {
  it('names the deployment: a replica set by its setName, a mongos by msg isdbgrid, else a standalone', () => {
    expect(deploymentKind(REPLICA_SET_PRIMARY)).to.equal('replicaSet');
    expect(deploymentKind(REPLICA_SET_SECONDARY)).to.equal('replicaSet');
    expect(deploymentKind(MONGOS)).to.equal('sharded');
    expect(deploymentKind(STANDALONE)).to.equal('standalone');
  });

  it('runs units as transactions on a replica set or a sharded cluster, whatever the setting', () => {
    for (const hello of [REPLICA_SET_PRIMARY, MONGOS]) {
      expect(transactionalUnits(hello, false)).to.deep.equal({ transactional: true });
      expect(transactionalUnits(hello, true)).to.deep.equal({ transactional: true });
    }
  });

  it('refuses a standalone mongod unless allowed, saying how to fix it', () => {
    expect(() => transactionalUnits(STANDALONE, false)).to.throw(/standalone.*not be atomic[\s\S]*--replSet[\s\S]*MONGODB_ALLOW_STANDALONE=true/);
    expect(transactionalUnits(STANDALONE, true)).to.deep.equal({ transactional: false });
  });

  it('reads MONGODB_ALLOW_STANDALONE as true or false only', () => {
    expect(configFromEnv({}).mongodbAllowStandalone).to.equal(undefined);
    expect(configFromEnv({ MONGODB_ALLOW_STANDALONE: 'false' }).mongodbAllowStandalone).to.equal(undefined);
    expect(configFromEnv({ MONGODB_ALLOW_STANDALONE: 'true' }).mongodbAllowStandalone).to.equal(true);
    expect(() => configFromEnv({ MONGODB_ALLOW_STANDALONE: 'yes' })).to.throw(/MONGODB_ALLOW_STANDALONE must be 'true' or 'false'/);
  });
});
