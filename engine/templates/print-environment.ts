import Handlebars from 'handlebars';
import { PRINT_COMPILE_OPTIONS } from '../metadata/print-templates/compile-print-template.js';
import { PRINT_HELPER_FUNCTIONS, type PrintData } from './print-helpers.js';

/**
 * Print templates' own Handlebars: the print helpers and the block helpers, nothing else (no
 * `log`, no partials). Kept apart from the global instance the e-mail actions use.
 */
const environment = Handlebars.create();
environment.unregisterHelper('log');
for (const [name, helper] of Object.entries(PRINT_HELPER_FUNCTIONS)) environment.registerHelper(name, helper as Handlebars.HelperDelegate);

/**
 * What a template may reach at run time: own properties of the data only. These are Handlebars'
 * defaults since 4.6; they are written out so that a change of defaults cannot open the
 * prototypes (`{{constructor.constructor}}`) to templates.
 */
const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowedProtoProperties: {},
  allowedProtoMethods: {},
} as const;

const compiled = new WeakMap<hbs.AST.Program, HandlebarsTemplateDelegate>();

/** Runs one part of a compiled print template over the print's context. */
export function runTemplate(program: hbs.AST.Program, context: Record<string, unknown>, print: PrintData): string {
  let template = compiled.get(program);
  if (!template) {
    template = environment.compile(program, PRINT_COMPILE_OPTIONS);
    compiled.set(program, template);
  }
  return template(context, { ...RUNTIME_OPTIONS, data: { print } });
}
