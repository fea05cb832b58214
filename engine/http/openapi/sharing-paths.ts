import type { CompiledObject } from '../../metadata/compiled-object.js';
import { ETAG_HEADER, json, parameterRef, responseRef, schemaRef } from './common-components.js';
import type { Parameter, PathItem, Reference, SchemaObject } from './openapi-types.js';
import { recordSchemaNames } from './record-components.js';
import { RECORDS_BASE } from './record-paths.js';

const granteeName = (what: string): SchemaObject => ({ type: 'string', minLength: 1, maxLength: 64, description: what });

/**
 * Manual shares and ownership transfer have the same shape on every object. The request mirrors
 * the engine's own check (records/sharing/share-target.ts): exactly one grantee, and the access.
 */
export const SHARING_SCHEMAS: Record<string, SchemaObject> = {
  ManualShare: {
    type: 'object',
    description: 'A share given by hand on one record; it ends when the record changes owner.',
    required: ['id', 'to', 'access', 'by', 'at'],
    properties: {
      id: { type: 'string', description: 'The share id, for DELETE …/shares/{share}.' },
      to: {
        type: 'string',
        pattern: '^(u|r|rs|g):.+$',
        description: 'Who receives it: `u:<user id>`, `r:<role>`, `rs:<role>` (the role and every role below it) or `g:<group>`.',
        examples: ['u:6650f1c2a1b2c3d4e5f60718', 'rs:sales_manager'],
      },
      access: { type: 'string', enum: ['read', 'edit'], description: '`read`: see the record; `edit`: see and change it (deleting stays with the owner).' },
      by: { type: 'string', description: 'The user who shared it.' },
      at: { type: 'string', format: 'date-time' },
    },
  },
  ManualShareList: {
    type: 'object',
    required: ['shares'],
    properties: { shares: { type: 'array', items: schemaRef('ManualShare') } },
  },
  ManualShareRequest: {
    type: 'object',
    description: 'Exactly one grantee, and the access. Sharing with a grantee the record is already shared with replaces its access.',
    required: ['access'],
    additionalProperties: false,
    properties: {
      user: granteeName('The id of an active user.'),
      role: granteeName('A role: its users.'),
      roleAndSubordinates: granteeName('A role: its users and the users of every role below it.'),
      group: granteeName('A public group: its users, and the users of its roles.'),
      access: { type: 'string', enum: ['read', 'edit'], description: '`edit` also needs the edit permission on the object.' },
    },
    oneOf: [{ required: ['user'] }, { required: ['role'] }, { required: ['roleAndSubordinates'] }, { required: ['group'] }],
    examples: [{ roleAndSubordinates: 'sales_manager', access: 'read' }],
  },
  Permission: {
    type: 'object',
    required: ['allowed'],
    properties: {
      allowed: { type: 'boolean' },
      reason: { type: 'string', description: "Why not, in the request's language: the message the operation itself would answer with. Only when not allowed." },
    },
  },
  RecordPermissions: {
    type: 'object',
    description: 'What the user may do to one record, checked as the operations check it. Advice for a page: every operation still checks for itself.',
    required: ['edit', 'delete', 'transfer', 'share', 'take'],
    properties: {
      edit: schemaRef('Permission'),
      delete: schemaRef('Permission'),
      transfer: { ...schemaRef('Permission'), description: 'PUT …/owner.' },
      share: { ...schemaRef('Permission'), description: 'POST and DELETE …/shares.' },
      take: { ...schemaRef('Permission'), description: 'POST …/take: only a record a queue owns, for the queue\'s members.' },
    },
  },
  AccessReason: {
    type: 'object',
    description:
      'One reason a user reaches a record, named after the condition of the access check that holds: `owner`; `roleHierarchy` (their role is above the owner\'s); `sharingRule`; `manualShare` (who shared it, to read or edit); `approver` (asked to approve it); ' +
      '`master` (a detail of a master-detail, with the master\'s own reasons); `objectRight` (view all / modify all on the object) and `systemRight` (view all data / modify all data), with the permission set that grants it; `admin`; `orgWideDefault` (public read or read/write).',
    required: ['kind'],
    properties: {
      kind: { type: 'string', enum: ['owner', 'roleHierarchy', 'sharingRule', 'manualShare', 'approver', 'queue', 'master', 'objectRight', 'systemRight', 'admin', 'orgWideDefault'] },
      role: { type: 'string', description: 'roleHierarchy: the user\'s role.' },
      queue: { type: 'string', description: 'queue: the group whose queue owns the record, of which the user is a member.' },
      roleLabel: { type: 'string' },
      ownerRole: { type: ['string', 'null'], description: 'roleHierarchy: the role of the record\'s owner, below the user\'s; null when the asker may not read the owner\'s role.' },
      ownerRoleLabel: { type: ['string', 'null'] },
      rule: { type: ['string', 'null'], description: 'sharingRule: its API name; null for a user asking about themselves who may not read sharing rules.' },
      label: {
        type: ['string', 'null'],
        description: "sharingRule, objectRight, systemRight: the rule's or permission set's label in the request's language (the set's API name for an asker who may not read permission sets).",
      },
      access: { type: 'string', enum: ['read', 'edit'] },
      to: { type: 'string', description: 'manualShare: the grantee key the share names (`u:`, `r:`, `rs:`, `g:`).' },
      by: { type: 'string', description: 'manualShare: the user who shared it.' },
      byName: { type: ['string', 'null'] },
      object: { type: 'string', description: 'master: the master object.' },
      id: { type: ['string', 'null'], description: 'master: the master record; null when its master field is hidden from the asker.' },
      name: { type: ['string', 'null'] },
      reasons: { type: 'array', items: schemaRef('AccessReason'), description: 'master: why the user reaches the master.' },
      right: { type: 'string', enum: ['viewAll', 'modifyAll', 'viewAllData', 'modifyAllData'] },
      permissionSet: { type: 'string' },
      sharing: { type: 'string', enum: ['publicRead', 'publicReadWrite'] },
    },
  },
  AccessVerdict: {
    type: 'object',
    required: ['allowed', 'reasons'],
    properties: {
      allowed: { type: 'boolean' },
      reasons: { type: 'array', items: schemaRef('AccessReason'), description: 'Every reason that holds; empty when not allowed.' },
      why: { type: 'string', description: "Why not, in the request's language. Only when not allowed." },
    },
  },
  AccessExplanation: {
    type: 'object',
    description: 'Why one user can or cannot read and edit one record, from the engine\'s own access checks, each condition tried on its own.',
    required: ['user', 'record', 'read', 'edit', 'fields'],
    properties: {
      user: {
        type: 'object',
        required: ['id', 'name', 'active', 'role', 'roleLabel'],
        properties: { id: { type: 'string' }, name: { type: ['string', 'null'] }, active: { type: 'boolean' }, role: { type: ['string', 'null'] }, roleLabel: { type: ['string', 'null'] } },
      },
      record: {
        type: 'object',
        required: ['object', 'id', 'name', 'owner'],
        properties: { object: { type: 'string' }, id: { type: 'string' }, name: { type: ['string', 'null'] }, owner: { type: ['string', 'null'] } },
      },
      read: schemaRef('AccessVerdict'),
      edit: schemaRef('AccessVerdict'),
      fields: {
        type: 'object',
        description: 'Field-level rights of the user on the object: the fields they read, those they edit, and those hidden from them.',
        required: ['readable', 'editable', 'hidden'],
        properties: {
          readable: { type: 'array', items: { type: 'string' } },
          editable: { type: 'array', items: { type: 'string' } },
          hidden: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
  OwnerTransfer: {
    type: 'object',
    additionalProperties: false,
    properties: {
      owner: { type: 'string', description: 'The id of the new owner: an active user who may read the object.' },
      queue: { type: 'string', description: 'Or a group whose queue owns the record: its members see it and may take it (`_owner` reads `queue:<group>`).' },
    },
    oneOf: [{ required: ['owner'] }, { required: ['queue'] }],
  },
};

const SHARE_PARAMETER: Parameter = { name: 'share', in: 'path', required: true, description: 'The share id (`id` of a ManualShare).', schema: { type: 'string' } };

const WHO_CONTROLS = 'the owner, the users in the roles above the owner (on objects that grant access through the hierarchy) and users with modify all';

function notFound(label: string): Reference {
  return responseRef('NotFound', `No such ${label} record, or one the user may not see: an invisible record answers 404 like a missing one.`);
}

/**
 * Manual shares (objects with a private or public read default) and ownership transfer (every
 * object that owns its records). A detail of a master-detail has neither: its records follow
 * their master. A public read/write object has nothing to share: the engine refuses it. Every
 * object has the permissions of a record, which say so.
 */
export function sharingPaths(compiled: CompiledObject): Record<string, PathItem> {
  const sharing = compiled.object.sharing;
  const name = compiled.name;
  const label = compiled.object.label.en;
  const tags = [name];
  const one = `${RECORDS_BASE}/${name}/{id}`;
  const permissions: Record<string, PathItem> = {
    [`${one}/permissions`]: {
      parameters: [parameterRef('RecordId')],
      get: {
        operationId: `records.${name}.permissions`,
        summary: `What the user may do to a ${label} record`,
        description: 'Edit, delete, transfer and share, each allowed or not with the reason, for anyone who may see the record: a page hides or disables what the server would refuse.',
        tags,
        responses: {
          '200': { description: 'The permissions.', content: json(schemaRef('RecordPermissions')) },
          '403': responseRef('Forbidden', `No permission set grants reading ${name} records.`),
          '404': notFound(label),
        },
      },
    },
    [`${one}/access`]: {
      parameters: [parameterRef('RecordId')],
      get: {
        operationId: `records.${name}.access`,
        summary: `Why a user can or cannot see and edit a ${label} record`,
        description:
          'Explain access: for the user in `user` (the caller when left out), whether they read and edit the record and every reason (owner, role above the owner, sharing rule, manual share, master record, view all / modify all, approver, administrator), ' +
          'or why not; and their field-level rights on the object. Users who manage users or view all data ask about anyone and are told everything. ' +
          'Others ask about themselves only, about a record they may read (else the answer a GET of it gives), and are told only what they read anyway: ' +
          'no sharing rule\'s name, the API names of their role and permission sets, no name of a user or record they cannot read, no field hidden from them.',
        tags,
        parameters: [{ name: 'user', in: 'query', required: false, description: 'The id of the user asked about; the caller by default.', schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The explanation.', content: json(schemaRef('AccessExplanation')) },
          '403': responseRef('Forbidden', `Asking about another user without the manageUsers or viewAllData right; or asking about oneself without the right to read ${name} records.`),
          '404': responseRef('NotFound', 'No such user, no such record, or (asking about oneself) a record one may not see.'),
        },
      },
    },
  };
  if (sharing === 'controlledByParent') return permissions;
  const paths: Record<string, PathItem> = {
    [`${one}/owner`]: {
      parameters: [parameterRef('RecordId')],
      put: {
        operationId: `records.${name}.transferOwner`,
        summary: `Transfer a ${label} record to another owner`,
        description:
          `Gives the record to another active user who may read ${name} records, or to a queue (a group, whose members then see it and may take it). Allowed to ${WHO_CONTROLS}, with the edit permission on the object. ` +
          'The manual shares of the record end with the transfer (they were the old owner\'s to give); the version goes up and the change is audited. ' +
          'Send If-Match to refuse the transfer if someone changed the record first.',
        tags,
        parameters: [parameterRef('IfMatch')],
        requestBody: { required: true, content: json(schemaRef('OwnerTransfer'), { owner: '6650f1c2a1b2c3d4e5f60718' }) },
        responses: {
          '200': { description: 'The record as stored now, with its new owner.', headers: { ETag: ETAG_HEADER }, content: json(schemaRef(recordSchemaNames(name).read)) },
          '400': responseRef('BadRequest', 'Not `{"owner": "<user id>"}` nor `{"queue": "<group>"}`, no active user with that id or no such group, or a new owner who may not read the object.'),
          '403': responseRef('Forbidden', `No permission set grants editing ${name} records, or the user sees the record but is not among ${WHO_CONTROLS}.`),
          '404': notFound(label),
          '409': responseRef('Conflict', '`record_locked`: an approval process locked the record, and the user may not change locked records (administrators, modify all and editLockedRecords may).'),
          '412': responseRef('PreconditionFailed'),
        },
      },
    },
  };
  paths[`${one}/take`] = {
    parameters: [parameterRef('RecordId')],
    post: {
      operationId: `records.${name}.take`,
      summary: `Take a ${label} record out of its queue`,
      description:
        'A record a queue owns (`_owner` reads `queue:<group>`) is seen and worked on by the members of the group; one of them (or a user with modify all) takes it and becomes its owner. ' +
        'The write of a transfer: the version goes up, manual shares end, the change is audited. Send If-Match to refuse it if someone changed the record first.',
      tags,
      parameters: [parameterRef('IfMatch')],
      responses: {
        '200': { description: 'The record as stored now, owned by the caller.', headers: { ETag: ETAG_HEADER }, content: json(schemaRef(recordSchemaNames(name).read)) },
        '403': responseRef('Forbidden', `No permission set grants editing ${name} records, or the caller is not a member of the queue that owns the record.`),
        '404': notFound(label),
        '409': responseRef('Conflict', '`not_in_queue`: a user owns the record (taken meanwhile by another member); `record_locked`: an approval process locked it.'),
        '412': responseRef('PreconditionFailed'),
      },
    },
  };
  if (sharing === 'publicReadWrite') return { ...paths, ...permissions };
  return {
    [`${one}/shares`]: {
      parameters: [parameterRef('RecordId')],
      get: {
        operationId: `records.${name}.shares.list`,
        summary: `The manual shares of a ${label} record`,
        description: 'For anyone who may see the record.',
        tags,
        responses: {
          '200': { description: 'The shares, in the order they were given or last changed.', content: json(schemaRef('ManualShareList')) },
          '403': responseRef('Forbidden', `No permission set grants reading ${name} records.`),
          '404': notFound(label),
        },
      },
      post: {
        operationId: `records.${name}.shares.add`,
        summary: `Share a ${label} record`,
        description:
          `Opens the record to a user, a role, a role and its subordinates, or a group, to read or to edit, beyond the object's org-wide default (${sharing}). ` +
          `Allowed to ${WHO_CONTROLS}; an edit share also needs the edit permission on the object. The share is audited.`,
        tags,
        requestBody: { required: true, content: json(schemaRef('ManualShareRequest')) },
        responses: {
          '201': { description: 'Shared.', content: json(schemaRef('ManualShare')) },
          '400': responseRef('BadRequest', 'Not exactly one grantee and an access, or no active user, role or group by that name.'),
          '403': responseRef(
            'Forbidden',
            `No permission set grants reading ${name} records, the user sees the record but is not among ${WHO_CONTROLS}, or asks for an edit share without the edit permission.`,
          ),
          '404': notFound(label),
        },
      },
    },
    [`${one}/shares/{share}`]: {
      parameters: [parameterRef('RecordId'), SHARE_PARAMETER],
      delete: {
        operationId: `records.${name}.shares.remove`,
        summary: `Remove a manual share of a ${label} record`,
        description: `Allowed to ${WHO_CONTROLS}. The removal is audited.`,
        tags,
        responses: {
          '204': { description: 'Removed.' },
          '403': responseRef('Forbidden', `No permission set grants reading ${name} records, or the user sees the record but is not among ${WHO_CONTROLS}.`),
          '404': responseRef('NotFound', 'No such record, one the user may not see, or no share with that id on it.'),
        },
      },
    },
    ...paths,
    ...permissions,
  };
}
