import { SYSTEM_FIELDS } from '../../fields/index.js';
import { msg, type Message } from '../../i18n/message.js';
import type { CompiledObject } from '../compiled-object.js';
import { FIELD_NAMING_HELPERS, LIST_HELPERS, PRINT_HELPERS } from './print-helper-names.js';
import type { PrintRelation } from './print-relations.js';

/** What `this` is at a point of a template: the print's root, a record of a known object, or something we cannot tell. */
type Scope = { readonly kind: 'root' } | { readonly kind: 'record'; readonly object: CompiledObject } | { readonly kind: 'unknown' };

/** What the root of a print template holds, besides `record` and `related`. */
export const ROOT_NAMES: Readonly<Record<string, readonly string[] | null>> = {
  company: ['name', 'address', 'logo'],
  reader: ['name', 'language', 'timeZone'],
  today: null,
};

export interface PathProblem {
  readonly line: number;
  readonly message: Message;
}

export interface TemplateUses {
  /** The related lists the template reads: only those are loaded when it prints. */
  readonly relations: Set<string>;
  /** It hands `related` itself to something (`{{#with related}}`): every related list is loaded. */
  everyRelation: boolean;
}

const HELPERS: ReadonlySet<string> = new Set(PRINT_HELPERS);
const SYSTEM: ReadonlySet<string> = new Set(SYSTEM_FIELDS);
/** Blocks that run their body in the same context: `../` does not count them. */
const SAME_CONTEXT = new Set(['if', 'unless']);

/**
 * Walks a parsed template and checks every name it reads against what printing puts in scope: the
 * fields of the object (and of its parents, one level up), its related lists with their records'
 * fields inside {{#each}}, the company and the reader. Where the context cannot be told (inside a
 * block of another kind, a block parameter) nothing is checked rather than something wrong refused.
 */
export class TemplatePaths {
  readonly problems: PathProblem[] = [];
  readonly uses: TemplateUses = { relations: new Set(), everyRelation: false };
  private readonly blockParams: string[] = [];

  constructor(
    private readonly object: CompiledObject,
    private readonly objects: ReadonlyMap<string, CompiledObject>,
    private readonly relations: readonly PrintRelation[],
  ) {}

  program(program: hbs.AST.Program, scopes: readonly Scope[]): void {
    this.blockParams.push(...(program.blockParams ?? []));
    for (const statement of program.body) this.statement(statement, scopes);
    this.blockParams.length -= (program.blockParams ?? []).length;
  }

  private statement(node: hbs.AST.Statement, scopes: readonly Scope[]): void {
    if (node.type === 'MustacheStatement' || node.type === 'SubExpression') {
      this.call(node as hbs.AST.MustacheStatement, scopes);
    } else if (node.type === 'BlockStatement') {
      const block = node as hbs.AST.BlockStatement;
      this.call(block, scopes);
      const helper = block.path.original;
      const inner = SAME_CONTEXT.has(helper) ? scopes : [...scopes, this.blockScope(block, scopes)];
      if (block.program) this.program(block.program, inner);
      if (block.inverse) this.program(block.inverse, scopes);
    }
  }

  private call(node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression, scopes: readonly Scope[]): void {
    const args = [...node.params, ...(node.hash?.pairs ?? []).map((pair) => pair.value)];
    const path = node.path;
    if (path.type === 'PathExpression') {
      const name = (path as hbs.AST.PathExpression).original;
      const isCall = args.length > 0 || node.type === 'SubExpression' || HELPERS.has(name);
      if (!isCall) this.read(path as hbs.AST.PathExpression, scopes);
      if (FIELD_NAMING_HELPERS.has(name)) this.namedField(node.params[0], this.current(scopes), node.loc.start.line);
      if (LIST_HELPERS.has(name) && node.params[0]?.type === 'PathExpression') {
        this.namedField(node.params[1], this.scopeOf(node.params[0] as hbs.AST.PathExpression, scopes), node.loc.start.line);
      }
    }
    for (const arg of args) this.expression(arg, scopes);
  }

  private expression(node: hbs.AST.Expression, scopes: readonly Scope[]): void {
    if (node.type === 'PathExpression') this.read(node as hbs.AST.PathExpression, scopes);
    else if (node.type === 'SubExpression') this.call(node as hbs.AST.SubExpression, scopes);
  }

  /** {{field "status"}}: the string must name a field of the record in scope (at the root, the printed record). */
  private namedField(node: hbs.AST.Expression | undefined, scope: Scope, line: number): void {
    if (node?.type !== 'StringLiteral' || scope.kind === 'unknown') return;
    const object = scope.kind === 'root' ? this.object : scope.object;
    const name = (node as hbs.AST.StringLiteral).value;
    if (!object.field(name) && !SYSTEM.has(name)) this.problem(line, msg`'${name}' is not a field of ${object.name}`);
  }

