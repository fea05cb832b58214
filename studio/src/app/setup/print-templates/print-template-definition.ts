import type { ErrorDetail } from '../../../shared/api/api-error';
import type { LocalizedText } from '../../../shared/i18n/localize';
import { listColumns, nameField, type ObjectDefinition } from '../../../shared/metadata/object-definition';

export const PAPER_SIZES = ['A4', 'A3', 'A5', 'B5', 'Letter', 'Legal'] as const;
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export const MARGINS = ['top', 'right', 'bottom', 'left'] as const;
/** The parts of a template as the editor shows them, in the order they print. */
export const PARTS = ['header', 'body', 'footer'] as const;
export type TemplatePart = (typeof PARTS)[number];

/** A print template as /api/v1/meta/print-templates keeps it (engine/schemas/print-template.schema.json). */
export interface PrintTemplateDefinition {
  readonly name: string;
  readonly object: string;
  readonly label?: LocalizedText;
  readonly description?: string;
  readonly body: string;
  readonly header?: string;
  readonly footer?: string;
  readonly page?: {
    readonly size?: (typeof PAPER_SIZES)[number];
    readonly orientation?: (typeof ORIENTATIONS)[number];
    readonly margins?: Partial<Record<(typeof MARGINS)[number], number>>;
  };
  readonly company?: { readonly name?: LocalizedText; readonly address?: LocalizedText; readonly logo?: string };
}

/** The editor's form: every text a control of its own. */
export interface PrintTemplateDraft {
  name: string;
  object: string | undefined;
  labelEn: string;
  labelZh: string;
  description: string;
  header: string;
  body: string;
  footer: string;
  size: (typeof PAPER_SIZES)[number];
  orientation: (typeof ORIENTATIONS)[number];
  margins: Record<(typeof MARGINS)[number], number>;
  companyEn: string;
  companyZh: string;
  addressEn: string;
  addressZh: string;
  logo: string;
}

const DEFAULT_MARGIN = 15;

const text = (value: string) => value.trim();
function localized(en: string, zh: string): LocalizedText | undefined {
  const value = { ...(text(en) ? { en: text(en) } : {}), ...(text(zh) ? { 'zh-CN': text(zh) } : {}) };
  return Object.keys(value).length > 0 ? value : undefined;
}

/**
 * A first body for a new template of an object: its name as the title, then a table of its first
 * fields, each with its label and its value as the reader reads them; the admin edits from there.
 */
export function starterBody(object: ObjectDefinition | undefined): string {
  if (!object) return '';
  const title = nameField(object);
  const rows = listColumns(object, 8)
    .filter((field) => field.name !== title?.name)
    .map((field) => `    <tr><th>{{label "${field.name}"}}</th><td>{{field "${field.name}"}}</td></tr>`);
  return [
    '<h1>{{company.name}}</h1>',
    title ? `<h2>{{record.${title.name}}}</h2>` : '',
    '<table>',
    '  <tbody>',
    ...rows,
    '  </tbody>',
    '</table>',
    '<p>{{date today "long"}}</p>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function newTemplateDraft(object: ObjectDefinition | undefined): PrintTemplateDraft {
  return {
    name: '',
    object: object?.name,
    labelEn: '',
    labelZh: '',
    description: '',
    header: '',
    body: starterBody(object),
    footer: '',
    size: 'A4',
    orientation: 'portrait',
    margins: { top: DEFAULT_MARGIN, right: DEFAULT_MARGIN, bottom: DEFAULT_MARGIN, left: DEFAULT_MARGIN },
    companyEn: '',
    companyZh: '',
    addressEn: '',
    addressZh: '',
    logo: '',
  };
}

export function templateDraftOf(definition: PrintTemplateDefinition): PrintTemplateDraft {
  const margins = definition.page?.margins ?? {};
  return {
    name: definition.name,
    object: definition.object,
    labelEn: definition.label?.en ?? '',
    labelZh: definition.label?.['zh-CN'] ?? '',
    description: definition.description ?? '',
    header: definition.header ?? '',
    body: definition.body,
    footer: definition.footer ?? '',
    size: definition.page?.size ?? 'A4',
    orientation: definition.page?.orientation ?? 'portrait',
    margins: { top: margins.top ?? DEFAULT_MARGIN, right: margins.right ?? DEFAULT_MARGIN, bottom: margins.bottom ?? DEFAULT_MARGIN, left: margins.left ?? DEFAULT_MARGIN },
    companyEn: definition.company?.name?.en ?? '',
    companyZh: definition.company?.name?.['zh-CN'] ?? '',
    addressEn: definition.company?.address?.en ?? '',
    addressZh: definition.company?.address?.['zh-CN'] ?? '',
    logo: definition.company?.logo ?? '',
  };
}

/** The definition the draft describes, with only what differs from the defaults. */
export function templateDefinitionOf(draft: PrintTemplateDraft): PrintTemplateDefinition {
  const label = localized(draft.labelEn, draft.labelZh);
  const companyName = localized(draft.companyEn, draft.companyZh);
  const address = localized(draft.addressEn, draft.addressZh);
  const company = { ...(companyName ? { name: companyName } : {}), ...(address ? { address } : {}), ...(draft.logo ? { logo: draft.logo } : {}) };
  const margins = Object.fromEntries(MARGINS.filter((side) => draft.margins[side] !== DEFAULT_MARGIN).map((side) => [side, draft.margins[side]]));
  const page = {
    ...(draft.size !== 'A4' ? { size: draft.size } : {}),
    ...(draft.orientation !== 'portrait' ? { orientation: draft.orientation } : {}),
    ...(Object.keys(margins).length > 0 ? { margins } : {}),
  };
  return {
    name: draft.name.trim(),
    object: draft.object ?? '',
    ...(label ? { label } : {}),
    ...(text(draft.description) ? { description: text(draft.description) } : {}),
    ...(draft.header.trim() ? { header: draft.header } : {}),
    body: draft.body,
    ...(draft.footer.trim() ? { footer: draft.footer } : {}),
    ...(Object.keys(page).length > 0 ? { page } : {}),
    ...(Object.keys(company).length > 0 ? { company } : {}),
  };
}

/** Where the server's problems go: a part's editor, a margin, a label; the rest above the buttons. */
const CONTROLS: readonly [RegExp, string][] = [
  [/^\/(header|body|footer)$/, '$1'],
  [/^\/name$/, 'name'],
  [/^\/object$/, 'object'],
  [/^\/label\/en$/, 'labelEn'],
  [/^\/label\/zh-CN$/, 'labelZh'],
  [/^\/page\/margins\/(top|right|bottom|left)$/, 'margins.$1'],
  [/^\/company\/name\/en$/, 'companyEn'],
  [/^\/company\/name\/zh-CN$/, 'companyZh'],
  [/^\/company\/address\/en$/, 'addressEn'],
  [/^\/company\/address\/zh-CN$/, 'addressZh'],
  [/^\/description$/, 'description'],
];

export function templateErrors(details: readonly ErrorDetail[]): { controls: Partial<Record<string, string[]>>; form: string[] } {
  const controls: Partial<Record<string, string[]>> = {};
  const form: string[] = [];
  for (const detail of details) {
    const match = CONTROLS.find(([pattern]) => pattern.test(detail.path));
    if (match) (controls[detail.path.replace(match[0], match[1])] ??= []).push(detail.message);
    else form.push(detail.path ? `${detail.path}: ${detail.message}` : detail.message);
  }
  return { controls, form };
}

/** The line a server's message about a part names ("line 3: …"), to underline it in the editor. */
export function problemLine(message: string): number | undefined {
  const match = /^(?:line|第) ?(\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}
