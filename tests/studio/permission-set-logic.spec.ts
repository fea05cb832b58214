import { expect } from 'chai';
import { permissionSetDefinitionOf, permissionSetDraftOf, permissionSetErrors, EMPTY_PERMISSION_SET } from '../../studio/src/app/setup/permission-sets/permission-set-draft';
import { columnState, effectiveFieldRights, setColumn, setFieldRight, setObjectRight, setRow } from '../../studio/src/app/setup/permission-sets/permission-set-rights';

describe('web app: permission set matrix', () => {
  describe('object rights', () => {
    it('ticks what a right needs: delete needs edit and read, modify all needs every right', () => {
      expect(setObjectRight({}, 'delete', true)).to.deep.equal({ read: true, edit: true, delete: true });
      expect(setObjectRight({}, 'viewAll', true)).to.deep.equal({ read: true, viewAll: true });
      expect(setObjectRight({}, 'modifyAll', true)).to.deep.equal({ create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true });
      expect(setObjectRight({}, 'create', true)).to.deep.equal({ create: true });
    });

    it('unticks what needs a right: no read leaves nothing but create, no edit takes delete and modify all with it', () => {
      const all = setRow(true);
      expect(setObjectRight(all, 'read', false)).to.deep.equal({ create: true });
      expect(setObjectRight(all, 'edit', false)).to.deep.equal({ create: true, read: true, viewAll: true });
      expect(setObjectRight(all, 'viewAll', false)).to.deep.equal({ create: true, read: true, edit: true, delete: true });
      expect(setObjectRight(all, 'create', false)).to.deep.equal({ read: true, edit: true, delete: true, viewAll: true });
      expect(setRow(false)).to.deep.equal({});
    });

    it('ticks or clears a whole column for the objects shown only, with what follows in each row', () => {
      const rows = { deal: { read: true }, account: {}, invoice: { create: true } };
      const edited = setColumn(rows, ['deal', 'account'], 'edit', true);
      expect(edited).to.deep.equal({ deal: { read: true, edit: true }, account: { read: true, edit: true }, invoice: { create: true } });
      expect(setColumn(edited, ['deal', 'account', 'invoice'], 'read', false)).to.deep.equal({ deal: {}, account: {}, invoice: { create: true } });
    });

    it('says whether a column is ticked for every row, none or some (the bulk box is then half ticked)', () => {
      expect(columnState([{ read: true }, { read: true }], 'read')).to.equal(true);
      expect(columnState([{ read: true }, {}], 'read')).to.equal('some');
      expect(columnState([{}, {}], 'read')).to.equal(false);
      expect(columnState([], 'read')).to.equal(false);
    });
  });

  describe('field rights', () => {
    const readEdit = { read: true, edit: true };

    it("follow the object's rights until narrowed", () => {
      expect(effectiveFieldRights(readEdit, undefined)).to.deep.equal({ read: true, edit: true });
      expect(effectiveFieldRights({ read: true }, undefined)).to.deep.equal({ read: true, edit: false });
      expect(effectiveFieldRights({}, { read: true, edit: true })).to.deep.equal({ read: false, edit: false });
    });

    it('narrow a field to read only or hidden, and name it no more once it is back to the object’s rights', () => {
      const readOnly = setFieldRight(readEdit, undefined, 'edit', false);
      expect(readOnly).to.deep.equal({ read: true, edit: false });
      expect(setFieldRight(readEdit, readOnly, 'edit', true)).to.equal(undefined);
      expect(setFieldRight(readEdit, readOnly, 'read', false)).to.deep.equal({ read: false, edit: false });
      // Ticking edit on a hidden field gives it read too.
      expect(setFieldRight(readEdit, { read: false, edit: false }, 'edit', true)).to.equal(undefined);
    });

    it('never grant a field more than its object: edit stays off on an object the set only reads', () => {
      expect(setFieldRight({ read: true }, undefined, 'edit', true)).to.equal(undefined);
      expect(effectiveFieldRights({ read: true }, setFieldRight({ read: true }, undefined, 'edit', true))).to.deep.equal({ read: true, edit: false });
    });
  });

  describe('the definition saved', () => {
    it('holds only what the set grants and the fields it narrows, of objects it still names', () => {
      const draft = {
        ...EMPTY_PERMISSION_SET,
        labelEn: ' Purchasing ',
        labelZh: '采购',
        name: 'purchasing',
        system: { manageUsers: false, viewAuditLog: true },
        objects: { purchase_request: { read: true, edit: true, create: true }, deal: {} },
        fields: { purchase_request: { amount: { read: true, edit: false } }, deal: { amount: { read: false, edit: false } } },
      };
      expect(permissionSetDefinitionOf(draft)).to.deep.equal({
        name: 'purchasing',
        label: { en: 'Purchasing', 'zh-CN': '采购' },
        system: { viewAuditLog: true },
        objects: { purchase_request: { create: true, read: true, edit: true } },
        fields: { purchase_request: { amount: { read: true, edit: false } } },
      });
    });

    it('reads a definition back unchanged', () => {
      const definition = { name: 'sales', label: { en: 'Sales' }, objects: { deal: { read: true, edit: true } }, fields: { deal: { margin: { read: false, edit: false } } }, system: { manageMetadata: true } };
      expect(permissionSetDefinitionOf(permissionSetDraftOf(definition))).to.deep.equal(definition);
    });

    it("puts the server's problems on the inputs and matrix rows that caused them", () => {
      expect(
        permissionSetErrors([
          { path: '/name', message: 'is taken' },
          { path: '/label/zh-CN', message: 'too long' },
          { path: '/objects/deal/viewAll', message: 'you may not grant it' },
          { path: '/fields/deal/margin', message: 'no such field' },
          { path: '/system/modifyAllData', message: 'you may not grant it' },
          { path: '', message: 'something else' },
        ]),
      ).to.deep.equal({
        controls: { name: ['is taken'], labelZh: ['too long'], 'objects/deal': ['you may not grant it'], 'fields/deal': ['no such field'], system: ['you may not grant it'] },
        form: ['something else'],
      });
    });
  });
});
