import { expect } from 'chai';
import { controlErrors } from '../../studio/src/app/setup/control-errors';
import { groupDefinitionOf, groupDraftOf, groupErrors, EMPTY_GROUP } from '../../studio/src/app/setup/groups/group-draft';
import { roleDefinitionOf, roleDraftOf, roleErrors } from '../../studio/src/app/setup/roles/role-draft';
import { buildRoleTree, dropOutcome, possibleParents, subordinatesOf, withParent, type RoleDefinition } from '../../studio/src/app/setup/roles/role-tree';
import type { AdminUser } from '../../studio/src/app/setup/users/admin-user';
import { filterUsers } from '../../studio/src/app/setup/users/user-filter';
import { EMPTY_USER, temporaryPassword, userDraftOf, userErrors, userValues } from '../../studio/src/app/setup/users/user-draft';

/** requester → manager → finance, a second branch under ceo, and a lone auditor. */
const ROLES: RoleDefinition[] = [
  { name: 'ceo', label: { en: 'CEO' } },
  { name: 'finance', label: { en: 'Finance', 'zh-CN': '财务' }, reportsTo: 'ceo' },
  { name: 'manager', label: { en: 'Manager' }, reportsTo: 'finance' },
  { name: 'requester', label: { en: 'Requester' }, reportsTo: 'manager' },
  { name: 'sales', label: { en: 'Sales' }, reportsTo: 'ceo' },
  { name: 'auditor', label: { en: 'Auditor' } },
];
const title = (role: RoleDefinition) => role.label?.en ?? role.name;
const collator = new Intl.Collator('en');

