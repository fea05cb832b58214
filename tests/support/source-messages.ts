import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { templateOf } from '../../engine/i18n/message.js';
import { tokenize, type Token } from './js-tokens.js';

/** A place in the source, for failure messages that say where to look. */
export interface SourcePlace {
  file: string;
  line: number;
}

export interface SourceMessages {
  /** Every msg`…` template, by its catalogue key. */
  templates: Map<string, SourcePlace[]>;
  /** Plain strings written where a message goes: an error's arguments, or a `message:` property. */
  untranslated: (SourcePlace & { text: string; start: number; end: number })[];
}

/** Errors whose messages never reach a user: JavaScript's own, and the engine's internal 500s (a sealed value that does not open is one). */
const UNSHOWN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'InternalError', 'SecretUnreadableError']);
/** Helpers that take the message of the error they may throw. */
const MESSAGE_TAKERS = new Set(['checkSystemRight']);
const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);

/** The TypeScript files of the given folders, generated code left out. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated' && entry.name !== 'node_modules') walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        files.push(path);
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files;
}

/** Collects the msg`…` templates of the files, and the sentences written as plain strings where a message belongs. */
export function scanMessages(root: string, files: readonly string[]): SourceMessages {
  const found: SourceMessages = { templates: new Map(), untranslated: [] };
  for (const path of files) {
    const file = relative(root, path);
    const visit = (tokens: readonly Token[]): void => {
      tokens.forEach((token, index) => {
        if (token.kind === 'template') {
          if (isTagged(tokens, index)) {
            const key = templateOf(token.parts);
            found.templates.set(key, [...(found.templates.get(key) ?? []), { file, line: token.line }]);
          }
          token.substitutions.forEach(visit);
        }
        for (const plain of plainMessages(tokens, index)) found.untranslated.push({ file, line: plain.line, text: shown(plain), start: plain.start, end: plain.end });
      });
    };
    visit(tokenize(readFileSync(path, 'utf8')));
  }
  return found;
}

function isTagged(tokens: readonly Token[], index: number): boolean {
  const previous = tokens[index - 1];
  return previous?.kind === 'word' && previous.text === 'msg';
}

/**
 * Sentences in plain strings at the top level of `new SomeError(…)`'s arguments, of a helper's that
 * takes an error message (MESSAGE_TAKERS), or of a `message:` property's value. A sentence has a
 * space; error codes (`validation_failed`) have none.
 */
function plainMessages(tokens: readonly Token[], index: number): Token[] {
  const token = tokens[index]!;
  const next = tokens[index + 1];
  const afterNext = tokens[index + 2];
  if (token.kind === 'word' && token.text === 'new' && next?.kind === 'word' && next.text.endsWith('Error') && !UNSHOWN_ERRORS.has(next.text) && afterNext?.kind === 'punct' && afterNext.text === '(') {
    return topLevelSentences(tokens, index + 3, ')');
  }
  if (token.kind === 'word' && MESSAGE_TAKERS.has(token.text) && next?.kind === 'punct' && next.text === '(' && !isPunct(tokens[index - 1], '.')) {
    return topLevelSentences(tokens, index + 2, ')');
  }
  if (token.kind === 'word' && token.text === 'message' && next?.kind === 'punct' && next.text === ':' && !isPunct(tokens[index - 1], '?')) {
    return topLevelSentences(tokens, index + 2, ',');
  }
  return [];
}

/** Untagged strings and templates with a space, from `start` to the closing bracket (or `stop` at the same depth). */
function topLevelSentences(tokens: readonly Token[], start: number, stop: string): Token[] {
  const sentences: Token[] = [];
  let depth = 0;
  for (let index = start; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'punct') {
      if (OPENING.has(token.text)) depth++;
      else if (CLOSING.has(token.text) && depth-- === 0) break;
      else if (depth === 0 && token.text === stop) break;
      else if (depth === 0 && token.text === ';') break;
      continue;
    }
    if (depth === 0 && isSentence(token) && !isTagged(tokens, index)) sentences.push(token);
  }
  return sentences;
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token?.kind === 'punct' && token.text === text;
}

function isSentence(token: Token): boolean {
  if (token.kind === 'string') return token.text.includes(' ');
  if (token.kind === 'template') return token.parts.join('').includes(' ');
  return false;
}

function shown(token: Token): string {
  const text = token.kind === 'template' ? `\`${templateOf(token.parts)}\`` : token.kind === 'string' ? `'${token.text}'` : token.text;
  return text.slice(0, 100);
}

/** The `{0}`, `{1}`… a template or its translation uses, sorted, to compare the two. */
export function placeholders(template: string): string[] {
  return [...new Set(template.match(/\{\d+\}/g) ?? [])].sort();
}
