import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUES } from '../../../engine/i18n/catalogue.js';
import { metaPaths } from '../../../engine/http/openapi/meta-paths.js';
import { packPaths } from '../../../engine/http/openapi/pack-paths.js';
import { KINDS, METADATA_ACTIONS, METADATA_KINDS, STANDALONE_KINDS } from '../../../engine/metadata/kinds/index.js';
import { KIND_FOLDERS } from '../../../engine/packs/index.js';
import { DEFINITION_KINDS } from '../../../engine/setup/operations/index.js';
import { METADATA_KINDS as STUDIO_KINDS } from '../../../studio/src/shared/metadata/metadata-kinds.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/** Every property named `kind` with an enum, anywhere in a document. */
function kindEnums(node: unknown): unknown[][] {
  if (Array.isArray(node)) return node.flatMap(kindEnums);
  if (node === null || typeof node !== 'object') return [];
  const own = Object.entries(node).flatMap(([key, value]) => {
    const values = (value as { enum?: unknown[] } | null)?.enum;
    return key === 'kind' && Array.isArray(values) ? [values] : [];
  });
  return [...own, ...Object.values(node).flatMap(kindEnums)];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'generated' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the registry of metadata kinds (engine/metadata/kinds/)', () => {
  it('names each kind once', () => {
    expect(new Set(METADATA_KINDS).size).to.equal(KINDS.length);
  });

  for (const entry of KINDS) {
    describe(entry.kind, () => {
      const folder = kebab(entry.kind);

      it('has its folder, its schema file and its generated type, named after it', () => {
        expect(existsSync(join(ROOT, 'engine/metadata/kinds', folder, 'kind.ts')), `engine/metadata/kinds/${folder}/kind.ts`).to.equal(true);
        const schema: unknown = JSON.parse(readFileSync(join(ROOT, 'engine/schemas', `${folder}.schema.json`), 'utf8'));
        expect(entry.schema).to.deep.equal(schema);
        expect(entry.schema.title).to.equal(`${pascal(entry.kind)}Definition`);
        expect(readFileSync(join(ROOT, 'engine/schemas/generated', `${folder}.ts`), 'utf8')).to.match(new RegExp(`export (interface|type) ${entry.schema.title}\\b`));
        expect(entry.componentPrefix).to.equal(pascal(entry.kind));
      });

      it('has an API path after its plural, and a noun with a zh-CN translation', () => {
        expect(entry.path).to.equal(kebab(entry.plural));
        expect(CATALOGUES['zh-CN'][entry.noun.template], `the zh-CN of "${entry.noun.template}"`).to.be.a('string').and.not.equal('');
      });

      it('checks definitions with its schema', () => {
        expect(entry.validate(42)).to.equal(false);
        expect(entry.validate({})).to.equal(false);
      });
    });
  }

  it('gives packs their folders: the kinds packs hold, in its order, each at its API path', () => {
    expect(KIND_FOLDERS).to.deep.equal(Object.fromEntries(KINDS.filter((entry) => entry.inPacks).map((entry) => [entry.kind, entry.path])));
    expect(Object.keys(KIND_FOLDERS)).to.deep.equal(KINDS.filter((entry) => entry.inPacks).map((entry) => entry.kind));
  });

  it('gives the generic CRUD its kinds, their plurals and their paths in the OpenAPI document', () => {
    expect(Object.keys(DEFINITION_KINDS)).to.deep.equal([...STANDALONE_KINDS]);
    const { paths } = metaPaths();
    for (const entry of KINDS) {
      if (entry.api === null) continue;
      expect(DEFINITION_KINDS[entry.kind as keyof typeof DEFINITION_KINDS].plural).to.equal(entry.plural);
      expect(paths).to.have.property(`/api/v1/meta/${entry.path}`);
      expect(paths).to.have.property(`/api/v1/meta/${entry.path}/{name}`);
    }
    expect(STANDALONE_KINDS).to.deep.equal(KINDS.filter((entry) => entry.api !== null).map((entry) => entry.kind));
  });

  it('gives the history its kinds and actions: the verbs of each kind, and of fields', () => {
    const history = metaPaths().schemas.MetadataHistoryEntry as unknown as { properties: { kind: { enum: unknown[] }; action: { enum: unknown[] } } };
    expect(history.properties.kind.enum).to.deep.equal([...METADATA_KINDS]);
    expect(history.properties.action.enum).to.deep.equal([...METADATA_ACTIONS]);
    for (const kind of METADATA_KINDS) expect(METADATA_ACTIONS).to.include(`${kind}.delete`);
    expect(METADATA_ACTIONS).to.include.members(['object.create', 'field.create', 'field.update', 'field.delete', 'currency.update', 'approvalProcess.create']);
    expect(METADATA_ACTIONS).not.to.include('currency.create');
  });

  it('gives the packs API its kinds', () => {
    const enums = kindEnums(packPaths().schemas);
    expect(enums).to.not.be.empty;
    for (const values of enums) expect(values).to.deep.equal(Object.keys(KIND_FOLDERS));
  });

  it('gives the studio its kinds and their paths, in its order', () => {
    expect(STUDIO_KINDS.map(({ kind, path }) => ({ kind, path }))).to.deep.equal(KINDS.map(({ kind, path }) => ({ kind, path })));
  });

  it('is the only list of kinds: no other source line names five kinds as strings', () => {
    const names = new Set<string>(METADATA_KINDS);
    const own = [join(ROOT, 'engine/metadata/kinds'), join(ROOT, 'studio/src/shared/metadata/metadata-kinds.ts')];
    const files = ['engine', 'sdk', 'studio/src'].flatMap((dir) => sourceFiles(join(ROOT, dir))).filter((file) => !own.some((path) => file.startsWith(path)));
    const lists = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => {
          const named = new Set([...line.matchAll(/'([a-zA-Z]+)'/g)].map((match) => match[1]!).filter((name) => names.has(name)));
          return named.size >= 5 ? [`${relative(ROOT, file)}:${index + 1}`] : [];
        }),
    );
    expect(lists, 'read the kinds from engine/metadata/kinds/ instead').to.deep.equal([]);
  });
});
