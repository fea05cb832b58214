import type { ErrorDetail } from '../../../engine/errors/index.js';
import { msg } from '../../../engine/i18n/message.js';
import type { PackKindDeclaration } from '../../../engine/metadata/pack-kinds/index.js';
import type { Snapshot } from '../../../engine/metadata/snapshot.js';

/** An SLA target as the pack's code reads it: the times in minutes, as the case clock counts them. */
export interface SlaTarget {
  readonly name: string;
  readonly object: string;
  readonly priority: string;
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
  /** The role whose first active user takes a breach when the owner has no manager. */
  readonly escalateTo: string;
}

export const SLA_TARGET_KIND = 'slaTarget';

/**
 * SLA targets are metadata an administrator changes (Setup, `/api/v1/meta/sla-targets`), shipped
 * per priority in metadata/sla-targets/: one definition per object and priority value, named
 * after both (case_urgent).
 */
export const slaTargetKind: PackKindDeclaration = {
  label: { en: 'SLA target', 'zh-CN': 'SLA 目标' },
  plural: 'slaTargets',
  objectProperty: 'object',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'object', 'priority', 'firstResponseHours', 'resolutionHours', 'escalateTo'],
    properties: {
      name: { type: 'string' },
      object: { type: 'string', description: 'The object whose records the target times (case).' },
      label: { $ref: 'common.schema.json#/$defs/LocalizedText' },
      priority: { type: 'string', description: "The value of the object's priority field this target applies to." },
      firstResponseHours: { type: 'number', exclusiveMinimum: 0, description: 'How long the first answer to the customer may take.' },
      resolutionHours: { type: 'number', exclusiveMinimum: 0, description: 'How long the case may take to resolve, not counting the time it waits on the customer.' },
      escalateTo: { type: 'string', description: "The role a breach is escalated to when the owner has no manager." },
    },
  },
  check(definition, snapshot) {
    return [...priorityProblems(definition, snapshot), ...roleProblems(definition, snapshot), ...nameProblems(definition)];
  },
  compile: compileSlaTarget,
};

/** A definition's times in minutes, as the case clock counts them. */
export function compileSlaTarget(definition: Readonly<Record<string, unknown>> & { name: string }): SlaTarget {
  return {
    name: definition.name,
    object: definition.object as string,
    priority: definition.priority as string,
    firstResponseMinutes: (definition.firstResponseHours as number) * 60,
    resolutionMinutes: (definition.resolutionHours as number) * 60,
    escalateTo: definition.escalateTo as string,
  };
}

type Definition = Parameters<NonNullable<PackKindDeclaration['check']>>[0];
type Problem = ErrorDetail;

function priorityProblems(definition: Definition, snapshot: Snapshot): Problem[] {
  const field = snapshot.object(definition.object as string)?.field('priority');
  if (!field || field.type !== 'picklist') return [{ path: '/object', message: msg`${String(definition.object)} has no priority picklist for an SLA target to time` }];
  return field.values.map((value) => value.value).includes(definition.priority as string) ? [] : [{ path: '/priority', message: msg`'${String(definition.priority)}' is not a priority of ${String(definition.object)}` }];
}

function roleProblems(definition: Definition, snapshot: Snapshot): Problem[] {
  return snapshot.security.roles.has(definition.escalateTo as string) ? [] : [{ path: '/escalateTo', message: msg`no role named '${String(definition.escalateTo)}' takes the escalations` }];
}

/** Named after its object and priority (case_urgent), so that names, unique per kind, keep one target per priority. */
function nameProblems(definition: Definition): Problem[] {
  const expected = `${String(definition.object)}_${String(definition.priority)}`;
  return definition.name === expected ? [] : [{ path: '/name', message: msg`an SLA target of this priority is named '${expected}'` }];
}

/** The target of a record's priority in the snapshot its write runs on. */
export function slaTargetFor(snapshot: Snapshot, object: string, priority: unknown): SlaTarget | undefined {
  return snapshot.packKinds.compiled(SLA_TARGET_KIND, `${object}_${String(priority)}`) as SlaTarget | undefined;
}
