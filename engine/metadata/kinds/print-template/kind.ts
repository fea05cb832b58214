import schema from '../../../schemas/print-template.schema.json' with { type: 'json' };
import type { PrintTemplateDefinition } from '../../../schemas/generated/print-template.js';
import { msg } from '../../../i18n/message.js';
import { defineKind, keptIn } from '../define-kind.js';

/** Printable documents of an object's records: Handlebars HTML rendered as HTML or PDF. */
export const printTemplateKind = defineKind<'printTemplate', PrintTemplateDefinition>({
  kind: 'printTemplate',
  schema,
  noun: msg`print template`,
  plural: 'printTemplates',
  inPacks: true,
  ...keptIn((snapshot) => snapshot.printTemplates),
  ofObject: { property: 'object', list: (snapshot, object) => snapshot.printTemplatesOf(object).map((template) => template.definition) },
  api: {
    docs: {
      one: 'PrintTemplate',
      many: 'PrintTemplates',
      listed:
        'The print templates; of one object if asked. Users who may not manage metadata get the name, object and label of the templates of the objects they may read, ' +
        'which is what a record page\'s Print menu needs.',
      byObject: 'Only the print templates of this object.',
      create:
        'Checked when saved: every part must compile (400 at /body, /header or /footer naming the line), name fields of its object, its parents and its related lists, ' +
        'and use only the print helpers; {{{ }}}, partials and decorators are refused. 409 `already_exists` when the name is taken.',
      replace: 'The body is the whole new template; it prints from the next request.',
    },
  },
});
