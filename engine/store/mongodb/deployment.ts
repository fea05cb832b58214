import type { Document } from 'mongodb';

export type DeploymentKind = 'replicaSet' | 'sharded' | 'standalone';

/**
 * What `hello` says the deployment is: a replica set member reports its set's name (setName), a
 * mongos router says msg: "isdbgrid", a standalone mongod neither. Only the first two have
 * transactions (they need a replica set's oplog).
 */
export function deploymentKind(hello: Document): DeploymentKind {
  if (hello['msg'] === 'isdbgrid') return 'sharded';
  if (typeof hello['setName'] === 'string') return 'replicaSet';
  return 'standalone';
}

/**
 * Whether units of work will be transactions, or why the engine must not start: on a standalone
 * mongod each write of a unit lands on its own, so a failure halfway keeps half a change. That is
 * accepted only when the operator says so (MONGODB_ALLOW_STANDALONE=true: a development machine).
 */
export function transactionalUnits(hello: Document, allowStandalone: boolean): { transactional: boolean } {
  const kind = deploymentKind(hello);
  if (kind !== 'standalone') return { transactional: true };
  if (allowStandalone) return { transactional: false };
  throw new Error(
    'MongoDB runs as a standalone server: units of work would not be atomic there (a failure halfway keeps half of a change). ' +
      'Run it as a replica set (a single node is enough: mongod --replSet rs0, then rs.initiate()), ' +
      'or set MONGODB_ALLOW_STANDALONE=true to start anyway, for development only.',
  );
}
