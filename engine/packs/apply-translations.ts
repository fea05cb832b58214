import type { ErrorDetail } from '../errors/index.js';
import { isLanguage, LANGUAGES } from '../i18n/language.js';
import { msg } from '../i18n/message.js';
import { createAjv } from '../metadata/create-ajv.js';
import type { PackKind } from '../metadata/pack-kinds/index.js';
import { checkItemDefinition } from './pack-kinds.js';
import { readableErrors } from '../metadata/readable-errors.js';
import type { PackTranslations } from '../schemas/generated/pack-translations.js';
import translationsSchema from '../schemas/pack-translations.schema.json' with { type: 'json' };
import { codeMessagesOf, MESSAGE_KEY } from './code-messages.js';
import { pointerToken } from './json-pointer.js';
import { itemKey, type PackItem } from './pack-items.js';
import { textAt } from './translation-paths.js';

export type { PackTranslations } from '../schemas/generated/pack-translations.js';

/** A pack's translation files by language, as its folder (translations/<language>.json) or a request holds them. */
export type TranslationFiles = Readonly<Record<string, unknown>>;

const validate = createAjv().compile<PackTranslations>(translationsSchema);

/**
 * A pack's definitions with its translation files applied: each key's text written into the
 * definition's text in the file's language, so a consultant keeps the metadata in one language
 * and each other language beside it, and the install (and an upgrade's three-way merge) sees one
 * definition with every language, as if written inline. A key that names nothing in the pack, a
 * file of a language metadata is not written in, and a definition the texts leave invalid are
 * problems, each with its file and key (`/translations/zh-CN.json/object:lead~1fields~1x~1label`).
 */
export function applyTranslations(items: readonly PackItem[], files: TranslationFiles, problems: ErrorDetail[], packKinds: ReadonlyMap<string, PackKind> = new Map()): PackItem[] {
  const byKey = new Map(items.map((item) => [itemKey(item.kind, item.name), { ...item, definition: structuredClone(item.definition) }]));
  const touched = new Set<string>();
  for (const [language, file] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const where = `/translations/${language}.json`;
    if (!isLanguage(language)) {
      problems.push({ path: where, message: msg`is not a language metadata is written in (${LANGUAGES.join(', ')}); zh-TW texts left out are converted from zh-CN` });
      continue;
    }
    if (!validate(file)) {
      problems.push(...readableErrors(validate.errors ?? [], { unknownProperty: msg`is not a translation key`, data: file }).map((problem) => ({ ...problem, path: `${where}${problem.path}` })));
      continue;
    }
    for (const [key, text] of Object.entries(file)) {
      // The messages of the pack's code are the code's (code-messages.ts), checked below.
      if (key.startsWith(MESSAGE_KEY)) continue;
      const path = `${where}/${pointerToken(key)}`;
      const slash = key.indexOf('/');
      const [definitionKey, pointer] = [key.slice(0, slash), key.slice(slash)];
      const item = byKey.get(definitionKey);
      if (!item) {
        problems.push({ path, message: msg`names nothing in the pack: it has no definition ${definitionKey} ('${key}')` });
        continue;
      }
      const target = textAt(item.definition as unknown as Record<string, unknown>, pointer);
      if ('missing' in target) problems.push({ path, message: msg`names nothing in the pack: ${definitionKey} has nothing at ${target.missing} ('${key}')` });
      else if ('notText' in target) problems.push({ path, message: msg`names no text in each language: ${definitionKey}${target.notText} is not a label, help text, title or message ('${key}')` });
      else {
        target[language] = text;
        touched.add(definitionKey);
      }
    }
  }
  codeMessagesOf(files, problems);
  for (const key of touched) {
    const item = byKey.get(key)!;
    const checked = checkItemDefinition(item.kind, item.definition, packKinds);
    if (!checked.ok) problems.push(...checked.problems.map((problem) => ({ path: '/translations', message: msg`make ${key} invalid at ${problem.path}: ${problem.message}` })));
    else byKey.set(key, { ...item, definition: checked.definition });
  }
  return [...byKey.values()];
}
