import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { autoNumberPreview, hasCounter } from '../../studio/src/app/setup/objects/fields/auto-number-preview';
import { dependenciesFromMatrix, matrixFromDependencies, toggleCell } from '../../studio/src/app/setup/objects/fields/dependency-matrix';
import { impactView } from '../../studio/src/app/setup/objects/fields/field-impact';
import { FIELD_TYPES, editorFamilyOf } from '../../studio/src/app/setup/objects/fields/field-types';
import { moveValue, setActive, toEditable, toStored } from '../../studio/src/app/setup/objects/fields/picklist-values';
import { rollupMetadata, rollupProblems } from '../../studio/src/app/setup/objects/fields/rollup-builder';

describe('web app: the field editors', () => {
  it("gives every type of the engine's object schema an editor family, and no other type", () => {
    const text = JSON.stringify(JSON.parse(readFileSync('engine/metadata/schemas/object.schema.json', 'utf8')));
    const schemaTypes = [...text.matchAll(/"type":\{"const":"([a-z]+)"/g)].map((match) => match[1]);
    expect(schemaTypes.length).to.be.greaterThan(0);
    expect([...FIELD_TYPES].sort()).to.deep.equal([...new Set(schemaTypes)].sort());
    for (const type of FIELD_TYPES) expect(editorFamilyOf(type)).to.be.a('string');
  });

  it('previews an auto-number as the engine formats it', () => {
    expect(autoNumberPreview('PR-{0000}')).to.equal('PR-0001');
    expect(autoNumberPreview('INV-{00}', 123)).to.equal('INV-123');
    expect(hasCounter('PR-{0000}')).to.equal(true);
    expect(hasCounter('PR-0000')).to.equal(false);
    expect(hasCounter('{0}-{00}')).to.equal(false);
  });

  it('reorders picklist values and deactivates one, writing back only what differs from the defaults', () => {
    const values = toEditable(['new', { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }, 'lost']);
    const moved = moveValue(values, 'lost', 'new');
    expect(moved.map((entry) => entry.value)).to.deep.equal(['lost', 'new', 'won']);
    expect(toStored(setActive(moved, 'new', false))).to.deep.equal(['lost', { value: 'new', active: false }, { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }]);
    expect(moveValue(values, 'missing', 'new').map((entry) => entry.value)).to.deep.equal(['new', 'won', 'lost']);
  });

  it('turns the dependency metadata into a matrix and back without change, and a toggled cell into metadata', () => {
    const dependencies = { hot: ['call', 'meet'], cold: ['mail'] };
    const matrix = matrixFromDependencies(['hot', 'warm', 'cold'], ['call', 'mail', 'meet'], dependencies);
    expect(matrix.warm).to.deep.equal({ call: false, mail: false, meet: false });
    expect(dependenciesFromMatrix(matrix, ['call', 'mail', 'meet'])).to.deep.equal(dependencies);
    const toggled = toggleCell(toggleCell(matrix, 'warm', 'mail'), 'cold', 'mail');
    expect(dependenciesFromMatrix(toggled, ['call', 'mail', 'meet'])).to.deep.equal({ hot: ['call', 'meet'], warm: ['mail'] });
  });

  it("builds exactly the roll-up metadata the engine accepts", () => {
    expect(rollupMetadata({ child: 'line', relationship: '', function: 'count', field: 'amount', filter: {} })).to.deep.equal({ child: 'line', function: 'count' });
    expect(rollupMetadata({ child: 'line', relationship: 'order', function: 'sum', field: 'amount', filter: { status: 'open' } }))
      .to.deep.equal({ child: 'line', function: 'sum', relationship: 'order', field: 'amount', filter: { status: 'open' } });
    expect(rollupProblems({ child: '', relationship: '', function: 'max', field: '' })).to.deep.equal(['child', 'field']);
    expect(rollupProblems({ child: 'line', relationship: '', function: 'count', field: '' })).to.deep.equal([]);
  });

  it('shows the impact of a type change, or that it could not be checked when the endpoint answers 404', () => {
    const impact = { records: 10, convertible: 8, failing: 2, sample: [{ _id: 'a', name: 'A', value: 'x', message: 'not a number' }] };
    expect(impactView(200, impact)).to.deep.equal({ kind: 'checked', impact, safe: false });
    expect(impactView(200, { ...impact, convertible: 10, failing: 0, sample: [] })).to.include({ kind: 'checked', safe: true });
    expect(impactView(404, { error: 'not_found' })).to.deep.equal({ kind: 'unchecked', status: 404 });
  });
});
