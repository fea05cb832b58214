import { createHash } from 'node:crypto';
import { ConflictError } from '../errors/index.js';
import type { ApprovalProcessDefinition } from '../schemas/generated/approval-process.js';
import type { Collections, Doc, IndexSpec } from '../store/port.js';
import type { OperationContext } from '../context/index.js';
import { compileProcess } from '../metadata/approval-processes/compile-process.js';
import type { CompiledProcess } from '../metadata/approval-processes/compiled-process.js';
import { msg } from '../i18n/message.js';

export const APPROVAL_VERSIONS = 'approval.versions';
/**
 * A version number is taken by counting the versions stored so far, a read that two units can make
 * alike under snapshot isolation: the unique index lets only one of them store that number (on
 * MongoDB the other meets a write conflict and runs again, counting the one that landed).
 */
export const APPROVAL_VERSION_INDEXES: readonly IndexSpec[] = [
  { name: 'by_name', keys: { name: 1 } },
  { name: 'unique_name_version', keys: { name: 1, version: 1 }, unique: true },
];

export interface VersionDoc extends Doc {
  name: string;
  version: number;
  definition: ApprovalProcessDefinition;
  createdAt: string;
}

const hashes = new WeakMap<CompiledProcess, string>();
/** The id its version would have: the definition's hash, so that an unchanged definition is the same version. */
export function versionIdOf(process: CompiledProcess): string {
  return `${process.name}:${hashOf(process)}`;
}
function hashOf(process: CompiledProcess): string {
  let hash = hashes.get(process);
  if (!hash) {
    hash = createHash('sha256').update(JSON.stringify(process.definition)).digest('hex').slice(0, 32);
    hashes.set(process, hash);
  }
  return hash;
}

/**
 * The version number of a process as it is defined now, stored the first time a record is
 * submitted under it: each distinct definition that ever ran gets the next number, and a record
 * keeps running on the definition of the version it names.
 */
export async function currentVersion(tx: Collections, process: CompiledProcess): Promise<number> {
  const id = versionIdOf(process);
  const versions = tx.collection<VersionDoc>(APPROVAL_VERSIONS);
  const known = await versions.findOne({ _id: id }, { projection: { version: 1 } });
  if (known) return known.version;
  const version = (await versions.count({ name: process.name })) + 1;
  await versions.insertOne({ _id: id, name: process.name, version, definition: process.definition, createdAt: new Date().toISOString() });
  return version;
}

const compiledVersions = new Map<string, CompiledProcess>();
const MAX_KEPT = 200;

/** The process a record runs on: the current definition when it is that version, else the stored one, compiled against today's metadata. */
export async function processAt(ctx: OperationContext, reader: Collections, name: string, version: number): Promise<CompiledProcess> {
  const current = ctx.snapshot.approvalProcesses.get(name);
  const versions = reader.collection<VersionDoc>(APPROVAL_VERSIONS);
  // Most records run on the current definition: its version is found by id, a read without planning.
  if (current && (await versions.findOne({ _id: versionIdOf(current) }, { projection: { version: 1 } }))?.version === version) return current;
  const stored = await versions.findOne({ name, version });
  if (!stored) throw new ConflictError('process_version_missing', msg`Version ${version} of approval process '${name}' is not stored.`);
  const key = `${ctx.tenant.name}:${stored._id}:${ctx.snapshot.version}`;
  let compiled = compiledVersions.get(key);
  if (!compiled) {
    const result = compileProcess(stored.definition, { objects: ctx.snapshot.objects, security: ctx.snapshot.security });
    if (!result.process) {
      throw new ConflictError(
        'process_version_broken',
        msg`Version ${version} of approval process '${name}' no longer fits the metadata (${result.problems[0]?.path}: ${result.problems[0]?.message}); restore what it needs (a field, role or group) to go on.`,
      );
    }
    compiled = result.process;
    if (compiledVersions.size >= MAX_KEPT) compiledVersions.delete(compiledVersions.keys().next().value!);
    compiledVersions.set(key, compiled);
  }
  return compiled;
}
