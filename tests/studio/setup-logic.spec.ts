import { expect } from 'chai';
import { hasSetupRight, type SessionUser, type SystemRights } from '../../studio/src/shared/api/session';
import { objectRows } from '../../studio/src/app/setup/objects/object-summaries';
import { currentSection, SETUP_SECTIONS, visibleSections } from '../../studio/src/app/setup/setup-sections';
import type { ObjectDefinition } from '../../studio/src/shared/metadata/object-definition';

const NONE: SystemRights = { manageMetadata: false, manageUsers: false, viewAllData: false, modifyAllData: false, viewAuditLog: false, editLockedRecords: false };
const user = (rights?: Partial<SystemRights>): SessionUser => ({ _id: 'u1', _version: 1, ...(rights ? { rights: { ...NONE, ...rights } } : {}) });

describe('web app: setup area', () => {
  describe('who may open it', () => {
    it('opens for any of the rights a setup section needs, and not for data rights alone', () => {
      expect(hasSetupRight(user({ manageMetadata: true }))).to.equal(true);
      expect(hasSetupRight(user({ manageUsers: true }))).to.equal(true);
      expect(hasSetupRight(user({ viewAuditLog: true }))).to.equal(true);
      expect(hasSetupRight(user({ viewAllData: true, modifyAllData: true }))).to.equal(false);
      expect(hasSetupRight(user())).to.equal(false);
      expect(hasSetupRight(null)).to.equal(false);
    });
  });

  describe('navigation', () => {
    const routed = new Set(['objects']);
    it('lists the sections that have a page and whose right the user has, by group', () => {
      expect(visibleSections(SETUP_SECTIONS, user({ manageMetadata: true }).rights, routed)).to.deep.equal([{ group: 'model', sections: [SETUP_SECTIONS[0]] }]);
    });
    it('leaves out a section without its page, and groups left empty', () => {
      expect(visibleSections(SETUP_SECTIONS, user({ manageMetadata: true, manageUsers: true }).rights, routed).map((entry) => entry.group)).to.deep.equal(['model']);
      const all = visibleSections(SETUP_SECTIONS, user({ manageMetadata: true, manageUsers: true }).rights, new Set(['objects', 'users', 'roles']));
      expect(all.map((entry) => [entry.group, entry.sections.map((section) => section.key)])).to.deep.equal([
        ['model', ['objects']],
        ['security', ['users', 'roles']],
      ]);
    });
    it('shows an admin of users only the security sections', () => {
      const groups = visibleSections(SETUP_SECTIONS, user({ manageUsers: true }).rights, new Set(['objects', 'users']));
      expect(groups.map((entry) => entry.group)).to.deep.equal(['security']);
    });
    it('finds the section of an address by its first segment', () => {
      expect(currentSection(SETUP_SECTIONS, '/setup/objects/deal/fields')?.key).to.equal('objects');
      expect(currentSection(SETUP_SECTIONS, '/setup/permission-sets')?.key).to.equal('permissionSets');
      expect(currentSection(SETUP_SECTIONS, '/setup')).to.equal(undefined);
    });
  });

  describe('object manager lines', () => {
    const objects: ObjectDefinition[] = [
      { name: 'purchase_request', label: { en: 'Purchase request', 'zh-CN': '采购申请' }, fields: [{ name: 'name', type: 'text' }] },
      { name: 'account', label: { en: 'Account', 'zh-CN': '客户' }, fields: [{ name: 'name', type: 'text' }, { name: 'industry', type: 'picklist' }] },
      { name: 'user', fields: [] },
    ];
    const counts = { objects: { purchase_request: { records: 0, standard: false }, account: { records: 12, standard: false }, user: { records: 3, standard: true } } };

    it('labels each object in the language, with its counts and kind, sorted by label', () => {
      expect(objectRows(objects, counts, 'en', '')).to.deep.equal([
        { name: 'account', label: 'Account', fields: 2, records: 12, standard: false },
        { name: 'purchase_request', label: 'Purchase request', fields: 1, records: 0, standard: false },
        { name: 'user', label: 'user', fields: 0, records: 3, standard: true },
      ]);
      expect(objectRows(objects, undefined, 'zh-CN', '').map((row) => [row.label, row.records])).to.deep.include(['采购申请', undefined]);
    });
    it('finds objects by the label in the language or in English, or by API name, ignoring case', () => {
      expect(objectRows(objects, counts, 'zh-CN', '采购').map((row) => row.name)).to.deep.equal(['purchase_request']);
      expect(objectRows(objects, counts, 'zh-CN', 'ACCOUNT').map((row) => row.name)).to.deep.equal(['account']);
      expect(objectRows(objects, counts, 'en', 'purchase_req').map((row) => row.name)).to.deep.equal(['purchase_request']);
      expect(objectRows(objects, counts, 'en', 'nothing like it')).to.deep.equal([]);
    });
  });
});
