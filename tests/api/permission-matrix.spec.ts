import { expect } from 'chai';
import { listPath } from '../support/api-helpers.js';
import {
  buildOrg,
  csvColumn,
  defaultTenant,
  FIELDS,
  JOB,
  keysOf,
  OBJECTS,
  parseCsv,
  PERSONAS,
  recordSpec,
  RECORDS,
  type ObjectName,
  type Org,
  type Persona,
} from '../support/permission-fixtures.js';
import { createTenant, OPERATOR_TOKEN } from '../support/tenant-helpers.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

type ByObject = Partial<Record<ObjectName, string[]>>;
const ALL: ByObject = Object.fromEntries(OBJECTS.map((object) => [object, keysOf(object)]));

/**
 * The records each persona sees. An object left out is one none of their permission sets lets
 * them read: every operation on it answers 403.
 */
const SEES: Record<Persona, ByObject> = {
  admin: ALL,
  // Her own; her manager's account through the team rule; every case (public read).
  rita: {
    account: ['acc_rita', 'acc_mona'],
    opportunity: ['opp_rita_small', 'opp_rita_big'],
    opportunity_line: ['line_small_1', 'line_small_2', 'line_big'],
    case: ['case_sam', 'case_admin'],
  },
  rob: { account: ['acc_rob', 'acc_mona'], opportunity: ['opp_rob'], opportunity_line: ['line_rob'], case: ['case_sam', 'case_admin'] },
  // Hers and her reps' (role hierarchy); not the administrator's, who has no role below hers.
  mona: {
    account: ['acc_rita', 'acc_rob', 'acc_mona'],
    opportunity: ['opp_rita_small', 'opp_rita_big', 'opp_rob', 'opp_mona'],
    opportunity_line: ['line_small_1', 'line_small_2', 'line_big', 'line_rob'],
    case: ['case_sam', 'case_admin'],
  },
  // The public-sector account through the rule for the service roles.
  sam: { account: ['acc_rob'], case: ['case_sam', 'case_admin'] },
  // May read accounts and sees none; big deals through the deal desk group; every invoice (public read).
  fiona: { account: [], opportunity: ['opp_rita_big'], opportunity_line: ['line_big'], invoice: ['inv_fiona', 'inv_admin'] },
  pete: { supplier: ['sup_pete', 'sup_admin'] },
};

/** The records each persona may edit. An object left out is one they have no edit right on (403). */
const EDITS: Record<Persona, ByObject> = {
  admin: ALL,
  rita: { account: ['acc_rita', 'acc_mona'], opportunity: ['opp_rita_small', 'opp_rita_big'], opportunity_line: ['line_small_1', 'line_small_2', 'line_big'] },
  rob: { account: ['acc_rob', 'acc_mona'], opportunity: ['opp_rob'], opportunity_line: ['line_rob'] },
  mona: { account: SEES.mona.account!, opportunity: SEES.mona.opportunity!, opportunity_line: SEES.mona.opportunity_line! },
  sam: { case: ['case_sam'] },
  fiona: { invoice: ['inv_fiona'] },
  pete: { supplier: ['sup_pete', 'sup_admin'] },
};

/** On objects a persona reads: the fields their permission sets hide from them, and those they read but may not edit. */
const HIDDEN: Partial<Record<Persona, ByObject>> = { rita: { opportunity: ['margin'] }, rob: { opportunity: ['margin'] } };
const READ_ONLY: Partial<Record<Persona, ByObject>> = { rita: { opportunity: ['discount'] }, rob: { opportunity: ['discount'] } };

/** Lookups and master-details: expand on the child, related lists of the parent. */
const RELATIONS: [child: ObjectName, field: string, parent: ObjectName][] = [
  ['opportunity', 'account', 'account'],
  ['opportunity_line', 'opportunity', 'opportunity'],
  ['case', 'account', 'account'],
  ['invoice', 'account', 'account'],
];

