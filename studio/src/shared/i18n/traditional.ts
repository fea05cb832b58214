/**
 * Traditional Chinese derived from Simplified with OpenCC wherever nobody wrote a zh-TW text: cn →
 * twp, Taiwan's characters and also its own words (搜尋 for 搜索, 儲存 for 保存, 登入 for 登录),
 * which a reader in Taiwan expects more than a character-by-character conversion. The dictionaries weigh about a megabyte, so they load only
 * when someone picks 繁中.
 */
let convert: ((text: string) => string) | undefined;

export async function loadTraditional(): Promise<void> {
  if (convert) return;
  const { Converter } = await import('opencc-js/cn2t');
  convert = Converter({ from: 'cn', to: 'twp' });
}

/** The text in Traditional characters; unchanged until loadTraditional() has finished. */
export function toTraditional(text: string): string {
  return convert ? convert(text) : text;
}

/** Every string of a tree of texts (the UI's messages) converted. */
export function traditionalTree<T>(tree: T): T {
  if (typeof tree === 'string') return toTraditional(tree) as T;
  if (tree === null || typeof tree !== 'object') return tree;
  return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, traditionalTree(value)])) as T;
}
