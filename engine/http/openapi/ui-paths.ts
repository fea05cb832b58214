import { LANGUAGES } from '../../i18n/language.js';
import type { UserApp } from '../../setup/apps/user-apps.js';
import type { UserListView } from '../../setup/list-views/user-list-views.js';
import type { RecentRecord } from '../../records/recent/recent-records.js';
import { json, responseRef, schemaRef } from './common-components.js';
import { kindOf } from '../../metadata/kinds/index.js';
import type { OpenApiFragment, Operation, Parameter, SchemaObject } from './openapi-types.js';

const APP_DEFINITION = kindOf('app').schema.title;
const LIST_VIEW_DEFINITION = kindOf('listView').schema.title;

const BASE = '/api/v1/ui';
const TAG = 'Navigation';

/** Keyed by the engine's own types, so a property added there without its schema here is a compile error. */
type PropertiesOf<T> = { [K in keyof Required<T>]: SchemaObject };

const userApp: PropertiesOf<UserApp> = {
  name: { type: 'string' },
  label: { type: 'string', description: 'In the language of the response (Content-Language).' },
  icon: { ...schemaRef('Icon'), description: 'An Ant Design icon name.' },
  tabs: { type: 'array', items: schemaRef('UserAppTab'), description: 'In order; tabs of objects the user may not read are left out.' },
};

const userListView: PropertiesOf<UserListView> = {
  name: { type: 'string', description: 'Personal views have names the server gave them (my_…).' },
  object: { type: 'string' },
  label: { type: 'string', description: 'In the language of the response (Content-Language).' },
  columns: { type: 'array', items: { type: 'string' }, description: 'Fields, left to right; those the user may not read are left out.' },
  filter: { type: 'object', description: 'In the filter language: send it as the list\'s `filter` parameter.' },
  sort: { type: 'array', items: { type: 'string' }, description: 'Sort keys (-name descending): join them with commas for the list\'s `sort` parameter.' },
  kanbanField: { type: 'string', description: 'A picklist field to group a kanban board by.' },
  personal: { type: 'boolean', description: "The caller's own view, which they may change and delete here; false for a shared one." },
};

const recentRecord: PropertiesOf<RecentRecord> = {
  object: { type: 'string' },
  objectLabel: { type: 'string', description: 'In the language of the response (Content-Language).' },
  id: { type: 'string' },
  name: { type: 'string', description: "The record's name as you may read it now (its id when it has none)." },
  openedAt: { type: 'string', format: 'date-time' },
};

const SCHEMAS: Record<string, SchemaObject> = {
  UserAppTab: {
    oneOf: [
      {
        type: 'object',
        required: ['object', 'label', 'icon'],
        properties: { object: { type: 'string' }, label: { type: 'string', description: "The object's plural label." }, icon: { ...schemaRef('Icon'), description: "The object's icon, an Ant Design icon name." } },
      },
      {
        type: 'object',
        required: ['page', 'label'],
        properties: { page: { type: 'string', description: 'A path of the web app, e.g. /approvals.' }, label: { type: ['string', 'null'], description: 'null when the app gives the page none.' } },
      },
    ],
  },
  UserApp: { type: 'object', required: ['name', 'label', 'icon', 'tabs'], properties: userApp },
  UserAppList: {
    type: 'object',
    required: ['apps', 'version'],
    properties: { apps: { type: 'array', items: schemaRef('UserApp') }, version: { type: 'integer', description: "The tenant's metadata version." } },
  },
  UserListView: { type: 'object', required: ['name', 'object', 'label', 'columns', 'personal'], properties: userListView },
  UserListViewList: {
    type: 'object',
    required: ['views', 'version'],
    properties: { views: { type: 'array', items: schemaRef('UserListView') }, version: { type: 'integer', description: "The tenant's metadata version." } },
  },
  RecentRecord: {
    type: 'object',
    required: ['object', 'objectLabel', 'id', 'name', 'openedAt'],
    properties: recentRecord,
  },
  RecentRecordList: { type: 'object', required: ['recent'], properties: { recent: { type: 'array', maxItems: 20, items: schemaRef('RecentRecord') } } },
  RecentRecordInput: {
    type: 'object',
    required: ['object', 'id'],
    properties: { object: { type: 'string', description: 'The API name of the object.' }, id: { type: 'string', maxLength: 64 } },
  },
  UserListViewResponse: { type: 'object', required: ['view'], properties: { view: schemaRef('UserListView') } },
  PersonalListViewInput: {
    type: 'object',
    description: `A ${LIST_VIEW_DEFINITION} without \`name\` (the server gives it), \`object\` (the path's) and \`permissionSets\` (only its owner sees it); \`label\` is required.`,
    required: ['label', 'columns'],
    properties: {
      label: schemaRef('LocalizedText'),
      columns: { type: 'array', minItems: 1, maxItems: 30, items: { type: 'string' } },
      filter: { type: 'object', description: 'In the filter language.' },
      sort: { type: 'array', maxItems: 5, items: { type: 'string' } },
      kanbanField: { type: 'string' },
      description: { type: 'string', maxLength: 1000 },
    },
  },
};

