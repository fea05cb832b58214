import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// docs/performance.md is written by more than one bench: each owns a block between its own
// markers, and the foundation bench, which regenerates the file's start, keeps everything from the
// first block on (notes written by hand between blocks were lost when it kept only the blocks).

const start = (name: string) => `<!-- ${name}:start -->`;
const end = (name: string) => `<!-- ${name}:end -->`;

/**
 * What follows the foundation bench's own part: everything from the first marked block on, the
 * other benches' blocks and any notes written by hand between them; empty when there is no file.
 */
export function afterOwnPart(file: string): string {
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  const first = text.search(/<!-- [a-z-]+:start -->/);
  return first >= 0 ? text.slice(first) : '';
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
