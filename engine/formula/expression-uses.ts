/**
 * What an expression reads, found by walking jsonata's AST without knowing the object: which
 * paths start at the record, which variables it reads and which it binds itself. Checking the
 * uses against an object's fields is compile-expression's job.
 *
 * Records are flat, so a bare name is a field of the record only where the context is the
 * record itself. Everywhere the context is something else (inside a predicate `lines[amount > 5]`,
 * after the first step of a path, in a sort, a group, a transform) names are relative to that
 * value and are not checked: they read a JSON field's content, a multi-select's items or a
 * parent's fields, which the check cannot see or (for parents) approximates below.
 */

/** A name at a source position; positions are jsonata's: the offset just after the token. */
export interface NameUse {
  readonly name: string;
  readonly position: number;
}

/** A path that starts at the record: `amount`, `account.industry`, `$$.amount`. */
export interface RecordPath {
  readonly field: NameUse;
  /** The second step when it is a plain name: a parent field when `field` is a lookup. */
  readonly next?: NameUse;
  /**
   * The value of `field` is read in a way the walk cannot follow name by name (a predicate on it,
   * a function or block as the next step, a wildcard): a lookup here depends on all its parent.
   */
  readonly opaque: boolean;
}

export interface ExpressionUses {
  readonly paths: RecordPath[];
  readonly variables: NameUse[];
  /** Variables the expression binds itself: `$x := ...`, lambda parameters, `@$v`, `#$i`. */
  readonly bound: Set<string>;
  /** `*` over the record or `%` back to it: every field may be read. */
  wholeRecord: boolean;
  /** `**`, `$$` as a value or `$eval`: every field of the record and of its parents may be read. */
  everything: boolean;
}

/**
 * The part of jsonata's AST this walk reads. jsonata's own typings describe nodes loosely (with
 * `any` values), so the AST is viewed through this type once, at the boundary.
 */
export interface AstNode {
  readonly type: string;
  readonly value?: unknown;
  readonly position?: number;
  readonly steps?: readonly AstNode[];
  readonly stages?: readonly AstNode[];
  readonly predicate?: readonly AstNode[];
  readonly group?: { readonly lhs: readonly (readonly [AstNode, AstNode])[] };
  readonly expr?: AstNode;
  readonly lhs?: AstNode | readonly (readonly [AstNode, AstNode])[];
  readonly rhs?: AstNode;
  readonly expression?: AstNode;
  readonly expressions?: readonly AstNode[];
  readonly arguments?: readonly AstNode[];
  readonly procedure?: AstNode;
  readonly condition?: AstNode;
  readonly then?: AstNode;
  readonly else?: AstNode;
  readonly body?: AstNode;
  readonly terms?: readonly { readonly expression: AstNode }[];
  readonly pattern?: AstNode;
  readonly update?: AstNode;
  readonly delete?: AstNode;
  readonly focus?: string;
  readonly index?: string;
}

/** Whether bare names in this part of the expression are fields of the record. */
type Context = 'record' | 'relative';

export function collectUses(ast: AstNode): ExpressionUses {
  const uses: ExpressionUses = { paths: [], variables: [], bound: new Set(), wholeRecord: false, everything: false };
  walk(ast, 'record', uses);
  return uses;
}

function walk(node: AstNode | undefined, context: Context, uses: ExpressionUses): void {
  if (!node) return;
  switch (node.type) {
    case 'path':
      walkPath(node.steps ?? [], context, uses, node.group !== undefined);
      break;
    case 'name':
      // jsonata wraps names in paths; a bare one is read like a one-step path.
      if (context === 'record') recordPath(node, undefined, false, uses);
      break;
    case 'variable':
      readVariable(node, context, uses);
      break;
    case 'wildcard':
      if (context === 'record') uses.wholeRecord = true;
      break;
    case 'descendant':
      if (context === 'record') uses.everything = true;
      break;
    case 'binary':
    case 'apply':
      walkEach([asNode(node.lhs), node.rhs], context, uses);
      break;
    case 'unary':
      // `-x`, an array constructor `[...]` or an object constructor `{...}` (pairs in lhs).
      walkEach([node.expression, ...(node.expressions ?? [])], context, uses);
      walkPairs(asPairs(node.lhs), context, uses);
      break;
    case 'function':
    case 'partial':
      walkEach([node.procedure, ...(node.arguments ?? [])], context, uses);
      break;
    case 'condition':
      walkEach([node.condition, node.then, node.else], context, uses);
      break;
    case 'block':
      walkEach(node.expressions ?? [], context, uses);
      break;
    case 'bind':
      bind(asNode(node.lhs), uses);
      walk(node.rhs, context, uses);
      break;
    case 'lambda':
      // A lambda's body runs against the input where it was defined, so it keeps the context.
      for (const parameter of node.arguments ?? []) bind(parameter, uses);
      walk(node.body, context, uses);
      break;
    case 'transform':
      // `|pattern|update, delete|` runs against whatever it is applied to.
      walkEach([node.pattern, node.update, node.delete], 'relative', uses);
      break;
    case 'sort':
      walkEach((node.terms ?? []).map((term) => term.expression), 'relative', uses);
      break;
    case 'filter':
      walk(node.expr, 'relative', uses);
      break;
    case 'index':
      bind(node, uses);
      break;
    case 'parent':
      // `lines.%.amount` climbs from a list item back to the record: any field may be read there.
      uses.wholeRecord = true;
      break;
    // Literals, regexes and the `?` placeholder read no field; node types a later jsonata may add
    // are skipped the same way, making the check lenient, not wrong.
    default:
      break;
  }
  walkStepExtras(node, uses);
  // Predicates on any expression (`$x[0]`, `(a)[1]`) and groups filter its result, item by item.
  walkEach(node.predicate ?? [], 'relative', uses);
  walkPairs(node.group?.lhs ?? [], 'relative', uses);
}

