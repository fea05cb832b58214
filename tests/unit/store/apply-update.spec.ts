import { expect } from 'chai';
import { applyUpdate } from '../../../engine/store/embedded/apply-update.js';
import { freezeDocument } from '../../../engine/store/json-document.js';

describe('embedded store: applying an update to a committed document', () => {
  const committed = () =>
    freezeDocument({
      _id: 'a',
      name: 'Acme',
      tags: ['x', 'y'],
      address: { city: 'Paris', geo: { lat: 1, lng: 2 } },
      lines: [{ sku: 'p', qty: 1 }],
    });

  it('shares every member the update leaves alone, and copies each container on the way to a changed one', () => {
    const doc = committed();
    const next = applyUpdate(doc, { $set: { 'address.geo.lat': 5, total: 3 } });
    expect(next).to.deep.equal({ ...doc, total: 3, address: { city: 'Paris', geo: { lat: 5, lng: 2 } } });
    expect(next.tags).to.equal(doc.tags);
    expect(next.lines).to.equal(doc.lines);
    expect(next.address).to.not.equal(doc.address);
    expect(next.address.geo).to.not.equal(doc.address.geo);
    // the committed document is untouched
    expect(doc.address.geo.lat).to.equal(1);
    expect(doc).to.not.have.property('total');
  });

  it('unsets and increments through copies, never in the committed document', () => {
    const doc = committed();
    const next = applyUpdate(doc, { $unset: { 'address.city': '' }, $inc: { 'lines.0.qty': 2 } });
    expect(next.address).to.deep.equal({ geo: { lat: 1, lng: 2 } });
    expect(next.lines).to.deep.equal([{ sku: 'p', qty: 3 }]);
    expect(next.address.geo).to.equal(doc.address.geo);
    expect(doc.address.city).to.equal('Paris');
    expect(doc.lines[0]!.qty).to.equal(1);
  });

  it('gives a $set value of its own, so a caller changing it afterwards changes nothing stored', () => {
    const doc = committed();
    const value = { city: 'Lyon' };
    const next = applyUpdate(doc, { $set: { address: value } });
    value.city = 'Nice';
    expect(next.address).to.deep.equal({ city: 'Lyon' });
  });

  it('creates the objects a dotted path needs, and replaces a scalar in the way', () => {
    const next: Record<string, unknown> = applyUpdate(committed(), { $set: { 'name.first': 'A', 'meta.source.kind': 'web' } });
    expect(next.name).to.deep.equal({ first: 'A' });
    expect(next.meta).to.deep.equal({ source: { kind: 'web' } });
  });
});