const objectName: Parameter = { name: 'object', in: 'path', required: true, description: 'The API name of the object.', schema: schemaRef('ApiName') };
const viewName: Parameter = { name: 'name', in: 'path', required: true, description: 'The name of one of your own views.', schema: schemaRef('ApiName') };
const language: Parameter = { name: 'lang', in: 'query', description: 'The language of the labels (en, zh-CN or zh-TW); else Accept-Language, else the language saved on the user.', schema: { type: 'string', enum: [...LANGUAGES] } };

function operation(id: string, summary: string, description: string, responses: Operation['responses'], extra: Partial<Operation> = {}): Operation {
  return { operationId: `ui.${id}`, summary, description, tags: [TAG], ...extra, responses };
}

const CHECKED =
  'Checked as a shared view is, against the fields you may read: the columns are fields of the object, `filter` compiles in the filter language ' +
  "(400 with paths under /filter for an unknown field, an operator the field's type does not allow or a wrong operand), `sort` names sortable fields, `kanbanField` is a picklist.";

const notReadable = responseRef('Forbidden', 'You may not read the object.');
/** What a save of a personal view may answer besides its success. */
const writeRefusals = { '400': responseRef('BadRequest'), '403': notReadable, '404': responseRef('NotFound'), '413': responseRef('PayloadTooLarge') };
const viewBody: Partial<Operation> = { requestBody: { required: true, content: json(schemaRef('PersonalListViewInput')) } };

/** /api/v1/ui: the signed-in user's apps and list views, for the web app; no setup right needed. */
export function uiPaths(): OpenApiFragment {
  const personal = { parameters: [objectName, viewName] };
  return {
    tags: [{ name: TAG, description: `The web app's navigation for the signed-in user: their apps (${APP_DEFINITION}) and the list views of each object, shared ones and their own.` }],
    schemas: SCHEMAS,
    paths: {
      [`${BASE}/apps`]: {
        get: operation(
          'listApps',
          'Your apps, in your language',
          'The apps shown to one of your permission sets (or to every user), lowest `order` first, then by name; tabs of objects you may not read are left out, and so is an app left without tabs. Empty when there are none for you: the web app then lists the objects you may read.',
          { '200': { description: 'Your apps.', content: json(schemaRef('UserAppList')) } },
          { parameters: [language] },
        ),
      },
      [`${BASE}/views/{object}`]: {
        parameters: [objectName],
        get: operation(
          'listViews',
          'The list views of an object for you',
          'The shared views shown to one of your permission sets (or to everyone), then your own personal views; columns you may not read are left out, and a view whose filter, sort or kanban field needs such a field is left out whole; of a personal view, what names a field removed since it was saved is dropped and the rest kept. 404 for an object you may not read.',
          { '200': { description: 'The views.', content: json(schemaRef('UserListViewList')) }, '400': responseRef('BadRequest'), '404': responseRef('NotFound') },
          { parameters: [language] },
        ),
        post: operation(
          'createView',
          'Save a personal list view',
          `Any user who may read the object may save views of it for themselves; nobody else sees them. ${CHECKED}`,
          {
            '201': { description: 'Saved; Location names it.', content: json(schemaRef('UserListViewResponse')) },
            ...writeRefusals,
          },
          viewBody,
        ),
      },
      [`${BASE}/recent`]: {
        get: operation(
          'listRecent',
          'The records you opened last',
          'Newest first, at most 20 (the server keeps the last 20 per user, so the list follows you to every device). Each is read now: a record deleted, out of your reach, or of an object you may no longer read is left out; its name is the one you may read.',
          { '200': { description: 'Your recent records.', content: json(schemaRef('RecentRecordList')) } },
          { parameters: [language] },
        ),
        post: operation(
          'noteRecent',
          'Note that you opened a record',
          'Puts the record at the front of your list (once: opening it again moves it). Only its object and id are kept. 404 for a record you may not read, as for a read.',
          { '204': { description: 'Noted.' }, '400': responseRef('BadRequest'), '403': notReadable, '404': responseRef('NotFound'), '413': responseRef('PayloadTooLarge') },
          { requestBody: { required: true, content: json(schemaRef('RecentRecordInput')) } },
        ),
      },
      [`${BASE}/views/{object}/{name}`]: {
        ...personal,
        put: operation(
          'replaceView',
          'Change or rename one of your list views',
          `The body is the whole new view; a new label renames it, its name stays. Another user's view answers 404, as one that does not exist. ${CHECKED}`,
          {
            '200': { description: 'Changed.', content: json(schemaRef('UserListViewResponse')) },
            ...writeRefusals,
          },
          viewBody,
        ),
        delete: operation('deleteView', 'Delete one of your list views', "Another user's view answers 404, as one that does not exist.", {
          '204': { description: 'Deleted.' },
          '403': notReadable,
          '404': responseRef('NotFound'),
        }),
      },
    },
  };
}
