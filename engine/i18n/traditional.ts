import { createRequire } from 'node:module';

type Convert = (text: string) => string;

/**
 * OpenCC's conversion from Simplified Chinese to Taiwan's Traditional Chinese with its own words
 * (cn → twp: 搜尋 for 搜索, 儲存 for 保存, 登入 for 登录), the studio's conversion too
 * (studio/src/shared/i18n/traditional.ts; tests/studio/traditional-conversion.spec.ts holds the two
 * equal). The studio imports its copy lazily to keep its first load small; the engine cannot share
 * that module (the browser's import is asynchronous, a message renders synchronously).
 */
const TRADITIONAL_CONVERSION = { from: 'cn', to: 'twp' } as const;

/**
 * The converter, once loaded, and each text converted so far. Only the platform's own texts pass
 * here (catalogue entries, the labels and messages of metadata, print templates' words), never
 * record values: a tenant's texts are bounded by its metadata, and the bound keeps a process
 * serving many tenants in check. Kept on the process, not the module: a pack's code may import its
 * own copy of the engine's modules (see catalogue.ts), which should not load the dictionaries again.
 */
const SHARED = Symbol.for('lowcode-crm.i18n.traditional');
interface Conversion {
  convert?: Convert;
  readonly converted: Map<string, string>;
}
const shared: Conversion = ((globalThis as { [SHARED]?: Conversion })[SHARED] ??= { converted: new Map() });
const REMEMBERED = 50_000;
const HAN = /\p{Script=Han}/u;

/**
 * The text in Traditional characters as written in Taiwan, converted once per distinct text. The
 * dictionaries (about a megabyte of JavaScript) load at the first text with a Chinese character,
 * not at start: a server with no Traditional Chinese reader never pays for them.
 */
export function toTraditional(simplified: string): string {
  if (!hasChineseCharacters(simplified)) return simplified;
  const { converted } = shared;
  const known = converted.get(simplified);
  if (known !== undefined) return known;
  shared.convert ??= loadConverter();
  const text = shared.convert(simplified);
  if (converted.size >= REMEMBERED) converted.delete(converted.keys().next().value!);
  converted.set(simplified, text);
  return text;
}

/** Whether a text has a Chinese character: what only a conversion could change. */
export function hasChineseCharacters(text: string): boolean {
  return HAN.test(text);
}

function loadConverter(): Convert {
  // A synchronous load: the package's CommonJS build, resolved from here as any import would be.
  const { Converter } = createRequire(import.meta.url)('opencc-js/cn2t') as typeof import('opencc-js/cn2t');
  return Converter(TRADITIONAL_CONVERSION);
}
