import type { SchemaObject, ValidateFunction } from 'ajv';
import type { Message } from '../../i18n/message.js';
import type { SystemRights } from '../security/resolved-security.js';
import type { MetadataChange } from '../metadata-registry.js';
import type { Snapshot } from '../snapshot.js';

/** What a change does to one definition, as the history and the audit log name it: `permissionSet.update`. */
export type Verb = 'create' | 'update' | 'delete';
export const VERBS: readonly Verb[] = ['create', 'update', 'delete'];

/** A kind's JSON Schema as its file holds it (engine/schemas/<kind>.schema.json); `title` names its type and its OpenAPI component. */
export type KindSchema = SchemaObject & { readonly title: string };

/** How the OpenAPI document describes the generic CRUD of a kind: its operations and what they refuse. */
export interface KindApiDocs {
  /** Operation ids: meta.listPermissionSets, meta.createPermissionSet ... */
  readonly one: string;
  readonly many: string;
  /** What the 200 of the list holds. */
  readonly listed: string;
  /** The `?object=` parameter, for kinds that belong to an object. */
  readonly byObject?: string;
  readonly create: string;
  readonly replace: string;
  /** When a delete is refused with 409; none: it never is. */
  readonly deleteRefused?: string;
}

/** A kind served by the one generic CRUD of /api/v1/meta/<path> (setup/operations/definition-operations.ts). */
export interface KindApi {
  /** Rights besides manage-metadata that read the whole definitions: managing users assigns roles, groups and permission sets. */
  readonly readRights?: readonly (keyof SystemRights)[];
  readonly docs: KindApiDocs;
}

/** For a kind whose definitions belong to one object: they go with it when it is exported, and lists take `?object=`. */
export interface OfObject<D> {
  /** The property of a definition that names its object. */
  readonly property: string;
  /** The definitions of one object, in the order lists show them. */
  list(snapshot: Snapshot, object: string): D[];
}

/**
 * One kind of metadata, as every part of the engine reads it: the snapshot, the registry and its
 * history, the metadata API and its OpenAPI document, packs, the core metadata. Each kind has its
 * folder under engine/metadata/kinds/ whose `kind.ts` makes it with `defineKind`; kinds/index.ts
 * lists them.
 *
 * `K` is its name, `D` the type generated from its schema, `V` the changes it knows, `A` whether
 * the generic CRUD serves it (null: it has operations of its own, objects with their fields,
 * currencies with the corporate one).
 */
export interface KindDescription<K extends string, D extends { readonly name: string }, V extends Verb = Verb, A extends KindApi | null = KindApi> {
  /** As the history, the audit log, pack items and ETags name it: permissionSet. */
  readonly kind: K;
  readonly schema: KindSchema;
  /** The schema compiled once: the check every definition of the kind passes when written and when compiled. */
  readonly validate: ValidateFunction<D>;
  /** How messages name one definition of it: "permission set sales_user", not "permissionSet sales_user". */
  readonly noun: Message;
  /** The name of a list of them in responses: permissionSets. */
  readonly plural: string;
  /** Where the metadata API serves it (/api/v1/meta/permission-sets), and its folder in a pack: the plural in kebab-case. */
  readonly path: string;
  /** Whether packs hold it (metadata/<path>/ in a pack folder); currencies and their rates are a tenant's own data. */
  readonly inPacks: boolean;
  readonly verbs: readonly V[];
  /** The prefix the OpenAPI document gives a $defs name of its schema that another kind defines otherwise: its name in PascalCase. */
  readonly componentPrefix: string;
  /** The file suffix of the core definitions every tenant starts with (metadata/*.object.json), if it has any. */
  readonly core?: string;
  /** One definition as the snapshot keeps it; undefined when there is none. */
  find(snapshot: Snapshot, name: string): D | undefined;
  /** Every definition of the kind in the snapshot. */
  list(snapshot: Snapshot): D[];
  readonly ofObject?: OfObject<D>;
  /** Store work a change of one of its definitions brings besides the metadata (list views: the indexes of the objects they list), given it before and after. */
  afterChange?(definitions: readonly (D | null)[]): Pick<MetadataChange, 'afterCommit'>;
  readonly api: A;
}
