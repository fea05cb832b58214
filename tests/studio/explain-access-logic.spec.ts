import { expect } from 'chai';
import { fieldRights, reasonSentences, sameReasons, setupHref, type AccessReason, type SentenceContext } from '../../studio/src/app/setup/explain-access/access-explanation';

const CONTEXT: SentenceContext = {
  user: 'Erin',
  objectLabel: (object) => ({ ea_request: 'Travel requests', ea_trip: 'Trips' })[object] ?? object,
  grantee: (to) => `grantee ${to}`,
  setupHref: (section, name) => (section === 'permission-sets' ? `/setup/permission-sets/${name}` : null),
  unnamedRule: 'a sharing rule',
  definitionLabel: (label) => `«${label}»`,
};

describe('web app: explain access', () => {
  it('says each reason as a sentence with its values, linking what setup shows and leaving the rest plain', () => {
    const reasons: AccessReason[] = [
      { kind: 'owner' },
      { kind: 'roleHierarchy', role: 'ea_manager', roleLabel: 'Sales manager', ownerRole: 'ea_rep', ownerRoleLabel: 'Sales rep' },
      { kind: 'sharingRule', rule: 'big', label: 'Big trips', access: 'edit' },
      { kind: 'manualShare', to: 'r:ea_rep', access: 'read', by: 'u1', byName: 'Ravi' },
      { kind: 'objectRight', right: 'viewAll', permissionSet: 'ea_overseer', label: 'Overseer' },
      { kind: 'admin', permissionSet: 'admin' },
      { kind: 'orgWideDefault', sharing: 'publicRead' },
    ];
    expect(reasonSentences(reasons, 'ea_request', CONTEXT)).to.deep.equal([
      { key: 'owner', values: { user: 'Erin' } },
      { key: 'roleHierarchy', values: { user: 'Erin', ownerRole: '«Sales rep»' }, link: { text: '«Sales manager»', to: null } },
      { key: 'sharingRuleEdit', values: { user: 'Erin' }, link: { text: '«Big trips»', to: null } },
      { key: 'manualShare', values: { user: 'Erin', by: 'Ravi', grantee: 'grantee r:ea_rep' } },
      { key: 'viewAll', values: { user: 'Erin', objects: 'Travel requests' }, link: { text: '«Overseer»', to: '/setup/permission-sets/ea_overseer' } },
      { key: 'admin', values: { user: 'Erin' }, link: { text: 'admin', to: '/setup/permission-sets/admin' } },
      { key: 'publicRead', values: { user: 'Erin', objects: 'Travel requests' } },
    ]);
  });

  it('puts a master\'s own reasons under it, about the master\'s object, linking the master record', () => {
    const [master] = reasonSentences([{ kind: 'master', object: 'ea_trip', id: 't 1', name: 'Shanghai', reasons: [{ kind: 'objectRight', right: 'modifyAll', permissionSet: 'x', label: 'X' }] }], 'ea_request', CONTEXT);
    expect(master).to.deep.equal({
      key: 'master',
      values: { user: 'Erin' },
      link: { text: 'Shanghai', to: '/o/ea_trip/t%201' },
      reasons: [{ key: 'modifyAll', values: { user: 'Erin', objects: 'Trips' }, link: { text: '«X»', to: '/setup/permission-sets/x' } }],
    });
  });

  it('names what the server withholds plainly: a sharing rule without a name, an owner role unknown, a master not told', () => {
    const sentences = reasonSentences(
      [
        { kind: 'sharingRule', rule: null, label: null, access: 'read' },
        { kind: 'roleHierarchy', role: 'm', roleLabel: 'm', ownerRole: null, ownerRoleLabel: null },
        { kind: 'master', object: 'ea_trip', id: null, name: null, reasons: [] },
        { kind: 'manualShare', to: 'u:me', access: 'edit', by: 'u9', byName: null },
      ],
      'ea_request',
      CONTEXT,
    );
    expect(sentences.map((sentence) => [sentence.key, sentence.link ?? null])).to.deep.equal([
      ['sharingRule', { text: 'a sharing rule', to: null }],
      ['roleHierarchyUnknown', { text: '«m»', to: null }],
      ['master', { text: 'Trips', to: null }],
      ['manualShareEdit', null],
    ]);
    expect(sentences[3]!.values.by, 'the sharer by id when their name is not told').to.equal('u9');
  });

  it('links a definition to its own setup page, else to its section\'s list, else nowhere', () => {
    expect(setupHref(['objects', 'roles', 'roles/:name'], 'roles', 'sales rep')).to.equal('/setup/roles/sales%20rep');
    expect(setupHref(['objects', 'permission-sets'], 'permission-sets', 'x')).to.equal('/setup/permission-sets');
    expect(setupHref(['objects', 'objects/:name'], 'sharing-rules', 'x')).to.equal(null);
  });

  it('lists the fields a user cannot read and those they read but cannot edit, in the object\'s order', () => {
    const rights = fieldRights({ readable: ['cost', 'name', 'notes'], editable: ['name'], hidden: ['budget', 'secret'] }, ['name', 'secret', 'cost', 'budget', 'notes']);
    expect(rights).to.deep.equal({ hidden: ['secret', 'budget'], readOnly: ['cost', 'notes'] });
  });

  it('says the edit reasons once when they are the read reasons', () => {
    const hierarchy: AccessReason = { kind: 'roleHierarchy', role: 'm', roleLabel: 'M', ownerRole: 'r', ownerRoleLabel: 'R' };
    expect(sameReasons({ allowed: true, reasons: [hierarchy] }, { allowed: true, reasons: [hierarchy] })).to.equal(true);
    expect(sameReasons({ allowed: true, reasons: [hierarchy, { kind: 'approver' }] }, { allowed: true, reasons: [hierarchy] })).to.equal(false);
    expect(sameReasons({ allowed: true, reasons: [hierarchy] }, { allowed: false, reasons: [hierarchy], why: 'locked' })).to.equal(false);
  });
});
