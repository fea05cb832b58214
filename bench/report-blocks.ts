import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// docs/performance.md is written by more than one bench: each owns a block between its own
// markers, and a bench that regenerates the file keeps the blocks of the others.

const start = (name: string) => `<!-- ${name}:start -->`;
const end = (name: string) => `<!-- ${name}:end -->`;

/** Every marked block of the file, markers included, in file order; none when there is no file. */
export function markedBlocks(file: string): string[] {
  if (!existsSync(file)) return [];
  return [...readFileSync(file, 'utf8').matchAll(/<!-- ([a-z-]+):start -->[\s\S]*?<!-- \1:end -->/g)].map((match) => match[0]);
}

/** Writes `body` as the block `name`: in place of the block's last version, or at the end of the file. */
export function writeBlock(file: string, name: string, body: string): void {
  const block = `${start(name)}\n${body.trimEnd()}\n${end(name)}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = text.indexOf(start(name));
  const until = text.indexOf(end(name), at);
  const next =
    at >= 0 && until >= 0 ? `${text.slice(0, at)}${block}${text.slice(until + end(name).length)}` : `${text.trimEnd()}${text ? '\n\n' : ''}${block}\n`;
  writeFileSync(file, next);
}
