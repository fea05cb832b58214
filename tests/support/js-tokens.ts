/**
 * A small lexer for TypeScript source, enough to find messages in it: strings, template literals
 * (with their substitutions lexed in turn), identifiers and punctuation, comments and regular
 * expression literals skipped. (The installed TypeScript 7 ships no JavaScript parser API.)
 */
export type Token = (
  | { kind: 'string'; text: string }
  | { kind: 'template'; parts: string[]; substitutions: Token[][] }
  | { kind: 'word'; text: string }
  | { kind: 'punct'; text: string }
) & { line: number; start: number; end: number };

/** After these, a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', 'return', 'typeof', 'case', 'of', 'in', '=>', '&&', '||', '??']);

export function tokenize(source: string): Token[] {
  const lexer = new Lexer(source);
  return lexer.tokens(undefined);
}

class Lexer {
  private at = 0;
  private line = 1;
  constructor(private readonly source: string) {}

  /** Tokens up to the end, or up to the `}` closing a template substitution. */
  tokens(untilBrace: boolean | undefined): Token[] {
    const tokens: Token[] = [];
    let depth = 0;
    const s = this.source;
    while (this.at < s.length) {
      const c = s[this.at]!;
      if (c === '\n') this.line++;
      if (/\s/.test(c)) { this.at++; continue; }
      if (s.startsWith('//', this.at)) { this.at = s.indexOf('\n', this.at) === -1 ? s.length : s.indexOf('\n', this.at); continue; }
      if (s.startsWith('/*', this.at)) {
        const end = s.indexOf('*/', this.at + 2);
        const stop = end === -1 ? s.length : end + 2;
        this.line += (s.slice(this.at, stop).match(/\n/g) ?? []).length;
        this.at = stop;
        continue;
      }
      if (c === "'" || c === '"') { const start = this.at; tokens.push({ kind: 'string', text: this.quoted(c), line: this.line, start, end: this.at }); continue; }
      if (c === '`') { tokens.push(this.template()); continue; }
      if (c === '/' && isRegexStart(tokens[tokens.length - 1])) { const start = this.at; this.regex(); tokens.push({ kind: 'word', text: '/regex/', line: this.line, start, end: this.at }); continue; }
      const word = /^[A-Za-z_$][\w$]*|^\d[\w.]*/.exec(s.slice(this.at, this.at + 200));
      if (word) { tokens.push({ kind: 'word', text: word[0], line: this.line, start: this.at, end: this.at + word[0].length }); this.at += word[0].length; continue; }
      const punct = /^(=>|&&|\|\||\?\?|\?\.|\.\.\.|[^\w\s])/.exec(s.slice(this.at, this.at + 3))![0];
      if (untilBrace && punct === '}' && depth === 0) { this.at++; return tokens; }
      if (punct === '{') depth++;
      if (punct === '}') depth--;
      tokens.push({ kind: 'punct', text: punct, line: this.line, start: this.at, end: this.at + punct.length });
      this.at += punct.length;
    }
    return tokens;
  }

  private quoted(quote: string): string {
    const start = ++this.at;
    while (this.at < this.source.length && this.source[this.at] !== quote) this.at += this.source[this.at] === '\\' ? 2 : 1;
    return cook(this.source.slice(start, this.at++));
  }

  private template(): Token {
    const line = this.line;
    const begin = this.at;
    const parts: string[] = [];
    const substitutions: Token[][] = [];
    let start = ++this.at;
    for (;;) {
      const c = this.source[this.at];
      if (c === undefined || c === '`') {
        parts.push(cook(this.source.slice(start, this.at++)));
        return { kind: 'template', parts, substitutions, line, start: begin, end: this.at };
      }
      if (c === '\\') { this.at += 2; continue; }
      if (c === '\n') this.line++;
      if (c === '$' && this.source[this.at + 1] === '{') {
        parts.push(cook(this.source.slice(start, this.at)));
        this.at += 2;
        substitutions.push(this.tokens(true));
        start = this.at;
        continue;
      }
      this.at++;
    }
  }

  private regex(): void {
    let inClass = false;
    for (this.at++; this.at < this.source.length; this.at++) {
      const c = this.source[this.at];
      if (c === '\\') { this.at++; continue; }
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      else if (c === '\n') break;
    }
    this.at++;
    while (/[a-z]/.test(this.source[this.at] ?? '')) this.at++;
  }
}

function isRegexStart(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (previous.kind === 'punct' || previous.kind === 'word') return BEFORE_REGEX.has(previous.text);
  return false;
}

/** The value of a literal's raw text, as a template's cooked strings give it. */
function cook(raw: string): string {
  return raw.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|.)/g, (_whole, escape: string) => {
    if (escape.startsWith('u{')) return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
    if (escape.startsWith('u') || escape.startsWith('x')) return String.fromCharCode(parseInt(escape.slice(1), 16));
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };
    if (escape.endsWith('\n')) return '';
    return simple[escape] ?? escape;
  });
}
