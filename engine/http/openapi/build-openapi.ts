import { backfillPaths } from './backfill-paths.js';
import { InternalError } from '../../errors/index.js';
import type { CompiledObject } from '../../metadata/compiled-object.js';
import type { Snapshot } from '../../metadata/snapshot.js';
import { approvalPaths } from './approval-paths.js';
import { auditPaths } from './audit-paths.js';
import { commonComponents } from './common-components.js';
import { formPaths } from './form-paths.js';
import { jobPaths } from './job-paths.js';
import { webhookPaths } from './webhook-paths.js';
import { packPaths } from './pack-paths.js';
import { operatorPaths } from './operator-paths.js';
import { platformPaths } from './platform-paths.js';
import { declareTransportResponses } from './transport-responses.js';
import { authPaths, DOCUMENT_SECURITY, SECURITY_SCHEMES } from './auth-paths.js';
import { metaPaths } from './meta-paths.js';
import { metadataSchemas, packKindSchemas } from './metadata-schemas.js';
import type { OpenApiDocument, OpenApiFragment } from './openapi-types.js';
import { recordPaths } from './record-paths.js';
import { relatedPaths } from './related-paths.js';
import { printPaths } from './print-paths.js';
import { searchPaths } from './search-paths.js';
import { reportRunPaths } from './report-run-paths.js';
import { changePaths } from './change-paths.js';
import { REPORT_SCHEMAS, reportPaths } from './report-paths.js';
import { SHARING_SCHEMAS, sharingPaths } from './sharing-paths.js';
import { AUTOMATION_SCHEMAS, automationPaths } from './automation-paths.js';
import { ATTACHMENT_SCHEMAS, attachmentPaths } from './attachment-paths.js';
import { uiPaths } from './ui-paths.js';
import { BULK_SCHEMAS, bulkPaths } from './bulk-paths.js';
import { importPaths } from './import-paths.js';

const DESCRIPTION = [
  'The REST API of the CRM, generated from the live metadata: every object has its record routes and schemas here,',
  'and the document changes with the next request after a metadata change. It shows what the signed-in user may use:',
  'the objects and fields they may read, and the operations their permission sets grant.',
  '',
  'Errors always have the shape of the `Error` schema, with the HTTP status telling the kind:',
  '400 invalid input (every problem with its path), 401 no valid session or token, 403 a permission the user lacks,',
  '404 unknown, 409 a clash with stored data, 412 a stale If-Match,',
  '422 a valid record that breaks a validation rule or on which an expression failed, 429 too many requests in a minute.',
  'Any operation may also answer what the HTTP layer checks first: 400 for a body that is not JSON or whose arrays and',
  'objects nest more than 100 levels deep (a `filter` too), and for a malformed percent-escape in the path (`invalid_path`:',
  'send a `%` as `%25`); 413 for a body over 1 MB; 415 for a body not in UTF-8; 431 (without a body) for headers over 16 KB.',
  'Each operation lists every status it can answer.',
  'A record the user may not see answers 404 like one that does not exist, so ids cannot be probed; 403 means the user',
  'sees the record (or the object) but may not do this to it. Fields the user may not read are unknown to them: absent',
  'from responses, and refused by filters, sorts and field selections as fields that do not exist.',
  '',
  '## Tenants',
  '',
  'Every route works in one tenant: the one the `X-Tenant` request header names, the `default` tenant without it.',
  'Sessions, API tokens, metadata, records and this document belong to that tenant, so send the same header on every',
  'request, the sign-in included. A header that is not a tenant name (or is empty) is a 400 at `/headers/x-tenant`,',
  'a tenant that does not exist a 404 `unknown_tenant`. The header is the `Tenant` parameter component; it is not',
  'repeated on each operation, since it applies to all of them alike.',
].join('\n');

/**
 * An object's own routes: its records, their history, recycle bin, sharing, ownership and reports.
 * A compiled object outlives the snapshots in which its definition stays the same, and so does its
 * fragment: a metadata change rebuilds the fragment of the changed object only.
 */
