import { definePack } from '../../engine/packs/index.js';
import { caseHandoverHook } from './code/case-handover-hook.js';
import { caseSlaHook } from './code/case-sla-hook.js';
import { serviceDemoData } from './code/demo-data.js';
import { escalateAction } from './code/escalate-action.js';
import { slaTargetKind } from './code/sla-target-kind.js';
import { surveyOfCase } from './code/survey-hook.js';

/**
 * The service pack's code: the SLA targets as a kind of metadata, the case clock and the hand-over
 * and survey hooks, the escalation action its time-based rules run, and its demo data
 * (docs/packs/service.md).
 */
export default definePack({
  kinds: { slaTarget: slaTargetKind },
  hooks: [caseSlaHook, caseHandoverHook, surveyOfCase],
  actions: { escalate: escalateAction },
  demoData: serviceDemoData,
});
