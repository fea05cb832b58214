import { RE2JS, type Matcher } from 're2js';
import { ExpressionEvaluationError, ExpressionTooLargeError } from './expression-errors.js';
import { SIZE_LIMITS } from './expression-limits.js';

/** A regular expression compiled for the linear-time engine, with the size of its program. */
interface LinearPattern {
  readonly pattern: RE2JS;
  readonly program: number;
}

/** What `RegExp.prototype.exec` answers, as far as jsonata reads it: the match, its groups, where it starts. */
export type LinearMatch = (string | undefined)[] & { index: number };

/** What one search costs beyond the characters it reads (making the match, its groups), in the same units. */
const SEARCH_OVERHEAD = 200;

/** Parsed regex literals are stable objects of a parsed expression, so each compiles once. */
const compiled = new WeakMap<RegExp, LinearPattern>();

/**
 * The regular expressions of an expression run on RE2JS, a pure-JavaScript port of RE2 whose
 * matching time grows with the text times the pattern, never exponentially: V8's backtracking
 * engine takes seconds on `/^(a|a)+$/` against thirty characters and cannot be interrupted, so
 * one admin's pattern could hold every tenant's requests. The price is RE2's syntax: no
 * lookahead, lookbehind or backreferences, refused when the expression is saved.
 *
 * jsonata constructs its `RegexEngine` with the literal's RegExp at every evaluation of the
 * literal and then only sets `lastIndex` and calls `exec`, so that is all this class offers.
 * The searches of one evaluation of a literal (all the matches of one `$match`, `$replace` or
 * `$split`, which jsonata runs as one step) share a fixed amount of work, counted as characters
 * read times the pattern's instructions plus a constant per search, and each search is refused
 * first if it could pass that amount: a linear engine over a long text with a large pattern can
 * still take seconds.
 */
export class LinearRegExp {
  lastIndex = 0;
  private readonly linear: LinearPattern;
  /** RE2JS converts the text when it makes a matcher: one matcher per text, or `$match` over many matches is quadratic. */
  private matcher: { text: string; matcher: Matcher } | undefined;
  /** Work done by the searches of this evaluation of the literal: `$match` searches once per match within one step. */
  private spent = 0;

  constructor(private readonly literal: RegExp) {
    try {
      this.linear = linearPattern(literal);
    } catch {
      // Every literal was checked when its expression was saved; this is the same refusal, late.
      throw new ExpressionEvaluationError(regexProblem(literal) ?? `the regular expression ${literal.toString()} cannot be used`);
    }
  }

  exec(text: string): LinearMatch | null {
    const from = this.lastIndex;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    // The worst this search can cost, and what the searches on this literal's evaluation have cost.
    if (this.spent + (text.length - from) * this.linear.program > SIZE_LIMITS.maxRegexWork) throw this.tooCostly(text);
    if (this.matcher?.text !== text) this.matcher = { text, matcher: this.linear.pattern.matcher(text) };
    const { matcher } = this.matcher;
    const found = matcher.find(from);
    this.spent += ((found ? matcher.end() : text.length) - from + 1) * this.linear.program + SEARCH_OVERHEAD;
    if (!found) {
      this.lastIndex = 0;
      return null;
    }
    // A group that took no part in the match is undefined, as in a JavaScript match.
    const groups: (string | undefined)[] = [];
    for (let group = 0; group <= matcher.groupCount(); group++) groups.push(matcher.group(group) ?? undefined);
    this.lastIndex = matcher.end();
    return Object.assign(groups, { index: matcher.start() });
  }

  private tooCostly(text: string): ExpressionTooLargeError {
    return new ExpressionTooLargeError(
      `the regular expression ${this.literal.toString()} is too costly on a text of ${text.length} characters ` +
        '(a long search, or a great many matches); shorten the text first (for example with $substring) or simplify the pattern',
    );
  }
}

/** Why the linear engine cannot run this literal, in an admin's words, or undefined when it can. */
export function regexProblem(literal: RegExp): string | undefined {
  try {
    const { program } = linearPattern(literal);
    if (program > SIZE_LIMITS.maxRegexProgram) {
      return `the regular expression ${literal.toString()} is too large (${program} instructions, at most ${SIZE_LIMITS.maxRegexProgram}); use smaller repeat counts`;
    }
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return (
      `the regular expression ${literal.toString()} cannot be used (${reason}); ` +
      'expressions run regular expressions on a linear-time engine, which has no lookahead (?=, ?!), lookbehind (?<=, ?<!) or backreferences (\\1)'
    );
  }
}

function linearPattern(literal: RegExp): LinearPattern {
  const known = compiled.get(literal);
  if (known) return known;
  // jsonata allows the flags i and m (and adds g, which only means "search from lastIndex").
  const flags = (literal.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | (literal.multiline ? RE2JS.MULTILINE : 0);
  const pattern = RE2JS.compile(RE2JS.translateRegExp(literal.source), flags);
  const linear = { pattern, program: pattern.matcher('').programSize() };
  compiled.set(literal, linear);
  return linear;
}
