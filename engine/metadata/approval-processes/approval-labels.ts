import { localize, type Language } from '../../i18n/language.js';
import { humanize } from '../labels.js';
import type { CompiledProcess } from './compiled-process.js';

/** A process's label in the language: English when none was written in it, then the API name made readable, as objects' labels. */
export function processLabel(process: CompiledProcess | undefined, name: string, language: Language): string {
  return localize(process?.definition.label, language) ?? humanize(name);
}

/** A step's label in the language, likewise; a step the current definition no longer has is named from its API name. */
export function stepLabel(process: CompiledProcess | undefined, name: string, language: Language): string {
  const step = process?.steps.find((candidate) => candidate.name === name);
  return localize(step?.definition.label, language) ?? humanize(name);
}

/** Every step of the process with its label, in order: what a client needs to name the steps of a history. */
export function stepLabels(process: CompiledProcess | undefined, language: Language): { name: string; label: string }[] {
  return (process?.steps ?? []).map((step) => ({ name: step.name, label: stepLabel(process, step.name, language) }));
}
