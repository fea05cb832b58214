import { recordCollection } from '../metadata/compiled-object.js';
import { getSetupDefinition } from '../setup/operations/index.js';
import { alive } from '../metadata/record-shape/record-state.js';
import type { OperationContext } from '../context/index.js';
import { APPROVAL_VERSIONS, versionIdOf, type VersionDoc } from './process-versions.js';

export interface ProcessVersionSummary {
  version: number;
  /** When the first record was submitted under it: a version is stored then, not when it is saved. */
  createdAt: string;
  /** Whether it is the definition saved now. */
  current: boolean;
  /** Records waiting in it now; they finish on this version whatever changes after. */
  running: number;
}

export interface ProcessVersionList {
  process: string;
  versions: ProcessVersionSummary[];
  /** Whether the saved definition has run yet: until a record is submitted under it, it has no number. */
  currentStored: boolean;
  /** Records in approval under any version. */
  running: number;
}

/**
 * Each version of a process that ever ran, newest first, with the records still waiting in it: what
 * an admin weighs before changing or deactivating a process. Counted through the records' sparse
 * `_workflow` index, which holds only records that went through approval.
 */
export async function listProcessVersions(ctx: OperationContext, name: string): Promise<ProcessVersionList> {
  getSetupDefinition(ctx, 'approvalProcess', name);
  const compiled = ctx.snapshot.approvalProcesses.get(name);
  const currentId = compiled ? versionIdOf(compiled) : undefined;
  const store = ctx.tenant.store;
  const stored = await store.collection<VersionDoc>(APPROVAL_VERSIONS).find({ name }, { sort: { version: -1 } });
  const versions = await Promise.all(
    stored.map(async (doc) => ({
      version: doc.version,
      createdAt: doc.createdAt,
      current: doc._id === currentId,
      // A record in the recycle bin waits for nobody: it is not counted.
      running: await store.collection(recordCollection(doc.definition.object)).count(alive({ '_workflow.status': 'pending', '_workflow.process': name, '_workflow.version': doc.version })),
    })),
  );
  return { process: name, versions, currentStored: versions.some((version) => version.current), running: versions.reduce((sum, version) => sum + version.running, 0) };
}
