import { LANGUAGES } from '../../i18n/language.js';
import { KINDS } from '../../metadata/kinds/index.js';
import type { PackKind } from '../../metadata/pack-kinds/index.js';
import { json, responseRef, schemaRef } from './common-components.js';
import type { OpenApiFragment, SchemaObject } from './openapi-types.js';

const TAG = 'Packs';
const PACKS = '/api/v1/packs';
const PLAN = `${PACKS}/plan`;
const INSTALL = `${PACKS}/install`;
const EXPORT = `${PACKS}/export`;
const ONE = `${PACKS}/{name}`;
const ACTIONS = `${PACKS}/actions`;
/** Setup only: the user document leaves them out for users who may not manage metadata. */
export const PACK_PATHS: readonly [path: string, method: 'get' | 'post' | 'delete'][] = [
  [PACKS, 'get'],
  [ACTIONS, 'get'],
  [PLAN, 'post'],
  [INSTALL, 'post'],
  [EXPORT, 'post'],
  [ONE, 'delete'],
];

const LOCALIZED: SchemaObject = { type: 'object', properties: Object.fromEntries(LANGUAGES.map((language) => [language, { type: 'string' }])) };
/** The kinds packs hold, in the order plans list them. */
const PACK_KINDS = KINDS.filter((entry) => entry.inPacks).map((entry) => entry.kind);

const SCHEMAS: Record<string, SchemaObject> = {
  PackList: {
    type: 'object',
    required: ['installed', 'available'],
    properties: {
      installed: {
        type: 'array',
        items: {
          type: 'object',
          required: ['name', 'version', 'label', 'installedAt', 'installedBy', 'metadataVersion', 'items'],
          properties: {
            name: { type: 'string' },
            version: { type: 'string' },
            label: LOCALIZED,
            installedAt: { type: 'string', format: 'date-time' },
            installedBy: { type: 'string' },
            metadataVersion: { type: 'integer', description: 'The metadata version its install or last upgrade made.' },
            items: { type: 'integer', description: 'How many definitions the installed version ships.' },
          },
        },
      },
      available: {
        type: 'array',
        description: 'The packs of the packs folder (PACKS_DIR) and the npm packages of packs beside it (crm-pack-<name>); one that cannot be installed carries its problems.',
        items: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string' },
            package: { type: 'string', description: 'The npm package the pack comes from, for one installed as a package.' },
            version: { type: 'string' },
            label: LOCALIZED,
            description: LOCALIZED,
            items: { type: 'integer' },
            demoRecords: { type: 'integer', description: 'The demo records it holds, created by an install that asks for demo data.' },
            problems: { type: 'array', items: schemaRef('ErrorDetail') },
          },
        },
      },
    },
  },
  PackActionList: {
    type: 'object',
    required: ['actions'],
    properties: {
      actions: {
        type: 'array',
        description: 'The actions the packs installed in the tenant add, by pack then name: `{ "packAction": { "pack", "action", "params" } }` in an approval process or automation rule.',
        items: {
          type: 'object',
          required: ['pack', 'name', 'label', 'params'],
          properties: {
            pack: { type: 'string' },
            name: { type: 'string' },
            label: LOCALIZED,
            params: { type: ['object', 'null'], description: 'The JSON Schema of its params; null when it takes none.' },
          },
        },
      },
    },
  },
  PackRequest: {
    type: 'object',
    description: 'A pack of the packs folder by name, or a whole pack (what `npx crm pack` sends from a folder), with the resolutions of its conflicts.',
    properties: {
      name: { type: 'string', description: 'A pack of the packs folder.' },
      pack: {
        type: 'object',
        required: ['manifest', 'items'],
        properties: {
          manifest: { type: 'object', description: 'The pack.json: name, version, label, description, requires.' },
          items: {
            type: 'array',
            maxItems: 2000,
            items: { type: 'object', required: ['kind', 'definition'], properties: { kind: { type: 'string', enum: PACK_KINDS }, definition: { type: 'object' } } },
          },
          translations: {
            type: 'object',
            description: 'translations/<language>.json by language (en, zh-CN, zh-TW; zh-TW texts left out are converted from zh-CN): texts by key, `object:lead/fields/status/label`, applied to the definitions.',
            additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
          },
          data: {
            type: 'object',
            description: 'data/<object>.json by object: demo records, each with a `_key`; a lookup names another by `{ "$key": … }`.',
            additionalProperties: { type: 'array', items: { type: 'object', required: ['_key'], properties: { _key: { type: 'string' } } } },
          },
        },
      },
      upgrade: { type: 'boolean', description: 'Install only: refuse (409 `pack_not_installed`) unless the pack is installed already, as `npx crm pack upgrade` asks.' },
      demoData: { type: 'boolean', description: 'Create the pack\'s demo records too (those an earlier install created are not created again). Default false.' },
      resolutions: {
        type: 'object',
        description: 'Per definition (`object:lead`), per conflict path (`/label/en`, or `` for the whole definition): `ours` keeps the tenant\'s value, `theirs` takes the pack\'s.',
        additionalProperties: { type: 'object', additionalProperties: { type: 'string', enum: ['ours', 'theirs'] } },
      },
    },
  },
  PackPlan: {
    type: 'object',
    required: ['pack', 'from', 'to', 'items', 'changes', 'conflicts'],
    properties: {
      pack: { type: 'string' },
      from: { type: ['string', 'null'], description: 'The version installed now; null for a first install.' },
      to: { type: 'string' },
      changes: { type: 'integer', description: 'Definitions created or updated.' },
      conflicts: { type: 'integer', description: 'Unresolved conflicts: the install is refused (409) while any remains.' },
      problems: {
        type: 'array',
        items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
        description: 'What the install would break: the tenant\'s processes and rules naming actions the new version drops or whose params its schema refuses, at `/<kind>:<name>/<path>`. The install is refused (409 `pack_action_in_use`) while any remains.',
      },
      demoData: { type: 'object', additionalProperties: { type: 'integer' }, description: 'With demoData asked for: the demo records created, per object.' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'name', 'action'],
          properties: {
            kind: { type: 'string', enum: PACK_KINDS },
            name: { type: 'string' },
            action: { type: 'string', enum: ['create', 'update', 'unchanged', 'conflict', 'kept-deleted', 'dropped'] },
            next: { type: 'object', description: 'The definition the tenant will have.' },
            current: { type: 'object', description: 'The tenant\'s definition now.' },
            conflicts: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path'],
                properties: { path: { type: 'string' }, base: { description: 'As the installed version had it.' }, ours: { description: 'As the tenant has it.' }, theirs: { description: 'As the new version has it.' } },
              },
            },
          },
        },
      },
    },
  },
};

