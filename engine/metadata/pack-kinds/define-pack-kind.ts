import type { ValidateFunction } from 'ajv';
import { ValidationError, type ErrorDetail } from '../../errors/index.js';
import { Message, msg } from '../../i18n/message.js';
import { createDefinitionAjv } from '../create-ajv.js';
import { KINDS, VERBS, isMetadataKind, type KindApi, type KindSchema } from '../kinds/index.js';
import type { PackDefinition, PackKind, PackKindDeclaration } from './pack-kind.js';

/** A kind's name and plural: camelCase, as the built-in kinds' are (slaPolicy, slaPolicies). */
const CAMEL_CASE = /^[a-z][a-zA-Z0-9]{1,39}$/;

/** Paths under /api/v1/meta that are not a kind's. */
const RESERVED_PATHS = ['history', 'backfills', 'record-counts', 'expressions', 'kinds'];

/** Every definition's name is an API name, whatever the pack's schema says: it is in URLs, files and the history. */
const NAMED = { type: 'object', required: ['name'], properties: { name: { $ref: 'common.schema.json#/$defs/ApiName' } } };

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/**
 * A pack's kind from its declaration, checked: its name and plural clash with no built-in kind or
 * path of the metadata API, its label has English, its schema is one ajv compiles. A declaration
 * the platform cannot use refuses the pack's code (400, each problem at `/kinds/<kind>/…`), found
 * when the pack is read, before it installs.
 */
export function definePackKind(pack: string, kind: string, declaration: PackKindDeclaration): PackKind {
  const at = `/kinds/${kind}`;
  const problems: ErrorDetail[] = [];
  const builtInPaths = new Set([...KINDS.map((entry) => entry.path), ...RESERVED_PATHS]);
  if (!CAMEL_CASE.test(kind)) problems.push({ path: at, message: msg`a kind's name is in camelCase: a lower-case letter, then letters and digits (at most 40)` });
  else if (isMetadataKind(kind)) problems.push({ path: at, message: msg`is a kind the platform has already` });
  const plural = declaration?.plural;
  if (typeof plural !== 'string' || !CAMEL_CASE.test(plural)) problems.push({ path: `${at}/plural`, message: msg`must be the name of a list of them in camelCase, like slaPolicies` });
  else if (builtInPaths.has(kebab(plural)) || plural === kind) problems.push({ path: `${at}/plural`, message: msg`gives the path ${kebab(plural)}, which the metadata API already has` });
  if (typeof declaration?.label?.en !== 'string' || declaration.label.en.trim() === '') problems.push({ path: `${at}/label/en`, message: msg`is required: how admins see the kind` });
  if (declaration?.objectProperty !== undefined && typeof declaration.objectProperty !== 'string') problems.push({ path: `${at}/objectProperty`, message: msg`must be the name of the property that names the object` });
  for (const hook of ['check', 'compile'] as const) {
    if (declaration?.[hook] !== undefined && typeof declaration[hook] !== 'function') problems.push({ path: `${at}/${hook}`, message: msg`must be a function of the definition and the snapshot` });
  }
  // Beside the platform's kinds' schemas, so that `common.schema.json#/$defs/…` resolves as theirs do.
  const schema = { ...(declaration?.schema ?? {}), $id: `https://schemas.lowcode-crm.dev/metadata/${kebab(kind)}.schema.json`, title: `${pascal(kind)}Definition` } as KindSchema;
  let validate: ValidateFunction<PackDefinition> | undefined;
  try {
    if (declaration?.schema === null || typeof declaration?.schema !== 'object' || Array.isArray(declaration.schema)) throw new Error('it is not an object');
    validate = createDefinitionAjv().compile<PackDefinition>({ ...schema, allOf: [...((schema.allOf as unknown[] | undefined) ?? []), NAMED] });
  } catch (error) {
    problems.push({ path: `${at}/schema`, message: msg`is not a JSON Schema the platform can use: ${(error as Error).message}` });
  }
  if (problems.length > 0 || !validate) throw new ValidationError(problems, msg`The kinds of pack '${pack}' cannot be used.`);
  const label = declaration.label;
  return {
    kind,
    pack,
    label,
    declaration,
    schema,
    validate,
    // The label in the reader's language, as messages name one of them ("SLA policy gold").
    noun: new Message('{0}', [label]),
    plural,
    path: kebab(plural),
    inPacks: true,
    verbs: VERBS,
    componentPrefix: pascal(kind),
    find: (snapshot, name) => snapshot.packKinds.find(kind, name),
    list: (snapshot) => snapshot.packKinds.list(kind),
    ...(declaration.objectProperty
      ? { ofObject: { property: declaration.objectProperty, list: (snapshot, object) => snapshot.packKinds.list(kind).filter((definition) => definition[declaration.objectProperty!] === object) } }
      : {}),
    api: apiOf(pack, kind, plural, label.en!, declaration.objectProperty),
  };
}

/** The OpenAPI texts of a pack's kind, in the built-in kinds' words. */
function apiOf(pack: string, kind: string, plural: string, label: string, objectProperty: string | undefined): KindApi {
  return {
    docs: {
      one: pascal(kind),
      many: pascal(plural),
      listed: `The ${label} definitions (a kind pack '${pack}' adds)${objectProperty ? '; of one object if asked' : ''}.`,
      ...(objectProperty ? { byObject: `Only the ${label} definitions of this object.` } : {}),
      create: `Checked against the schema pack '${pack}' gives the kind (400 with each problem's path) and its checks against the tenant's metadata. 409 \`already_exists\` when the name is taken.`,
      replace: 'The body is the whole new definition; a different name renames it (409 when another has that name).',
    },
  };
}
