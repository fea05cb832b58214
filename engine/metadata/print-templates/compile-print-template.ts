import Handlebars from 'handlebars';
import type { ErrorDetail } from '../../errors/index.js';
import type { Labels } from '../../fields/index.js';
import { msg, type Message } from '../../i18n/message.js';
import type { PrintTemplateDefinition } from '../../schemas/generated/print-template.js';
import type { CompiledObject } from '../compiled-object.js';
import { resolveLabels } from '../labels.js';
import { PRINT_HELPERS } from './print-helper-names.js';
import { printRelations, type PrintRelation } from './print-relations.js';
import { TemplatePaths } from './template-paths.js';

/** The parts of a template, in the order they print. */
export const TEMPLATE_PARTS = ['header', 'body', 'footer'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

export interface PrintPageSettings {
  readonly size: NonNullable<NonNullable<PrintTemplateDefinition['page']>['size']>;
  readonly orientation: 'portrait' | 'landscape';
  /** Millimetres. */
  readonly margins: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

/** A print template as the engine runs it: each part parsed and checked, the related lists it reads. */
export interface CompiledPrintTemplate {
  readonly definition: PrintTemplateDefinition;
  readonly name: string;
  readonly object: string;
  readonly label: Labels;
  /** The parsed parts; a part left out is absent. */
  readonly parts: Partial<Record<TemplatePart, hbs.AST.Program>>;
  /** The related lists its parts read: the only ones loaded when it prints. */
  readonly relations: readonly PrintRelation[];
  readonly page: PrintPageSettings;
}

const DEFAULT_MARGIN_MM = 15;

/**
 * The options every print template compiles with, here and when it runs: only the print helpers
 * and Handlebars' own block helpers (not `log`), so an unknown helper is refused when saved.
 */
export const PRINT_COMPILE_OPTIONS: CompileOptions = {
  knownHelpers: { ...Object.fromEntries(PRINT_HELPERS.map((name) => [name, true])), log: false },
  knownHelpersOnly: true,
  strict: false,
};

/**
 * Checks a print template (valid against its schema) against its object and compiles its parts:
 * a syntax error, an unknown helper or field, a related list the object does not have, triple
 * braces, partials and decorators are each a problem at the part's path, naming the line.
 */
export function compilePrintTemplate(
  definition: PrintTemplateDefinition,
  objects: ReadonlyMap<string, CompiledObject>,
): { template?: CompiledPrintTemplate; problems: ErrorDetail[] } {
  const object = objects.get(definition.object);
  if (!object) return { problems: [{ path: '/object', message: msg`there is no object named '${definition.object}'` }] };
  const relations = printRelations(object, objects);
  const problems: ErrorDetail[] = [];
  const parts: Partial<Record<TemplatePart, hbs.AST.Program>> = {};
  const paths = new TemplatePaths(object, objects, relations);
  for (const part of TEMPLATE_PARTS) {
    const source = definition[part];
    if (source === undefined || source === '') continue;
    const at = `/${part}`;
    const parsed = parse(source);
    if ('problem' in parsed) {
      problems.push({ path: at, message: parsed.problem });
      continue;
    }
    const before = paths.problems.length;
    const unsafe = unsafeStatements(parsed.program);
    paths.program(parsed.program, [{ kind: 'root' }]);
    const found = [...unsafe, ...paths.problems.slice(before)].sort((a, b) => a.line - b.line);
    problems.push(...found.map(({ line, message }) => ({ path: at, message: msg`line ${line}: ${message}` })));
    if (found.length > 0) continue;
    const compileProblem = precompileProblem(parsed.program);
    if (compileProblem) problems.push({ path: at, message: compileProblem });
    else parts[part] = parsed.program;
  }
  if (problems.length > 0) return { problems };
  const used = paths.uses.everyRelation ? relations : relations.filter((relation) => paths.uses.relations.has(relation.key));
  return {
    problems,
    template: {
      definition,
      name: definition.name,
      object: object.name,
      label: resolveLabels(definition.label, definition.name),
      parts,
      relations: used,
      page: pageSettings(definition.page),
    },
  };
}

function pageSettings(page: PrintTemplateDefinition['page']): PrintPageSettings {
  const margins = page?.margins ?? {};
  return {
    size: page?.size ?? 'A4',
    orientation: page?.orientation ?? 'portrait',
    margins: {
      top: margins.top ?? DEFAULT_MARGIN_MM,
      right: margins.right ?? DEFAULT_MARGIN_MM,
      bottom: margins.bottom ?? DEFAULT_MARGIN_MM,
      left: margins.left ?? DEFAULT_MARGIN_MM,
    },
  };
}

/** Handlebars' parse error names its line in English ("Parse error on line 3: ..."); the admin gets the line and what was expected. */
function parse(source: string): { program: hbs.AST.Program } | { problem: Message } {
  try {
    return { program: Handlebars.parse(source) };
  } catch (error) {
    const text = (error as Error).message;
    const line = /on line (\d+)/.exec(text)?.[1] ?? /- (\d+):\d+$/.exec(text)?.[1];
    const detail = text.split('\n').pop()!.trim();
    return { problem: line ? msg`line ${Number(line)}: is not a valid template: ${detail}` : msg`is not a valid template: ${detail}` };
  }
}

/** What compiling alone finds (an unknown helper), with its line. */
function precompileProblem(program: hbs.AST.Program): Message | undefined {
  try {
    Handlebars.precompile(program, PRINT_COMPILE_OPTIONS);
    return undefined;
  } catch (error) {
    const exception = error as Error & { lineNumber?: number };
    const text = exception.message.replace(/ - \d+:\d+$/, '');
    return exception.lineNumber ? msg`line ${exception.lineNumber}: is not a valid template: ${text}` : msg`is not a valid template: ${text}`;
  }
}

/** Triple braces and {{& }} print a value unescaped; partials and decorators reach outside the template. */
function unsafeStatements(program: hbs.AST.Program): { line: number; message: Message }[] {
  const found: { line: number; message: Message }[] = [];
  const visit = (node: hbs.AST.Node | undefined): void => {
    if (!node) return;
    const line = node.loc?.start.line ?? 1;
    if (node.type === 'MustacheStatement' && (node as hbs.AST.MustacheStatement).escaped === false) {
      found.push({ line, message: msg`{{{ }}} and {{& }} would print a value without escaping it: use {{ }}` });
    } else if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      found.push({ line, message: msg`partials ({{> name}}) are not available in print templates` });
    } else if (node.type === 'Decorator' || node.type === 'DecoratorBlock') {
      found.push({ line, message: msg`decorators ({{* name}}) are not available in print templates` });
    }
    if (node.type === 'Program') (node as hbs.AST.Program).body.forEach(visit);
    const block = node as Partial<hbs.AST.BlockStatement>;
    if (node.type === 'BlockStatement' || node.type === 'DecoratorBlock' || node.type === 'PartialBlockStatement') {
      visit(block.program);
      visit(block.inverse);
    }
  };
  visit(program);
  return found;
}
