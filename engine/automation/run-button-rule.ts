import type { ConvertedRecord } from '../actions/convert-record.js';
import type { OperationContext } from '../context/index.js';
import { ConflictError, NotFoundError } from '../errors/index.js';
import { inSentence, msg } from '../i18n/message.js';
import type { CompiledObject } from '../metadata/compiled-object.js';
import type { CompiledRule } from '../metadata/automation-rules/compile-rule.js';
import { presentRecord, type RecordView, type StoredRecord } from '../metadata/record-shape/record.js';
import { alive } from '../metadata/record-shape/record-state.js';
import { checkVersion } from '../records/expected-version.js';
import { recordNotFound, recordObject } from '../records/record-object.js';
import { writeUnitFor } from '../records/write-pipeline/index.js';
import { fieldAccess, recordAccess, withAccess } from '../security/access/index.js';
import type { LocalizedText } from '../schemas/generated/common.js';
import type { Collections } from '../store/port.js';
import { ruleHolds } from './rule-holds.js';
import { runRuleOnRecord } from './run-rule-on-record.js';

/** A button a record page offers: a rule with `on: button` whose condition the record matches. */
export interface RecordButton {
  rule: string;
  label: LocalizedText | null;
  description: string | null;
}

const buttonsOf = (ctx: OperationContext, object: CompiledObject): CompiledRule[] => ctx.snapshot.rulesFor(object.name).filter((rule) => rule.active && rule.on === 'button');

/** The buttons of a record the user may see, in the rules' order: those whose condition it matches. */
export async function listRecordButtons(ctx: OperationContext, objectName: string, id: string): Promise<RecordButton[]> {
  const object = recordObject(ctx, objectName);
  const record = await readableRecord(ctx, object, id);
  const buttons: RecordButton[] = [];
  for (const rule of buttonsOf(ctx, object)) {
    if (await ruleHolds(ctx.tenant.store, ctx, object, rule, record)) buttons.push({ rule: rule.name, label: rule.definition.label ?? null, description: rule.definition.description ?? null });
  }
  return buttons;
}

/**
 * A user presses a rule's button on a record (a lead's Convert): the rule's actions run once, as
 * that user and with their permissions, in one unit of work; the records a conversion creates and
 * the record's own changes land together or not at all. 409 when the record no longer matches the
 * rule's condition (converted meanwhile), 412 when If-Match names an older version.
 */
export async function runButtonRule(
  ctx: OperationContext,
  objectName: string,
  id: string,
  ruleName: string,
  expectedVersion?: number,
): Promise<{ record: RecordView; created: ConvertedRecord[] }> {
  const object = recordObject(ctx, objectName);
  const rule = buttonsOf(ctx, object).find((candidate) => candidate.name === ruleName);
  if (!rule) throw new NotFoundError(msg`${object.object.label} records have no button '${ruleName}': no active automation rule of that name runs from a button on them.`);
  const { hidden } = fieldAccess(ctx, object);
  const result = await writeUnitFor(ctx, async (tx) => {
    const record = await readableRecord(ctx, object, id, tx);
    checkVersion(expectedVersion, record._version);
    if (!(await ruleHolds(tx, ctx, object, rule, record))) {
      throw new ConflictError('rule_not_applicable', msg`'${rule.definition.label ?? rule.name}' does not apply to this ${inSentence(object.object.label)} as it stands now (its condition is false): reload the record.`);
    }
    return runRuleOnRecord(tx, ctx, object, rule, record);
  });
  return { record: presentRecord(result.record, undefined, hidden), created: result.created };
}

async function readableRecord(ctx: OperationContext, object: CompiledObject, id: string, reader: Collections = ctx.tenant.store): Promise<StoredRecord> {
  const access = await recordAccess(ctx, object, 'read');
  const record = await reader.collection<StoredRecord>(object.collection).findOne(alive(withAccess({ _id: id }, access)));
  if (!record) throw recordNotFound(object, id);
  return record;
}