/** The picklist each object's summary groups by. */
const GROUP_BY: Record<ObjectName, string> = {
  account: 'industry',
  opportunity: 'stage',
  opportunity_line: 'family',
  case: 'priority',
  invoice: 'status',
  supplier: 'rating',
};

const sees = (persona: Persona, object: ObjectName) => SEES[persona][object];
const hiddenOf = (persona: Persona, object: ObjectName) => HIDDEN[persona]?.[object] ?? [];
const sorted = (values: string[]) => [...values].sort();
const valueOf = (key: string, field: string) => recordSpec(key).values[field];
/** The hidden fields a record as the API returned it holds: none, when the engine is right. */
const shownHidden = (persona: Persona, object: ObjectName, record: object) => hiddenOf(persona, object).filter((field) => field in record);
/** What is wrong with the fields of a record as the API returned it: a hidden field shown, a readable field with a value missing. */
const wrongFields = (persona: Persona, key: string, record: object) => {
  const { object, values, refs } = recordSpec(key);
  const missing = FIELDS[object].filter((field) => !hiddenOf(persona, object).includes(field) && (field in values || field in (refs ?? {})) && !(field in record));
  return [...shownHidden(persona, object, record).map((field) => `hidden ${field} shown`), ...missing.map((field) => `readable ${field} missing`)];
};
/** Fields a form shows read only: every field without the edit right, else those the field permissions keep read only. */
const readOnlyOf = (persona: Persona, object: ObjectName) => (EDITS[persona][object] ? (READ_ONLY[persona]?.[object] ?? []) : FIELDS[object]);

