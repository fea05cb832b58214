import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importMessages } from '../../studio/src/app/import/import-messages.js';
import { setupMessages } from '../../studio/src/app/setup/setup-messages.js';
import { en } from '../../studio/src/shared/i18n/messages-en.js';
import { shellEn } from '../../studio/src/shared/i18n/shell-messages-en.js';

const SOURCE = fileURLToPath(new URL('../../studio/src', import.meta.url));
const ENTRY = join(SOURCE, 'main.tsx');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A relative import's file, as vite resolves it (no extension written). */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** The modules of the first load: the entry and its static relative imports, transitively (not `import()`). */
function firstLoadModules(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gm)) {
      const target = resolveImport(file, match[1]!);
      if (target) visit(target);
    }
  };
  visit(ENTRY);
  return seen;
}

/** The keys a module passes to `t('…')` as literals. */
function usedKeys(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z0-9.]+)'/g)].map((match) => match[1]!);
}

/** Whether the texts hold the key, or its plural forms (`found_one`, `found_other`, as i18next picks by count). */
function hasKey(tree: object, key: string): boolean {
  return holds(tree, key) || holds(tree, `${key}_other`);
}

function holds(tree: object, key: string): boolean {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

describe('web app: message keys', () => {
  it('finds the first load by following static imports from main.tsx', () => {
    const modules = [...firstLoadModules()].map((file) => relative(SOURCE, file));
    expect(modules).to.include.members(['app/routes.tsx', 'shared/shell/app-shell.tsx', 'app/home/home-page.tsx', 'app/sign-in/sign-in-page.tsx']);
    expect(modules).to.not.include('app/list/list-page.tsx');
  });

  it('has every text the first load uses among the first load\'s texts (the pages\' texts come later)', () => {
    const missing = [...firstLoadModules()].flatMap((file) => usedKeys(file).filter((key) => !hasKey(shellEn, key)).map((key) => `${relative(SOURCE, file)}: ${key}`));
    expect(missing, 'move these to shell-messages-en.ts and shell-messages-zh-cn.ts').to.deep.equal([]);
  });

  it('has every text any page uses in English', () => {
    const missing = sourceFiles(SOURCE).flatMap((file) => usedKeys(file).filter((key) => !hasKey(shellEn, key) && !hasKey(en, key) && !hasKey(setupMessages.en, key) && !hasKey(importMessages.en, key)).map((key) => `${relative(SOURCE, file)}: ${key}`));
    expect(missing).to.deep.equal([]);
  });

  it('keeps the two sets of texts apart, so a key has one place', () => {
    const parts: object[] = [shellEn, en, setupMessages.en, importMessages.en];
    const sections = parts.flatMap((part) => Object.keys(part));
    expect(sections.filter((section, index) => sections.indexOf(section) !== index)).to.deep.equal([]);
  });
});
