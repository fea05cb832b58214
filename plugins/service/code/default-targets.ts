import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSlaTarget, type SlaTarget } from './sla-target-kind.js';

/**
 * The SLA targets the pack ships (metadata/sla-targets/), by priority: what the demo data is timed
 * with, since a first install's demo records are written before the pack's hooks run.
 */
export const DEFAULT_TARGETS: Readonly<Record<string, SlaTarget>> = Object.fromEntries(
  ['low', 'medium', 'high', 'urgent'].map((priority) => {
    const definition = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'metadata', 'sla-targets', `case_${priority}.json`), 'utf8'));
    return [priority, compileSlaTarget(definition)];
  }),
);
