import { EVAL_REFUSED, SIZE_LIMITS } from './expression-limits.js';
import { regexProblem } from './linear-regexp.js';

/** A problem found in the parsed expression, with jsonata's position (just after the token). */
export interface SyntaxProblem {
  readonly message: string;
  readonly position: number;
}

/** The few properties of jsonata's AST nodes this check reads; the rest are walked generically. */
interface Node {
  readonly type?: unknown;
  readonly value?: unknown;
  readonly position?: unknown;
  readonly lhs?: unknown;
  readonly rhs?: unknown;
  readonly procedure?: { readonly value?: unknown };
  readonly arguments?: readonly unknown[];
}

/**
 * What the parsed expression shows before it ever runs: nesting deeper than evaluation allows,
 * regular expressions the linear-time engine cannot run, `$eval`, and literal sizes that could only fail
 * (`[1..10000000]`, `$pad("", 20000000)`). These are refused when the expression is saved; the
 * same limits are checked again at run time for sizes that only the data decides.
 *
 * The walk is iterative and visits every object of the tree once, whatever jsonata's node shapes,
 * so a node type added by a later jsonata is still walked.
 */
export function syntaxProblems(ast: unknown): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const seen = new Set<object>();
  const pending: { value: unknown; depth: number }[] = [{ value: ast, depth: 0 }];
  let tooDeep = false;
  while (pending.length > 0) {
    const { value, depth } = pending.pop() ?? { value: undefined, depth: 0 };
    if (typeof value !== 'object' || value === null || value instanceof RegExp || seen.has(value)) continue;
    seen.add(value);
    const node = value as Node;
    const isNode = typeof node.type === 'string';
    const level = isNode ? depth + 1 : depth;
    if (isNode) {
      if (level > SIZE_LIMITS.maxSyntaxDepth && !tooDeep) {
        tooDeep = true;
        problems.push({ message: `the expression nests more than ${SIZE_LIMITS.maxSyntaxDepth} levels deep${at(node)}; take parts out into variables ($x := ...) or other formula fields`, position: positionOf(node) });
      }
      const problem = nodeProblem(node);
      if (problem) problems.push(problem);
    }
    for (const child of Object.values(value)) pending.push({ value: child, depth: level });
  }
  return problems.sort((a, b) => a.position - b.position);
}

function nodeProblem(node: Node): SyntaxProblem | undefined {
  // A variable, not only a call: `$e := $eval; $e("...")` reaches it too.
  if (node.type === 'variable' && node.value === 'eval') return { message: `${EVAL_REFUSED}${at(node)}`, position: positionOf(node) };
  if (node.type === 'regex' && node.value instanceof RegExp) {
    const problem = regexProblem(node.value);
    return problem === undefined ? undefined : { message: `${problem}${at(node)}`, position: positionOf(node) };
  }
  if (node.type === 'binary' && node.value === '..') {
    const from = numberLiteral(node.lhs);
    const to = numberLiteral(node.rhs);
    if (from !== undefined && to !== undefined && to - from + 1 > SIZE_LIMITS.maxItems) {
      return { message: `the range [${from}..${to}]${at(node)} has ${to - from + 1} items, more than the ${SIZE_LIMITS.maxItems} a list may hold`, position: positionOf(node) };
    }
  }
  if (node.type === 'function' && node.procedure?.value === 'pad') {
    const width = numberLiteral(node.arguments?.[1]);
    if (width !== undefined && Math.abs(width) > SIZE_LIMITS.maxTextLength) {
      return { message: `$pad to ${Math.abs(width)} characters${at(node)} is longer than the ${SIZE_LIMITS.maxTextLength} characters a text may hold`, position: positionOf(node) };
    }
  }
  return undefined;
}

function numberLiteral(value: unknown): number | undefined {
  const node = value as Node | undefined;
  return node?.type === 'number' && typeof node.value === 'number' ? node.value : undefined;
}

function positionOf(node: Node): number {
  return typeof node.position === 'number' ? node.position : 0;
}

function at(node: Node): string {
  return typeof node.position === 'number' ? ` at position ${node.position}` : '';
}