describe('web app: setup of users, roles and groups', () => {
  describe('the role tree', () => {
    it('nests each role under the one it reports to, siblings by title', () => {
      const tree = buildRoleTree(ROLES, title, collator);
      expect(tree.map((node) => node.key)).to.deep.equal(['auditor', 'ceo']);
      const ceo = tree[1]!;
      expect(ceo.children.map((node) => node.key)).to.deep.equal(['finance', 'sales']);
      expect(ceo.children[0]!.children[0]!.children[0]).to.deep.equal({ key: 'requester', title: 'Requester', children: [] });
    });
    it('puts a role naming a missing parent at the top, and survives a cycle in stored data', () => {
      expect(buildRoleTree([{ name: 'a', reportsTo: 'gone' }], title, collator)).to.deep.equal([{ key: 'a', title: 'a', children: [] }]);
      // Two roles reporting to each other have no root: nothing to draw, and no endless loop.
      expect(buildRoleTree([{ name: 'a', reportsTo: 'b' }, { name: 'b', reportsTo: 'a' }], title, collator)).to.deep.equal([]);
    });
    it('finds every role below one, at any depth', () => {
      expect([...subordinatesOf(ROLES, 'ceo')].sort()).to.deep.equal(['finance', 'manager', 'requester', 'sales']);
      expect([...subordinatesOf(ROLES, 'requester')]).to.deep.equal([]);
    });
    it('offers as parents every role but the role itself and those below it', () => {
      expect(possibleParents(ROLES, 'finance').map((role) => role.name)).to.deep.equal(['ceo', 'sales', 'auditor']);
      expect(possibleParents(ROLES, undefined)).to.have.length(ROLES.length);
    });
  });

  describe('a drop on the tree', () => {
    it('onto a role puts the dragged role under it', () => {
      expect(dropOutcome(ROLES, 'sales', 'auditor', 'onto')).to.deep.equal({ kind: 'move', reportsTo: 'auditor' });
    });
    it('beside a role gives the dragged role the same parent, the top for a root', () => {
      expect(dropOutcome(ROLES, 'requester', 'sales', 'beside')).to.deep.equal({ kind: 'move', reportsTo: 'ceo' });
      expect(dropOutcome(ROLES, 'sales', 'auditor', 'beside')).to.deep.equal({ kind: 'move', reportsTo: undefined });
    });
    it('under itself or one of its subordinates is a cycle', () => {
      expect(dropOutcome(ROLES, 'finance', 'requester', 'onto')).to.deep.equal({ kind: 'cycle' });
      expect(dropOutcome(ROLES, 'finance', 'finance', 'onto')).to.deep.equal({ kind: 'cycle' });
      expect(dropOutcome(ROLES, 'manager', 'requester', 'beside')).to.deep.equal({ kind: 'cycle' });
    });
    it('where it already is changes nothing', () => {
      expect(dropOutcome(ROLES, 'manager', 'finance', 'onto')).to.deep.equal({ kind: 'unchanged' });
      expect(dropOutcome(ROLES, 'finance', 'sales', 'beside')).to.deep.equal({ kind: 'unchanged' });
    });
    it('gives the whole role with its new parent, or without one at the top', () => {
      expect(withParent(ROLES[2]!, 'ceo')).to.deep.equal({ name: 'manager', label: { en: 'Manager' }, reportsTo: 'ceo' });
      expect(withParent(ROLES[2]!, undefined)).to.deep.equal({ name: 'manager', label: { en: 'Manager' } });
    });
  });

  describe('the role form', () => {
    it('sends the labels given, the parent, and leaves the blanks out', () => {
      const draft = { labelEn: ' Finance ', labelZh: '', name: 'finance', description: '', reportsTo: '' };
      expect(roleDefinitionOf(draft)).to.deep.equal({ name: 'finance', label: { en: 'Finance' } });
      expect(roleDefinitionOf({ ...draft, labelZh: '财务', reportsTo: 'ceo', description: 'Pays' })).to.deep.equal({ name: 'finance', label: { en: 'Finance', 'zh-CN': '财务' }, description: 'Pays', reportsTo: 'ceo' });
      expect(roleDefinitionOf(roleDraftOf(ROLES[1]!))).to.deep.equal(ROLES[1]);
    });
    it('puts the server problems on their controls', () => {
      expect(roleErrors([{ path: '/name', message: 'is taken' }, { path: '/label/zh-CN', message: 'too long' }, { path: '', message: 'cycle' }])).to.deep.equal({
        controls: { name: ['is taken'], labelZh: ['too long'] },
        form: ['cycle'],
      });
    });
  });

  describe('the user list', () => {
    const users: AdminUser[] = [
      { _id: 'u1', _version: 1, full_name: 'Ada Lovelace', email: 'ada@example.com', role: 'finance', permission_sets: ['standard_user'] },
      { _id: 'u2', _version: 1, full_name: 'Bo Li', email: 'bo@example.com', role: null, permission_sets: ['approver'], active: false },
      { _id: 'u3', _version: 1, full_name: 'Cy', email: 'cy@example.com', permission_sets: 'not a list' },
    ];
    const labels = { role: (name: string) => (name === 'finance' ? '财务' : name), permissionSet: (name: string) => (name === 'approver' ? 'Approvers' : name) };
    const ids = (found: AdminUser[]) => found.map((user) => user._id);
    it('finds users by name, e-mail, role label or name, and permission set label or name', () => {
      expect(ids(filterUsers(users, 'lovel', 'all', labels))).to.deep.equal(['u1']);
      expect(ids(filterUsers(users, 'BO@EXAMPLE', 'all', labels))).to.deep.equal(['u2']);
      expect(ids(filterUsers(users, '财务', 'all', labels))).to.deep.equal(['u1']);
      expect(ids(filterUsers(users, 'financ', 'all', labels))).to.deep.equal(['u1']);
      expect(ids(filterUsers(users, 'approvers', 'all', labels))).to.deep.equal(['u2']);
      expect(ids(filterUsers(users, 'standard_user', 'all', labels))).to.deep.equal(['u1']);
    });
    it('narrows to active or inactive users, active unless the record says otherwise', () => {
      expect(ids(filterUsers(users, '', 'active', labels))).to.deep.equal(['u1', 'u3']);
      expect(ids(filterUsers(users, ' ', 'inactive', labels))).to.deep.equal(['u2']);
    });
  });

  describe('the user form', () => {
    const draft = { ...EMPTY_USER, fullName: ' Ada ', email: 'ada@example.com ', permissionSets: ['standard_user'], language: 'zh-CN' as const };
    it('creates a user without a role when none is picked, and clears the role of an edited one', () => {
      expect(userValues(draft, true)).to.deep.equal({ full_name: 'Ada', email: 'ada@example.com', permission_sets: ['standard_user'], language: 'zh-CN' });
      expect(userValues(draft, false)).to.include({ role: null });
      expect(userValues({ ...draft, role: 'finance' }, true)).to.include({ role: 'finance' });
    });
    it('reads a record whose permission sets or language are not what the form knows', () => {
      expect(userDraftOf({ _id: 'u', _version: 1, full_name: 'X', email: 'x@example.com', permission_sets: 'bad', language: 'fr' })).to.deep.equal({
        fullName: 'X',
        email: 'x@example.com',
        role: '',
        permissionSets: [],
        language: 'en',
        password: '',
      });
    });
    it('puts record and password problems on their controls, a permission set problem on the list', () => {
      const { controls, form } = userErrors([
        { path: '/email', message: 'is taken' },
        { path: '/permission_sets/1', message: 'grants manageUsers' },
        { path: '/password', message: 'too short' },
        { path: '/time_zone', message: 'bad' },
      ]);
      expect(controls).to.deep.equal({ email: ['is taken'], permissionSets: ['grants manageUsers'], password: ['too short'] });
      expect(form).to.deep.equal(['/time_zone: bad']);
    });
    it('generates a 20-character password of unambiguous letters and digits, without modulo bias', () => {
      let calls = 0;
      // Bytes of 220 and above would favour the first letters: they are skipped.
      const bytes = (count: number) => {
        calls += 1;
        return Uint8Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 255 : (i * 7 + calls) % 220));
      };
      const password = temporaryPassword(bytes);
      expect(password).to.have.length(20);
      expect(password).to.match(/^[a-km-np-zA-HJ-NP-Z2-9]+$/);
      expect(calls).to.be.greaterThan(0);
    });
  });

  describe('the group form', () => {
    it('sends only the member lists that hold someone', () => {
      expect(groupDefinitionOf({ ...EMPTY_GROUP, labelEn: 'Bid committee', name: 'bid_committee', roles: ['finance'] })).to.deep.equal({ name: 'bid_committee', label: { en: 'Bid committee' }, roles: ['finance'] });
      const group = { name: 'g', label: { en: 'G', 'zh-CN': '组' }, users: ['u1'], rolesAndSubordinates: ['ceo'] };
      expect(groupDefinitionOf(groupDraftOf(group))).to.deep.equal(group);
    });
    it('puts a problem with a member on its list', () => {
      expect(groupErrors([{ path: '/rolesAndSubordinates/0', message: 'no such role' }]).controls).to.deep.equal({ rolesAndSubordinates: ['no such role'] });
    });
    it('keeps problems no control owns for the form, with their path', () => {
      expect(controlErrors([{ path: '/x', message: 'm' }, { path: '', message: 'n' }], [])).to.deep.equal({ controls: {}, form: ['/x: m', 'n'] });
    });
  });
});