const objectFragments = new WeakMap<CompiledObject, OpenApiFragment>();

function objectFragment(compiled: CompiledObject): OpenApiFragment {
  let fragment = objectFragments.get(compiled);
  if (!fragment) {
    const records = recordPaths(compiled);
    const paths = { ...records.paths };
    mergeInto(paths, sharingPaths(compiled), 'path');
    mergeInto(paths, automationPaths(compiled), 'path');
    mergeInto(paths, reportPaths(compiled), 'path');
    mergeInto(paths, attachmentPaths(compiled), 'path');
    mergeInto(paths, bulkPaths(compiled), 'path');
    fragment = { ...records, paths };
    objectFragments.set(compiled, fragment);
  }
  return fragment;
}

/** Adds one fragment's entries, refusing a second owner of any name: a silent overwrite would be a wrong document. */
function mergeInto<T>(target: Record<string, T>, source: Record<string, T>, what: string): void {
  for (const [key, value] of Object.entries(source)) {
    if (key in target) throw new InternalError(`OpenAPI: two definitions of ${what} '${key}'.`);
    target[key] = value;
  }
}

/**
 * The OpenAPI 3.1 document of one metadata snapshot. `whole` is the tenant's full snapshot when
 * `snapshot` is one user's view of it: a view leaves out the approval processes, but the records
 * the user sees still have their approval routes.
 */
export function buildOpenApi(snapshot: Snapshot, whole: Snapshot = snapshot): OpenApiDocument {
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: 'Low-code CRM API', version: `1.0.0+metadata.${snapshot.version}`, description: DESCRIPTION },
    tags: [],
    paths: {},
    components: { ...commonComponents(), securitySchemes: SECURITY_SCHEMES },
    security: DOCUMENT_SECURITY,
  };
  mergeInto(document.components.schemas, metadataSchemas(), 'schema');
  // The kinds the tenant's packs add: in the document of the tenants where they are installed only.
  const packKinds = whole.packKinds.all();
  mergeInto(document.components.schemas, packKindSchemas(packKinds, document.components.schemas), 'schema');
  mergeInto(document.components.schemas, SHARING_SCHEMAS, 'schema');
  mergeInto(document.components.schemas, AUTOMATION_SCHEMAS, 'schema');
  mergeInto(document.components.schemas, REPORT_SCHEMAS, 'schema');
  mergeInto(document.components.schemas, ATTACHMENT_SCHEMAS, 'schema');
  mergeInto(document.components.schemas, BULK_SCHEMAS, 'schema');
  const objects = [...snapshot.objects.values()].sort((a, b) => a.name.localeCompare(b.name));
  const withProcesses = objects.filter((object) => whole.processesOf(object.name).length > 0);
  const fragments: OpenApiFragment[] = [
    ...objects.flatMap((object) => [objectFragment(object), relatedPaths(snapshot, object), printPaths(snapshot, object)]),
    metaPaths(packKinds),
    backfillPaths(),
    approvalPaths(withProcesses),
    formPaths(),
    searchPaths(),
    reportRunPaths(),
    changePaths(),
    uiPaths(),
    authPaths(),
    auditPaths(),
    jobPaths(),
    webhookPaths(),
    importPaths(),
    packPaths(packKinds),
    platformPaths(),
    operatorPaths(),
  ];
  for (const fragment of fragments) {
    document.tags.push(...fragment.tags);
    mergeInto(document.paths, fragment.paths, 'path');
    mergeInto(document.components.schemas, fragment.schemas, 'schema');
  }
  document.paths = declareTransportResponses(document.paths);
  return document;
}

/** Built by the first request on a metadata version, shared by every later one on it. */
export function openApiDocument(snapshot: Snapshot): OpenApiDocument {
  return snapshot.memo('openapi', () => buildOpenApi(snapshot));
}
