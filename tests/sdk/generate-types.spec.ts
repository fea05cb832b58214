import { expect } from 'chai';
import { generateTypes, typeName, type OpenApiDocumentLike } from '../../sdk/generate-types.js';

type Schema = Record<string, unknown>;

/** A document with the three schemas the engine writes per object, from the read schema's properties. */
function documentOf(objects: Record<string, { read?: Schema; create?: Schema; update?: Schema }>, extra: Record<string, Schema> = {}): OpenApiDocumentLike {
  const schemas: Record<string, Schema> = { ...extra };
  for (const [name, { read, create, update }] of Object.entries(objects)) {
    schemas[name] = read ?? { type: 'object', properties: { _id: { type: 'string' } }, required: ['_id'] };
    schemas[`${name}.create`] = create ?? { type: 'object', additionalProperties: false, properties: {} };
    schemas[`${name}.update`] = update ?? { type: 'object', additionalProperties: false, properties: {} };
    schemas[`${name}.list`] = { type: 'object', properties: { records: { type: 'array', items: { $ref: `#/components/schemas/${name}` } } } };
  }
  return { openapi: '3.1.0', info: { title: 'CRM', version: '1.0.0+metadata.7' }, components: { schemas } } as OpenApiDocumentLike;
}

const declared = (source: string) => [...source.matchAll(/^export (?:interface|type) (\w+)/gm)].map((match) => match[1]);

describe('sdk: generateTypes', function () {
  this.timeout(30_000);

  it('names types after API names in PascalCase, a letter after a digit upper-cased as json-schema-to-typescript does', () => {
    const cases: Array<[string, string]> = [
      ['account', 'Account'],
      ['sales_region', 'SalesRegion'],
      ['purchase_order_line', 'PurchaseOrderLine'],
      ['x', 'X'],
      ['po2', 'Po2'],
      ['level_2b', 'Level2B'],
    ];
    for (const [name, expected] of cases) expect(typeName(name), name).to.equal(expected);
    expect(typeName('foo_bar_1', true)).to.equal('Foo_Bar_1');
  });

  it('keeps the underscores of objects whose type names would clash, and of an object named like the map', async () => {
    const source = await generateTypes(documentOf({ account: {}, account_create: {}, foo_bar1: {}, foo_bar_1: {}, crm_objects: {} }));
    expect(declared(source)).to.deep.equal([
      'Account', 'AccountCreate', 'AccountUpdate',
      'Account_Create', 'Account_CreateCreate', 'Account_CreateUpdate',
      'Crm_Objects', 'Crm_ObjectsCreate', 'Crm_ObjectsUpdate',
      'Foo_Bar1', 'Foo_Bar1Create', 'Foo_Bar1Update',
      'Foo_Bar_1', 'Foo_Bar_1Create', 'Foo_Bar_1Update',
      'CrmObjects',
    ]);
    expect(source).to.contain('  account_create: { read: Account_Create; create: Account_CreateCreate; update: Account_CreateUpdate };');
  });

  it('refuses objects whose type names cannot be told apart, naming them', async () => {
    // account1 + Create and account1create are both Account1Create, and neither has an underscore to keep.
    const generating = generateTypes(documentOf({ account1: {}, account1create: {} }));
    await generating.then(
      () => expect.fail('expected a refusal'),
      (error: Error) => expect(error.message).to.contain('account1, account1create'),
    );
  });

  it('inlines component $refs, drops formats and bounds, and turns nullable into a null type', async () => {
    const read = {
      type: 'object',
      properties: {
        _id: { type: 'string', pattern: '^[0-9a-f]{24}$' },
        owner: { $ref: '#/components/schemas/UserRef', description: 'Who owns it.' },
        due: { type: 'string', format: 'date', title: 'Due' },
        score: { type: 'number', minimum: 0, maximum: 10, nullable: true },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, minItems: 1, maxItems: 3 },
        elsewhere: { $ref: 'https://example.com/schema.json' },
        loop: { $ref: '#/components/schemas/Loop' },
      },
      required: ['_id'],
    };
    const extra = {
      UserRef: { title: 'User reference', type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      Loop: { type: 'object', properties: { next: { $ref: '#/components/schemas/Loop' } } },
    };
    const source = await generateTypes(documentOf({ task: { read } }, extra));
    expect(declared(source)).to.deep.equal(['Task', 'TaskCreate', 'TaskUpdate', 'CrmObjects']);
    expect(source).to.match(/owner\?: \{\n\s+id: string;\n\s+\};/);
    expect(source).to.match(/\* Due\n\s+\*\n\s+\* A date, YYYY-MM-DD\.\n\s+\*\/\n\s+due\?: string;/);
    expect(source).to.contain('score?: number | null;');
    expect(source).to.contain("tags?: ('a' | 'b')[];");
    expect(source).to.contain('elsewhere?: unknown;');
    expect(source).to.match(/loop\?: \{\n\s+next\?: unknown;\n\s+\};/);
    expect(source).not.to.contain('@format').and.not.to.contain('@maxItems').and.not.to.contain('$ref');
  });

  it('never lets text or type hints from the document out of their comments', async () => {
    const read = {
      type: 'object',
      title: 'Evil */ export const pwned = 1; /*',
      properties: {
        _id: { type: 'string' },
        note: { type: 'string', title: 'Note */ declare const a: 1; /*', description: 'more */ text' },
        hint: { type: 'string', tsType: 'import("fs").Stats' },
        names: { type: 'string', enum: ['a', 'b'], tsEnumNames: ['A', 'B'] },
      },
    };
    const source = await generateTypes(documentOf({ task: { read } }));
    expect(source).not.to.match(/^\s*export const pwned/m).and.not.to.match(/^\s*declare const a/m);
    expect(source.match(/\*\//g)?.length).to.equal(source.match(/\/\*\*/g)?.length);
    expect(source).to.contain('hint?: string;');
    expect(source).to.contain("names?: 'a' | 'b';");
    expect(source).not.to.contain('import(');
  });

  it('types an object without writable fields as taking nothing, and a free-form JSON value as any object or array', async () => {
    const read = { type: 'object', properties: { _id: { type: 'string' }, extra: { type: ['object', 'array'] } }, required: ['_id'] };
    const source = await generateTypes(documentOf({ log_entry: { read } }));
    expect(source).to.contain('export type LogEntryCreate = Record<string, never>;');
    expect(source).to.match(/extra\?:\s*\|\s*\{\s*\[k: string\]: unknown;\s*\}\s*\|\s*unknown\[\];/);
  });

  it('ignores components that are not objects and refuses a document without schemas', async () => {
    const source = await generateTypes(documentOf({ account: {} }, { Error: { type: 'object' }, 'ObjectDefinition': { type: 'object' } }));
    expect(declared(source)).to.deep.equal(['Account', 'AccountCreate', 'AccountUpdate', 'CrmObjects']);
    expect(source).to.contain('(API version 1.0.0+metadata.7)');
    await generateTypes({ info: { version: '1' } }).then(
      () => expect.fail('expected a refusal'),
      (error: Error) => expect(error.message).to.contain('/api/v1/openapi.json'),
    );
  });

  it('writes an empty map for a tenant without objects', async () => {
    const source = await generateTypes(documentOf({}));
    expect(source).to.contain('export interface CrmObjects {\n}');
  });
});
