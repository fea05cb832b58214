import { toTraditional } from '../i18n/traditional.js';

const converted = new WeakMap<hbs.AST.Program, hbs.AST.Program>();

/**
 * A part of a print template as a reader of Traditional Chinese gets it: the words its author wrote
 * between the expressions converted (报价单 → 報價單), as labels are; what the expressions print
 * (record values as entered, labels through their own helpers) and the strings inside expressions
 * (compared with record values) left as they are. Converted once per part of a template: the
 * parts are the snapshot's, so a template changed is a new part, converted anew.
 */
export function traditionalProgram(program: hbs.AST.Program): hbs.AST.Program {
  let traditional = converted.get(program);
  if (!traditional) {
    traditional = structuredClone(program);
    convertContent(traditional);
    converted.set(program, traditional);
  }
  return traditional;
}

function convertContent(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) convertContent(child);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const statement = node as { type?: unknown; value?: unknown; original?: unknown };
  if (statement.type === 'ContentStatement') {
    if (typeof statement.value === 'string') statement.value = toTraditional(statement.value);
    if (typeof statement.original === 'string') statement.original = toTraditional(statement.original);
    return;
  }
  for (const child of Object.values(node)) convertContent(child);
}