const forbidden = responseRef('Forbidden', 'Only users who may manage metadata (administrators) can manage packs.');

/** /api/v1/packs: installable packs of metadata, their plans and their installs and upgrades. */
/**
 * /api/v1/packs; the kinds of pack items those the platform's packs hold, with those the tenant's
 * packs add (`packKinds`, a pack exported from the tenant may hold their definitions).
 */
export function packPaths(packKinds: readonly PackKind[] = []): OpenApiFragment {
  const fragment = packFragment();
  if (packKinds.length === 0) return fragment;
  const kinds = [...PACK_KINDS, ...packKinds.map((kind) => kind.kind)];
  return withKindEnum(fragment, kinds) as OpenApiFragment;
}

/** A copy with every enum of the kinds packs hold extended: the fragment's own parts are shared, never changed. */
function withKindEnum(node: unknown, kinds: readonly string[]): unknown {
  if (node === PACK_KINDS) return kinds;
  if (Array.isArray(node)) return node.map((item) => withKindEnum(item, kinds));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withKindEnum(value, kinds)]));
}

function packFragment(): OpenApiFragment {
  const body = { required: true, content: json(schemaRef('PackRequest'), { name: 'sales', resolutions: { 'object:lead': { '/label/en': 'ours' } } }) };
  return {
    tags: [{ name: TAG, description: 'Packs: metadata shipped as a folder (docs/packs.md), installed into a tenant and upgraded keeping its customisations by a three-way merge.' }],
    schemas: SCHEMAS,
    paths: {
      [PACKS]: {
        get: {
          operationId: 'listPacks',
          summary: 'The packs installed and those available',
          tags: [TAG],
          responses: { '200': { description: 'Installed in the tenant, and found in the packs folder.', content: json(schemaRef('PackList')) }, '403': forbidden },
        },
      },
      [ACTIONS]: {
        get: {
          operationId: 'listPackActions',
          summary: 'The actions packs add to processes and rules',
          description: 'Each action of the packs installed in the tenant, with its label and the JSON Schema of its params, for the action editors. A process or rule naming one that is not here, or with params its schema refuses, is refused when saved (400).',
          tags: [TAG],
          responses: { '200': { description: 'The actions offered.', content: json(schemaRef('PackActionList')) }, '403': forbidden },
        },
      },
      [PLAN]: {
        post: {
          operationId: 'planPack',
          summary: 'Plan installing or upgrading a pack (dry run)',
          description: 'What the install would do to each definition, with the conflicts between the tenant\'s changes and the pack\'s; every definition it would write is checked. Writes nothing.',
          tags: [TAG],
          requestBody: body,
          responses: {
            '200': { description: 'The plan.', content: json({ type: 'object', required: ['plan'], properties: { plan: schemaRef('PackPlan') } }) },
            '400': responseRef('BadRequest'),
            '403': forbidden,
            '404': responseRef('NotFound'),
            '409': responseRef('Conflict', 'A required pack or platform version is missing, or the version is older than the one installed.'),
          },
        },
      },
      [EXPORT]: {
        post: {
          operationId: 'exportPack',
          summary: 'Export the tenant\'s metadata as a pack',
          description: 'The chosen objects (each with its layouts, list views, sharing rules, automation rules and approval processes) and further definitions by key, or without a choice every definition but the core ones, as a pack: what `npx crm pack export` writes one file per definition, to install into another tenant.',
          tags: [TAG],
          requestBody: {
            required: true,
            content: json(
              {
                type: 'object',
                required: ['manifest'],
                properties: {
                  manifest: { type: 'object', description: 'The pack.json of the pack to make: name, version, label, description, requires.' },
                  objects: { type: 'array', items: { type: 'string' }, maxItems: 2000 },
                  items: { type: 'array', items: { type: 'string' }, maxItems: 2000, description: 'Definitions by key: `permissionSet:technician`.' },
                  translations: { type: 'array', items: { type: 'string', enum: [...LANGUAGES] }, description: 'Languages whose texts go to the pack\'s translations (one set per language) instead of staying in the definitions.' },
                  data: { type: 'array', items: { type: 'string' }, maxItems: 2000, description: 'Objects whose records go with the pack as demo data, a lookup to an exported record as `{ "$key": … }`.' },
                },
              },
              { manifest: { name: 'field-service', version: '1.0.0', label: { en: 'Field service' } }, objects: ['work_order'], items: ['permissionSet:technician'] },
            ),
          },
          responses: {
            '200': {
              description: 'The pack.',
              content: json({
                type: 'object',
                required: ['pack'],
                properties: {
                  pack: {
                    type: 'object',
                    required: ['manifest', 'items'],
                    properties: {
                      manifest: { type: 'object' },
                      items: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string', enum: PACK_KINDS }, name: { type: 'string' }, definition: { type: 'object' } } } },
                      translations: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'string' } } },
                      data: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object' } } },
                      folders: { type: 'object', description: 'The folder under metadata/ of each kind a pack adds among the items: `{ "slaPolicy": "sla-policies" }`.', additionalProperties: { type: 'string' } },
                    },
                  },
                },
              }),
            },
            '400': responseRef('BadRequest'),
            '403': forbidden,
            '404': responseRef('NotFound'),
          },
        },
      },
      [ONE]: {
        parameters: [{ name: 'name', in: 'path', required: true, description: 'The installed pack\'s name.', schema: { type: 'string' } }],
        delete: {
          operationId: 'uninstallPack',
          summary: 'Uninstall a pack',
          description: 'Removes the definitions the pack installed that the tenant still has, in one metadata version. Refused (409, nothing changed) while another pack requires it (`pack_required`), while the tenant\'s own definitions use what it would remove (`metadata_in_use`), and, unless `force=true`, while its objects hold records (`pack_has_records`), its kinds hold definitions the tenant made (`pack_kind_in_use`; force deletes them too) or the tenant\'s own processes and rules use its actions (`pack_action_in_use`).',
          tags: [TAG],
          parameters: [{ name: 'force', in: 'query', description: 'Delete the records of its objects with them.', schema: { type: 'string', enum: ['true', 'false'] } }],
          responses: {
            '200': { description: 'Uninstalled.', content: json({ type: 'object', required: ['removed', 'version'], properties: { removed: { type: 'array', items: { type: 'string' } }, version: { type: 'integer' } } }) },
            '400': responseRef('BadRequest'),
            '403': forbidden,
            '404': responseRef('NotFound'),
            '409': responseRef('Conflict', 'Required by another pack, used by the tenant\'s own definitions, its objects hold records, or its actions are used.'),
          },
        },
      },
      [INSTALL]: {
        post: {
          operationId: 'installPack',
          summary: 'Install or upgrade a pack',
          description: 'All or nothing, in one metadata version. Refused with 409 `pack_conflicts` (nothing changed) while a conflict is unresolved.',
          tags: [TAG],
          requestBody: body,
          responses: {
            '200': { description: 'Installed: the plan carried out, and the metadata version it made.', content: json({ type: 'object', required: ['plan', 'version'], properties: { plan: schemaRef('PackPlan'), version: { type: 'integer' } } }) },
            '400': responseRef('BadRequest'),
            '403': forbidden,
            '404': responseRef('NotFound'),
            '409': responseRef('Conflict', 'Unresolved conflicts (`pack_conflicts`, each listed with its path), a missing requirement, a downgrade, a definition the install would break, the tenant\'s processes and rules using actions the new version drops (`pack_action_in_use`), or an upgrade of a pack not installed (`pack_not_installed`).'),
          },
        },
      },
    },
  };
}