describe('permission matrix: every role × operation, in two tenants with the same objects', () => {
  let engine: TestEngine;
  let alpha: Org;
  let beta: Org;

  before(async () => {
    engine = await startTestEngine({ operatorToken: OPERATOR_TOKEN });
    alpha = await buildOrg(engine, defaultTenant(engine));
    beta = await buildOrg(engine, await createTenant(engine, 'beta'));
  });
  after(() => engine.stop());

  /** Runs one request per object, in parallel, and returns "object: outcome" lines to compare whole. */
  const perObject = (outcome: (object: ObjectName) => Promise<string>) => Promise.all(OBJECTS.map(async (object) => `${object}: ${await outcome(object)}`));
  const expectedPerObject = (outcome: (object: ObjectName) => string) => OBJECTS.map((object) => `${object}: ${outcome(object)}`);
  const keysFromIds = (org: Org, ids: string[]) => ids.map((id) => RECORDS.find((spec) => org.id(spec.key) === id)?.key ?? `foreign ${id}`);

  for (const persona of PERSONAS) {
    describe(`${persona}, ${JOB[persona]}`, () => {
      const call = (method: string, path: string, body?: unknown) => alpha.as(persona)(method, path, body);

      it('get: 200 for each record they may see with every field they may read, 404 for the others, 403 on objects they may not read', async () => {
        const outcome = (key: string, status: number) => `${key} ${status}`;
        const expected = RECORDS.map(({ key, object }) => outcome(key, !sees(persona, object) ? 403 : sees(persona, object)!.includes(key) ? 200 : 404));
        const responses = await Promise.all(RECORDS.map(({ key, object }) => call('GET', `/api/v1/records/${object}/${alpha.id(key)}`)));
        expect(responses.map((response, i) => outcome(RECORDS[i]!.key, response.status))).to.deep.equal(expected);
        responses.forEach((response, i) => {
          const { key, object } = RECORDS[i]!;
          if (response.status === 200) expect(wrongFields(persona, key, response.body), key).to.deep.equal([]);
        });
      });

      it('list: exactly the records they may see, 403 on objects they may not read', async () => {
        const actual = await perObject(async (object) => {
          const response = await call('GET', listPath(object, { limit: 200 }));
          if (response.status !== 200) return String(response.status);
          expect(response.body.records.flatMap((record: object) => shownHidden(persona, object, record)), `${object} hidden fields`).to.deep.equal([]);
          return sorted(keysFromIds(alpha, response.body.records.map((record: { _id: string }) => record._id))).join(',');
        });
        expect(actual).to.deep.equal(expectedPerObject((object) => (sees(persona, object) ? sorted(sees(persona, object)!).join(',') : '403')));
      });

      it('count (total=true): counts only the records they may see', async () => {
        const actual = await perObject(async (object) => {
          const response = await call('GET', listPath(object, { total: 'true', limit: 1 }));
          return response.status === 200 ? `total ${response.body.total}` : String(response.status);
        });
        expect(actual).to.deep.equal(expectedPerObject((object) => (sees(persona, object) ? `total ${sees(persona, object)!.length}` : '403')));
      });

      it('update: 200 where they may edit, 403 where they only see the record or lack the right, 404 where they do not see it', async () => {
        // The name it already has: the access check runs in full, and nothing changes.
        const responses = await Promise.all(RECORDS.map(({ key, object }) => call('PATCH', `/api/v1/records/${object}/${alpha.id(key)}`, { name: alpha.nameOf(key) })));
        const expected = RECORDS.map(({ key, object }) => {
          const edits = EDITS[persona][object];
          return `${key} ${!edits ? 403 : edits.includes(key) ? 200 : sees(persona, object)?.includes(key) ? 403 : 404}`;
        });
        expect(responses.map((response, i) => `${RECORDS[i]!.key} ${response.status}`)).to.deep.equal(expected);
      });

      it('expand: embeds each parent they may see, null for the others, without hidden fields', async () => {
        const readable = RELATIONS.filter(([child]) => sees(persona, child));
        const actual = await Promise.all(readable.map(async ([child, field, parent]) => {
          const response = await call('GET', listPath(child, { expand: field, limit: 200 }));
          expect(response.status, JSON.stringify(response.body)).to.equal(200);
          return response.body.records.map((record: Record<string, any>) => {
            const embedded = record._expanded[field];
            if (embedded) expect(shownHidden(persona, parent, embedded), `${field} of ${record._id}`).to.deep.equal([]);
            return `${keysFromIds(alpha, [record._id])[0]}.${field} → ${embedded ? keysFromIds(alpha, [embedded._id])[0] : null}`;
          }).sort();
        }));
        const expected = readable.map(([child, field, parent]) =>
          sees(persona, child)!.map((key) => {
            const target = recordSpec(key).refs![field]!;
            return `${key}.${field} → ${sees(persona, parent)!.includes(target) ? target : null}`;
          }).sort());
        expect(actual).to.deep.equal(expected);
      });

      it('related list: the children they may see of a parent they may see; 403 without the right on either object, then 404 for a hidden parent', async () => {
        const cases = RELATIONS.flatMap(([child, field, parent]) => keysOf(parent).map((key) => ({ child, field, parent, key })));
        const actual = await Promise.all(cases.map(async ({ child, parent, key }) => {
          const response = await call('GET', `/api/v1/records/${parent}/${alpha.id(key)}/related/${child}?limit=200`);
          const outcome = response.status === 200 ? sorted(keysFromIds(alpha, response.body.records.map((record: { _id: string }) => record._id))).join(',') : response.status;
          return `${key} → ${child}: ${outcome}`;
        }));
        const expected = cases.map(({ child, field, parent, key }) => {
          const [parentSeen, childSeen] = [sees(persona, parent), sees(persona, child)];
          const outcome = !parentSeen || !childSeen
            ? 403
            : !parentSeen.includes(key)
              ? 404
              : sorted(childSeen.filter((childKey) => recordSpec(childKey).refs![field] === key)).join(',');
          return `${key} → ${child}: ${outcome}`;
        });
        expect(actual).to.deep.equal(expected);
      });

      it('export: a CSV of exactly the records they may see, only readable columns; 403 on objects they may not read', async () => {
        const actual = await perObject(async (object) => {
          const response = await call('GET', `/api/v1/records/${object}/export`);
          if (response.status !== 200) return String(response.status);
          expect(response.headers.get('content-type')).to.match(/^text\/csv/);
          const rows = parseCsv(response.body);
          expect(hiddenOf(persona, object).filter((field) => rows[0]!.includes(field)), `${object} columns`).to.deep.equal([]);
          return sorted(csvColumn(rows, 'name')).join(',');
        });
        expect(actual).to.deep.equal(expectedPerObject((object) => (sees(persona, object) ? sorted(sees(persona, object)!.map(alpha.nameOf)).join(',') : '403')));
      });

      it('summary: groups and totals over exactly the records they may see; 403 on objects they may not read', async () => {
        const actual = await perObject(async (object) => {
          const response = await call('GET', `/api/v1/records/${object}/summary?groupBy=${GROUP_BY[object]}&measures=count`);
          if (response.status !== 200) return String(response.status);
          const groups = (response.body.groups as { key: unknown; count: number }[]).map((group) => `${group.key}=${group.count}`).sort();
          return `${groups.join(',')} total ${response.body.total.count}`;
        });
        expect(actual).to.deep.equal(expectedPerObject((object) => {
          const seen = sees(persona, object);
          if (!seen) return '403';
          const counts = new Map<unknown, number>();
          for (const key of seen) counts.set(valueOf(key, GROUP_BY[object]), (counts.get(valueOf(key, GROUP_BY[object])) ?? 0) + 1);
          return `${[...counts].map(([key, count]) => `${key}=${count}`).sort().join(',')} total ${seen.length}`;
        }));
        if (sees(persona, 'opportunity')) {
          const amounts = await call('GET', '/api/v1/records/opportunity/summary?groupBy=stage&measures=count,sum:amount');
          expect(amounts.status, JSON.stringify(amounts.body)).to.equal(200);
          expect(amounts.body.total.sum.amount).to.equal(sees(persona, 'opportunity')!.reduce((sum, key) => sum + Number(valueOf(key, 'amount')), 0));
        }
      });

      it('form: only the fields they may read, read only where they may not edit; 403 on objects they may not read', async () => {
        const actual = await perObject(async (object) => {
          const response = await call('GET', `/api/v1/forms/${object}`);
          if (response.status !== 200) return String(response.status);
          const hidden = hiddenOf(persona, object).filter((field) => JSON.stringify(response.body).includes(`"${field}"`));
          const readOnly = Object.keys(response.body.schema.properties).filter((field) => response.body.uiSchema[field]?.['ui:readonly'] === true);
          return `hidden shown [${hidden}] read only [${readOnly}]`;
        });
        expect(actual).to.deep.equal(expectedPerObject((object) => (sees(persona, object) ? `hidden shown [] read only [${readOnlyOf(persona, object)}]` : '403')));
      });

      it('OpenAPI and metadata: only the objects they may read, without the fields they may not read', async () => {
        const [openApi, meta] = await Promise.all([call('GET', '/api/v1/openapi.json'), call('GET', '/api/v1/meta/objects')]);
        expect(openApi.status).to.equal(200);
        expect(meta.status).to.equal(200);
        const listed = new Set((meta.body.objects as { name: string }[]).map((object) => object.name));
        const actual = OBJECTS.map((object) => {
          const schema = openApi.body.components.schemas[object];
          const definition = (meta.body.objects as { name: string; fields: { name: string }[] }[]).find((candidate) => candidate.name === object);
          const fields = [...Object.keys(schema?.properties ?? {}), ...(definition?.fields ?? []).map((field) => field.name)];
          const documented = openApi.body.paths[`/api/v1/records/${object}`] !== undefined;
          return `${object}: documented ${documented}, listed ${listed.has(object)}, hidden shown [${hiddenOf(persona, object).filter((field) => fields.includes(field))}]`;
        });
        expect(actual).to.deep.equal(OBJECTS.map((object) => `${object}: documented ${!!sees(persona, object)}, listed ${!!sees(persona, object)}, hidden shown []`));
      });

      /** A hidden field is refused exactly as a field that does not exist: the same status and the same words. */
      const expectUnknownField = async (paths: string[], responses: TestResponse[]) => {
        const unknown = await Promise.all(paths.map((path) => call('GET', path.replaceAll('margin', 'no_such_field'))));
        responses.forEach((response, i) => {
          expect(JSON.stringify(response.body), paths[i]).to.contain("is not a field of opportunity");
          expect(response.body, paths[i]).to.deep.equal(JSON.parse(JSON.stringify(unknown[i]!.body).replaceAll('no_such_field', 'margin')));
        });
      };
      const marginRights = () => (!sees(persona, 'opportunity') ? 403 : hiddenOf(persona, 'opportunity').includes('margin') ? 400 : 200);

      it('filter by margin (hidden from reps): 400 as an unknown field, in lists, exports and summaries; the right records for the others', async () => {
        const filter = { margin: { gte: 15000 } };
        const requests = [
          listPath('opportunity', { filter, limit: 200 }),
          `/api/v1/records/opportunity/export?filter=${encodeURIComponent(JSON.stringify(filter))}`,
          `/api/v1/records/opportunity/summary?groupBy=stage&measures=count&filter=${encodeURIComponent(JSON.stringify(filter))}`,
          '/api/v1/records/opportunity/summary?groupBy=stage&measures=count,sum:margin',
        ];
        const responses = await Promise.all(requests.map((path) => call('GET', path)));
        expect(responses.map((response) => response.status), JSON.stringify(responses.map((response) => response.body))).to.deep.equal(requests.map(marginRights));
        if (marginRights() === 400) await expectUnknownField(requests, responses);
        if (marginRights() === 200) {
          const expected = sorted(sees(persona, 'opportunity')!.filter((key) => Number(valueOf(key, 'margin')) >= 15000));
          expect(sorted(keysFromIds(alpha, responses[0]!.body.records.map((record: { _id: string }) => record._id)))).to.deep.equal(expected);
          expect(sorted(csvColumn(parseCsv(responses[1]!.body), 'name'))).to.deep.equal(sorted(expected.map(alpha.nameOf)));
          expect(responses[2]!.body.total.count).to.equal(expected.length);
        }
      });

      it('sort and select by margin (hidden from reps): 400 as an unknown field, in lists and exports; sorted for the others', async () => {
        const requests = [listPath('opportunity', { sort: '-margin', limit: 200 }), listPath('opportunity', { fields: 'name,margin' }), '/api/v1/records/opportunity/export?sort=-margin', '/api/v1/records/opportunity/export?fields=name,margin'];
        const responses = await Promise.all(requests.map((path) => call('GET', path)));
        expect(responses.map((response) => response.status), JSON.stringify(responses.map((response) => response.body))).to.deep.equal(requests.map(marginRights));
        if (marginRights() === 400) await expectUnknownField(requests, responses);
        if (marginRights() === 200) {
          const expected = [...sees(persona, 'opportunity')!].sort((a, b) => Number(valueOf(b, 'margin')) - Number(valueOf(a, 'margin')));
          expect(keysFromIds(alpha, responses[0]!.body.records.map((record: { _id: string }) => record._id))).to.deep.equal(expected);
          expect(csvColumn(parseCsv(responses[2]!.body), 'name')).to.deep.equal(expected.map(alpha.nameOf));
        }
      });
    });
  }

  describe('delete: the owner, the roles above and modify all only; sharing never grants it', () => {
    const cases: [persona: Persona, key: string, status: number, why: string][] = [
      ['rita', 'line_small_2', 204, 'a line of her own opportunity'],
      ['rita', 'acc_mona', 403, 'her manager\'s account, which a sharing rule lets her edit'],
      ['rita', 'acc_rob', 404, 'another rep\'s account'],
      ['rob', 'opp_rita_small', 404, 'another rep\'s opportunity'],
      ['mona', 'opp_rob', 204, 'her rep\'s opportunity, with its line (role hierarchy)'],
      ['mona', 'opp_admin', 404, 'the administrator\'s opportunity'],
      ['sam', 'case_admin', 403, 'a case every agent reads (public read) that another owns'],
      ['sam', 'acc_rob', 403, 'an account a rule shares with him, without the delete right'],
      ['sam', 'case_sam', 204, 'his own case'],
      ['fiona', 'opp_rita_big', 403, 'a big deal the deal desk reads, without the delete right'],
      ['fiona', 'inv_admin', 403, 'an invoice every clerk reads (public read) that another owns'],
      ['fiona', 'inv_fiona', 204, 'her own invoice'],
      ['pete', 'sup_admin', 403, 'a supplier everyone edits (public read/write) that another owns'],
      ['pete', 'sup_pete', 204, 'his own supplier'],
      ['pete', 'inv_admin', 403, 'an invoice, without any right on invoices'],
    ];
    for (const [persona, key, status, why] of cases) {
      it(`${persona} deleting ${why} → ${status}${status === 204 ? ', and restoring it' : ', leaving it'}`, async () => {
        const { object } = recordSpec(key);
        const path = `/api/v1/records/${object}/${alpha.id(key)}`;
        const before = (await alpha.as('admin')('GET', path)).body;
        expect((await alpha.as(persona)('DELETE', path)).status).to.equal(status);
        if (status === 204) {
          expect((await alpha.as('admin')('GET', path)).status).to.equal(404);
          const restored = await alpha.as(persona)('POST', `/api/v1/recycle-bin/${object}/${alpha.id(key)}/restore`);
          expect(restored.status, JSON.stringify(restored.body)).to.equal(200);
        }
        const after = await alpha.as('admin')('GET', path);
        expect(after.status).to.equal(200);
        expect({ ...after.body, _version: 0, _updatedAt: '', _updatedBy: '' }).to.deep.equal({ ...before, _version: 0, _updatedAt: '', _updatedBy: '' });
        const lines = await alpha.as('admin')('GET', listPath('opportunity_line', { total: 'true' }));
        expect(lines.body.total, 'every line is back').to.equal(keysOf('opportunity_line').length);
      });
    }
  });

  describe('two tenants with the same objects, roles and users: each sees only its own records', () => {
    for (const [from, to] of [['alpha', 'beta'], ['beta', 'alpha']] as const) {
      for (const persona of PERSONAS) {
        it(`${persona} (${JOB[persona]}) in ${from === 'alpha' ? 'the default tenant' : 'beta'} lists, counts, gets and exports its tenant's records only`, async () => {
          const [mine, theirs] = from === 'alpha' ? [alpha, beta] : [beta, alpha];
          const call = mine.as(persona);
          const actual = await perObject(async (object) => {
            const [list, exported, summary] = await Promise.all([
              call('GET', listPath(object, { total: 'true', limit: 200 })),
              call('GET', `/api/v1/records/${object}/export`),
              call('GET', `/api/v1/records/${object}/summary?groupBy=${GROUP_BY[object]}&measures=count`),
            ]);
            if (list.status !== 200) return `${list.status} ${exported.status} ${summary.status}`;
            const ids = sorted(list.body.records.map((record: { _id: string }) => record._id));
            const names = sorted(csvColumn(parseCsv(exported.body), 'name'));
            return `ids ${ids} total ${list.body.total} names ${names} summary ${summary.body.total.count}`;
          });
          expect(actual).to.deep.equal(expectedPerObject((object) => {
            const seen = sees(persona, object);
            if (!seen) return '403 403 403';
            return `ids ${sorted(seen.map(mine.id))} total ${seen.length} names ${sorted(seen.map(mine.nameOf))} summary ${seen.length}`;
          }));
          const foreign = await Promise.all(RECORDS.map(({ key, object }) => call('GET', `/api/v1/records/${object}/${theirs.id(key)}`)));
          expect(foreign.map((response, i) => `${RECORDS[i]!.key} ${response.status}`)).to.deep.equal(RECORDS.map(({ key, object }) => `${key} ${sees(persona, object) ? 404 : 403}`));
        });
      }
    }
  });
});
