import { appKind } from './app/kind.js';
import { approvalProcessKind } from './approval-process/kind.js';
import { assignmentRuleKind } from './assignment-rule/kind.js';
import { automationRuleKind } from './automation-rule/kind.js';
import { currencyKind } from './currency/kind.js';
import { dashboardKind } from './dashboard/kind.js';
import { groupKind } from './group/kind.js';
import { VERBS, type KindApi, type KindDescription, type Verb } from './kind-description.js';
import { layoutKind } from './layout/kind.js';
import { listViewKind } from './list-view/kind.js';
import { objectKind } from './object/kind.js';
import { permissionSetKind } from './permission-set/kind.js';
import { printTemplateKind } from './print-template/kind.js';
import { reportKind } from './report/kind.js';
import { roleKind } from './role/kind.js';
import { sharingRuleKind } from './sharing-rule/kind.js';
import { webhookKind } from './webhook/kind.js';

export { VERBS, type KindApi, type KindApiDocs, type KindDescription, type KindSchema, type OfObject, type Verb } from './kind-description.js';

/**
 * The kinds of metadata, objects first, then what builds on them: the one list the snapshot, the
 * registry and its history, the metadata API and its OpenAPI document, packs (their folders and the
 * order plans list items in) and the core metadata read. Adding a kind is adding its folder with
 * its `kind.ts` and one line here; the types below follow.
 */
export const KINDS = [
  objectKind,
  layoutKind,
  currencyKind,
  roleKind,
  groupKind,
  permissionSetKind,
  sharingRuleKind,
  listViewKind,
  automationRuleKind,
  assignmentRuleKind,
  approvalProcessKind,
  appKind,
  printTemplateKind,
  reportKind,
  dashboardKind,
  webhookKind,
] as const;

type Entry = (typeof KINDS)[number];

/** A kind's name: permissionSet. */
export type MetadataKind = Entry['kind'];

/** The type of each kind's definitions, generated from its schema. */
export type DefinitionOf = { [E in Entry as E['kind']]: NonNullable<ReturnType<E['find']>> };

export type AnyDefinition = DefinitionOf[MetadataKind];

/** The kinds served by the generic CRUD of /api/v1/meta (all but objects and currencies, which have operations of their own). */
export type StandaloneKind = Extract<Entry, { readonly api: KindApi }>['kind'];

/** A change as the history names it: `permissionSet.update`; a field's change is a change of its object, named apart. */
export type MetadataAction = { [E in Entry as E['kind']]: `${E['kind']}.${E['verbs'][number]}` }[MetadataKind] | `field.${Verb}`;

export const METADATA_KINDS: readonly MetadataKind[] = KINDS.map((entry) => entry.kind);

const BY_NAME: ReadonlyMap<string, Entry> = new Map(KINDS.map((entry) => [entry.kind, entry]));

/** Whether a name (from a request, a pack's file) is one of the kinds. */
export function isMetadataKind(name: string): name is MetadataKind {
  return BY_NAME.has(name);
}

/** One kind's description, typed by its definitions. */
export function kindOf<K extends MetadataKind>(kind: K): KindDescription<K, DefinitionOf[K], Verb, KindApi | null> {
  return BY_NAME.get(kind) as unknown as KindDescription<K, DefinitionOf[K], Verb, KindApi | null>;
}

/** One kind of the generic CRUD, with its API description. */
export function standaloneKind<K extends StandaloneKind>(kind: K): KindDescription<K, DefinitionOf[K]> {
  return BY_NAME.get(kind) as unknown as KindDescription<K, DefinitionOf[K]>;
}

/** The kinds of the generic CRUD, in the registry's order. */
export const STANDALONE_KINDS: readonly StandaloneKind[] = KINDS.filter((entry) => entry.api !== null).map((entry) => entry.kind as StandaloneKind);

/** Every change the history may name, kind by kind (an object's, then its fields'). */
export const METADATA_ACTIONS: readonly MetadataAction[] = KINDS.flatMap((entry) => [
  ...(entry.verbs as readonly Verb[]).map((verb) => `${entry.kind}.${verb}` as MetadataAction),
  ...(entry.kind === 'object' ? VERBS.map((verb) => `field.${verb}` as const) : []),
]);

/** Each kind's definitions, in the order a list of them names each kind. */
export type Definitions = { readonly [K in MetadataKind]: readonly DefinitionOf[K][] };

/** No definitions of any kind: what a new tenant starts from, before its core metadata. */
export const NO_DEFINITIONS: Definitions = Object.fromEntries(KINDS.map((entry) => [entry.kind, []])) as unknown as Definitions;