  private current(scopes: readonly Scope[]): Scope {
    return scopes[scopes.length - 1] ?? { kind: 'unknown' };
  }

  /** The scope a block's body runs in: a related list's records inside {{#each}}, the record or a parent inside {{#with}}. */
  private blockScope(block: hbs.AST.BlockStatement, scopes: readonly Scope[]): Scope {
    const helper = block.path.original;
    const target = block.params[0];
    if ((helper !== 'each' && helper !== 'with') || target?.type !== 'PathExpression' || (block.program?.blockParams ?? []).length > 0) return { kind: 'unknown' };
    return this.scopeOf(target as hbs.AST.PathExpression, scopes, helper === 'each');
  }

  /** What a path points at, as a scope: `related.lines` as a list of line records, `record.supplier` as a supplier. */
  private scopeOf(path: hbs.AST.PathExpression, scopes: readonly Scope[], list = true): Scope {
    const start = this.start(path, scopes);
    if (!start) return { kind: 'unknown' };
    const [scope, parts] = start;
    if (scope.kind === 'root' && parts[0] === 'related' && parts.length === 2 && list) {
      const relation = this.relations.find((candidate) => candidate.key === parts[1]);
      const child = relation && this.objects.get(relation.child);
      return child ? { kind: 'record', object: child } : { kind: 'unknown' };
    }
    if (scope.kind === 'root' && parts[0] === 'record' && !list) {
      if (parts.length === 1) return { kind: 'record', object: this.object };
      const field = this.object.field(parts[1]!);
      const parent = parts.length === 2 && field && (field.type === 'lookup' || field.type === 'masterdetail') ? this.objects.get(field.target) : undefined;
      return parent ? { kind: 'record', object: parent } : { kind: 'unknown' };
    }
    return { kind: 'unknown' };
  }

  /** Where a path starts, and its parts from there; undefined for data (@index) and block parameters. */
  private start(path: hbs.AST.PathExpression, scopes: readonly Scope[]): [Scope, string[]] | undefined {
    if (path.data) return path.parts[0] === 'root' ? [{ kind: 'root' }, path.parts.slice(1)] : undefined;
    if (path.parts.length > 0 && path.original.split(/[./]/)[0] !== 'this' && this.blockParams.includes(path.parts[0]!)) return undefined;
    const scope = scopes[scopes.length - 1 - path.depth];
    return scope ? [scope, path.parts] : undefined;
  }

  private read(path: hbs.AST.PathExpression, scopes: readonly Scope[]): void {
    const start = this.start(path, scopes);
    if (!start) return;
    const [scope, parts] = start;
    const line = path.loc.start.line;
    if (parts.length === 0 || scope.kind === 'unknown') return;
    if (scope.kind === 'record') {
      this.field(scope.object, parts, line);
      return;
    }
    const [head, next] = parts;
    if (head === 'record') {
      if (parts.length > 1) this.field(this.object, parts.slice(1), line);
    } else if (head === 'related') {
      if (next === undefined) this.uses.everyRelation = true;
      else if (this.relations.some((relation) => relation.key === next)) this.uses.relations.add(next);
      else this.problem(line, msg`'related.${next}' is not a related list of ${this.object.name}: it has ${this.relations.map((relation) => relation.key).join(', ') || '—'}`);
    } else if (head !== undefined && head in ROOT_NAMES) {
      const known = ROOT_NAMES[head];
      if (known && next !== undefined && !known.includes(next)) this.problem(line, msg`'${head}.${next}' is not known: ${head} has ${known.join(', ')}`);
    } else {
      this.problem(line, msg`'${path.original}' is not known: write record.${path.original} for a field of the record`);
    }
  }

  /** A field path on a record: a field (or a system field), then, through a lookup, a field of the parent. */
  private field(object: CompiledObject, parts: readonly string[], line: number): void {
    const [name, next, ...rest] = parts;
    if (name === undefined || name === 'length') return;
    const field = object.field(name);
    if (!field) {
      if (!SYSTEM.has(name)) this.problem(line, msg`'${name}' is not a field of ${object.name}`);
      return;
    }
    if (next === undefined || (field.type !== 'lookup' && field.type !== 'masterdetail')) return;
    const parent = this.objects.get(field.target);
    if (!parent) return;
    const parentField = parent.field(next);
    if (!parentField && !SYSTEM.has(next)) this.problem(line, msg`'${next}' is not a field of ${parent.name}`);
    else if (rest.length > 0 && parentField && (parentField.type === 'lookup' || parentField.type === 'masterdetail')) {
      this.problem(line, msg`'${name}.${next}.${rest.join('.')}' goes past the parent: printing holds the parents of the record, not theirs`);
    }
  }

  private problem(line: number, message: Message): void {
    if (!this.problems.some((known) => known.line === line && known.message.render('en') === message.render('en'))) this.problems.push({ line, message });
  }
}
