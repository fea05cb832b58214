import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ValidationError } from '../errors/index.js';
import { msg } from '../i18n/message.js';
import { codeMessagesOf, useCodeMessages } from './code-messages.js';
import type { PackCode } from './pack-code.js';
import { readJsonFolder } from './read-pack.js';

const ENTRIES = ['index.ts', 'index.mjs', 'index.js'];

/**
 * A folder pack's code, the default export of its index.ts (or index.mjs, index.js), or undefined
 * for a pack of metadata alone; the messages it says get the translations of the pack's
 * translations folder (code-messages.ts). Only packs of the server's packs folder carry code: a pack sent
 * over the API is metadata only, so installing code stays the operator's decision.
 *
 * JavaScript entries are imported anew once changed (their modification time joins the module's
 * address), so an upgrade copied into the folder needs no restart. tsx, which runs TypeScript,
 * keeps one module per path whatever the address says: a changed index.ts is read at the next
 * start, unless the pack's folder is a link to the release's own folder, whose path is new.
 */
export async function loadPackCode(dir: string): Promise<PackCode | undefined> {
  const entry = ENTRIES.map((name) => join(dir, name)).find((file) => existsSync(file));
  if (!entry) return undefined;
  // Imported from where it really is: a pack folder that links to a release's folder (plugins/sales -> releases/sales-1.2.0)
  // is read from that release's path, so switching the link loads the new release's code without a restart, index.ts included.
  const real = realpathSync(entry);
  const url = entry.endsWith('.ts') ? pathToFileURL(real).href : `${pathToFileURL(real).href}?v=${statSync(real).mtimeMs}`;
  const file = `/${entry.slice(dir.length + 1)}`;
  let module: { default?: unknown };
  try {
    module = (await import(url)) as { default?: unknown };
  } catch (error) {
    // A module it imports is missing (a pack copied away from the engine it imports by relative path), or it throws as it loads.
    throw new ValidationError([{ path: file, message: msg`could not be loaded: ${error instanceof Error ? error.message : String(error)}` }], msg`The code of the pack in folder '${basename(dir)}' cannot be loaded.`);
  }
  const code = module.default;
  if (code === null || typeof code !== 'object' || Array.isArray(code)) {
    throw new ValidationError([{ path: file, message: msg`must export its code as the default: export default definePack({ … })` }]);
  }
  // The messages the code says, in the languages of the pack's translation files.
  useCodeMessages(basename(dir), codeMessagesOf(readJsonFolder(dir, 'translations', []), []));
  return code as PackCode;
}
