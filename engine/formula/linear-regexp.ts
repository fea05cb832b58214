import { RE2JS } from 're2js';
import { ExpressionTooLargeError } from './expression-errors.js';
import { SIZE_LIMITS } from './expression-limits.js';
import { msg, type Message } from '../i18n/message.js';

/** A regular expression compiled for the linear-time engine, with the size of its program. */
interface LinearPattern {
  readonly pattern: RE2JS;
  readonly program: number;
}

/** What `RegExp.prototype.exec` answers, as far as jsonata reads it: the match, its groups, where it starts. */
export type LinearMatch = (string | undefined)[] & { index: number };

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
 * Each search first checks that the text times the program stays within a fixed amount of work,
 * because a linear engine over a long text with a large pattern can still take seconds.
 */
export class LinearRegExp {
  lastIndex = 0;
  private readonly linear: LinearPattern;

  constructor(private readonly literal: RegExp) {
    this.linear = linearPattern(literal);
  }

  exec(text: string): LinearMatch | null {
    const from = this.lastIndex;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    if ((text.length - from) * this.linear.program > SIZE_LIMITS.maxRegexWork) {
      throw new ExpressionTooLargeError(
        msg`the regular expression ${this.literal.toString()} is too costly to search a text of ${text.length} characters; shorten the text first (for example with $substring) or simplify the pattern`,
      );
    }
    const matcher = this.linear.pattern.matcher(text);
    if (!matcher.find(from)) {
      this.lastIndex = 0;
      return null;
    }
    // A group that took no part in the match is undefined, as in a JavaScript match.
    const groups: (string | undefined)[] = [];
    for (let group = 0; group <= matcher.groupCount(); group++) groups.push(matcher.group(group) ?? undefined);
    this.lastIndex = matcher.end();
    return Object.assign(groups, { index: matcher.start() });
  }
}

/** Why the linear engine cannot run this literal, in an admin's words, or undefined when it can. */
export function regexProblem(literal: RegExp): Message | undefined {
  try {
    const { program } = linearPattern(literal);
    if (program > SIZE_LIMITS.maxRegexProgram) {
      return msg`the regular expression ${literal.toString()} is too large (${program} instructions, at most ${SIZE_LIMITS.maxRegexProgram}); use smaller repeat counts`;
    }
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return (
      msg`the regular expression ${literal.toString()} cannot be used (${reason}); expressions run regular expressions on a linear-time engine, which has no lookahead (?=, ?!), lookbehind (?<=, ?<!) or backreferences (\\1)`
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