/** Stages of a step (`[filter]`, `#$i`) and its context bindings (`@$v`). */
function walkStepExtras(node: AstNode, uses: ExpressionUses): void {
  walkEach(node.stages ?? [], 'relative', uses);
  if (node.focus) uses.bound.add(node.focus);
  if (node.index) uses.bound.add(node.index);
}

/** `grouped`: the path ends in a group `{...}`, which reads the fields of its last step's values. */
function walkPath(steps: readonly AstNode[], context: Context, uses: ExpressionUses, grouped = false): void {
  const [first, ...rest] = steps;
  if (!first) return;
  if (first.type === 'variable' && isRootReference(first, context) && rest.length > 0) {
    // `$$.amount` anywhere, `$.amount` where `$` is the record: the same as `amount`.
    walkStepExtras(first, uses);
    walkPath(rest, 'record', uses, grouped);
    return;
  }
  if (first.type === 'name' && context === 'record') {
    recordPath(first, rest[0], grouped && rest.length === 0, uses);
    walkStepExtras(first, uses);
  } else {
    walk(first, context, uses);
  }
  // Every later step reads from the values of the step before it.
  walkEach(rest, 'relative', uses);
}

function recordPath(first: AstNode, second: AstNode | undefined, grouped: boolean, uses: ExpressionUses): void {
  if (typeof first.value !== 'string') return;
  const next = second?.type === 'name' && typeof second.value === 'string' ? second.value : undefined;
  uses.paths.push({
    field: { name: first.value, position: first.position ?? 0 },
    ...(second && next !== undefined ? { next: { name: next, position: second.position ?? 0 } } : {}),
    // A predicate, a focus variable or a group on the field, or a next step other than a name.
    opaque: (first.stages?.length ?? 0) > 0 || first.focus !== undefined || grouped || (second !== undefined && next === undefined),
  });
}

function readVariable(node: AstNode, context: Context, uses: ExpressionUses): void {
  const name = typeof node.value === 'string' ? node.value : '';
  if (name === '$' || (name === '' && context === 'record')) {
    // The whole record as a value, parents included.
    uses.everything = true;
    return;
  }
  if (name !== '') uses.variables.push({ name, position: node.position ?? 0 });
  // `$eval` evaluates text built at run time, which may read any field.
  if (name === 'eval') uses.everything = true;
}

/** `$$` is always the record; `$` is the record only where the context is the record. */
function isRootReference(node: AstNode, context: Context): boolean {
  return node.value === '$' || (node.value === '' && context === 'record');
}

function bind(node: AstNode | undefined, uses: ExpressionUses): void {
  if (typeof node?.value === 'string') uses.bound.add(node.value);
}

function walkEach(nodes: readonly (AstNode | undefined)[], context: Context, uses: ExpressionUses): void {
  for (const node of nodes) walk(node, context, uses);
}

function walkPairs(pairs: readonly (readonly [AstNode, AstNode])[], context: Context, uses: ExpressionUses): void {
  for (const [key, value] of pairs) walkEach([key, value], context, uses);
}

/** `lhs` is a node for operators and binds, a list of key/value pairs for object constructors. */
function asNode(lhs: AstNode['lhs']): AstNode | undefined {
  return lhs !== undefined && !isPairs(lhs) ? lhs : undefined;
}

function asPairs(lhs: AstNode['lhs']): readonly (readonly [AstNode, AstNode])[] {
  return lhs !== undefined && isPairs(lhs) ? lhs : [];
}

function isPairs(lhs: NonNullable<AstNode['lhs']>): lhs is readonly (readonly [AstNode, AstNode])[] {
  return Array.isArray(lhs);
}
