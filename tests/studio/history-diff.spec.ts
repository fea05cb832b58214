import { expect } from 'chai';
import { definitionText, lineDiff } from '../../studio/src/app/setup/history/line-diff';

const kinds = (before: string, after: string): string[] => lineDiff(before, after).map((line) => `${line.kind[0]}${line.text}`);

describe('web app: the metadata history diff', () => {
  it('marks every line the same when nothing changed', () => {
    expect(kinds('a\nb\nc', 'a\nb\nc')).to.deep.equal(['sa', 'sb', 'sc']);
  });

  it('shows a changed line as removed then added, keeping the lines around it', () => {
    expect(kinds('a\nb\nc', 'a\nB\nc')).to.deep.equal(['sa', 'rb', 'aB', 'sc']);
  });

  it('finds inserted and deleted lines without marking the rest as changed', () => {
    expect(kinds('a\nc\nd', 'a\nb\nc')).to.deep.equal(['sa', 'ab', 'sc', 'rd']);
  });

  it('numbers lines in the old and the new text', () => {
    const lines = lineDiff('x\ny', 'y\nz');
    expect(lines).to.deep.equal([
      { kind: 'removed', text: 'x', oldLine: 1 },
      { kind: 'same', text: 'y', oldLine: 2, newLine: 1 },
      { kind: 'added', text: 'z', newLine: 2 },
    ]);
  });

  it('treats an empty side as all added or all removed', () => {
    expect(kinds('', 'a\nb')).to.deep.equal(['aa', 'ab']);
    expect(kinds('a', '')).to.deep.equal(['ra']);
  });

  it('compares definitions regardless of key order, so only the label line changes', () => {
    const before = definitionText({ name: 'invoice', label: 'Invoice', fields: [{ name: 'total', type: 'currency' }] });
    const after = definitionText({ label: 'Bill', fields: [{ type: 'currency', name: 'total' }], name: 'invoice' });
    const changed = lineDiff(before, after).filter((line) => line.kind !== 'same');
    expect(changed.map((line) => `${line.kind}:${line.text.trim()}`)).to.deep.equal(['removed:"label": "Invoice",', 'added:"label": "Bill",']);
  });
});
