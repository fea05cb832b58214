import type { SchemaObject } from 'ajv';
import type { ErrorDetail } from '../../errors/index.js';
import type { LocalizedText } from '../../schemas/generated/common.js';
import type { KindApi, KindDescription } from '../kinds/index.js';
import type { Snapshot } from '../snapshot.js';

/** A definition of a pack's kind: the pack's schema says the rest. */
export interface PackDefinition {
  readonly name: string;
  readonly [property: string]: unknown;
}

/**
 * A kind of metadata a pack adds, as its code declares it: `definePack({ kinds: { slaPolicy: { … } } })`.
 * Its definitions are stored, versioned, served by the metadata API, listed in the history and
 * shipped in packs as the built-in kinds' are, in the tenants where the pack is installed.
 */
export interface PackKindDeclaration {
  /** How admins see one definition of it: `{ en: 'SLA policy', 'zh-CN': 'SLA 策略' }`; English is required. */
  readonly label: LocalizedText;
  /** A list of them, in camelCase: `slaPolicies`; the API path (`/api/v1/meta/sla-policies`) and the pack folder (`metadata/sla-policies/`) are it in kebab-case. */
  readonly plural: string;
  /**
   * The JSON Schema (2020-12) of one definition, an object whose `name` is an API name (the
   * platform adds that rule). It may refer to the shared definitions: `common.schema.json#/$defs/LocalizedText`.
   */
  readonly schema: SchemaObject;
  /** For definitions that belong to an object: the property naming it. The object must exist, lists take `?object=`, and exporting the object takes them along. */
  readonly objectProperty?: string;
  /**
   * Checks one definition against the rest of the tenant's metadata (the objects and fields it
   * names): each problem with its path in the definition. A write with problems is refused (400);
   * a change elsewhere that gives one problems (the object it names deleted) is refused too (409).
   */
  check?(definition: PackDefinition, snapshot: Snapshot): readonly ErrorDetail[];
  /**
   * What the snapshot keeps of one definition for the pack's code to run on, computed once per
   * metadata change (`ctx.snapshot.packKinds.compiled('slaPolicy', name)`); a throw is a problem
   * of the definition, as `check`'s are.
   */
  compile?(definition: PackDefinition, snapshot: Snapshot): unknown;
}

/** A pack's kind as the engine runs it: described as every built-in kind is (kinds/kind-description.ts), with what the pack declared. */
export interface PackKind extends KindDescription<string, PackDefinition, 'create' | 'update' | 'delete', KindApi> {
  /** The pack that adds it. */
  readonly pack: string;
  readonly label: LocalizedText;
  readonly declaration: PackKindDeclaration;
}
