import { expect } from 'chai';
import { hasSetupRight, type SessionUser, type SystemRights } from '../../studio/src/shared/api/session';
import { draftOf, errorsByControl, masterOf, newObjectDefinition, objectProperties, suggestApiName } from '../../studio/src/app/setup/objects/object-draft';
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
      { name: 'account', label: { en: 'Account', 'zh-CN': '客户' }, icon: 'BankOutlined', fields: [{ name: 'name', type: 'text' }, { name: 'industry', type: 'picklist' }] },
      { name: 'user', fields: [] },
    ];
    const counts = { objects: { purchase_request: { records: 0, standard: false }, account: { records: 12, standard: false }, user: { records: 3, standard: true } } };

    it('labels each object in the language, with its counts and kind, sorted by label', () => {
      expect(objectRows(objects, counts, 'en', '')).to.deep.equal([
        { name: 'account', label: 'Account', icon: 'BankOutlined', fields: 2, records: 12, standard: false },
        { name: 'purchase_request', label: 'Purchase request', icon: 'FileTextOutlined', fields: 1, records: 0, standard: false },
        { name: 'user', label: 'user', icon: 'FileTextOutlined', fields: 0, records: 3, standard: true },
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

  describe('object editor', () => {
    it('suggests an API name from the English label: lower case words joined by underscores, starting with a letter', () => {
      expect(suggestApiName('Purchase Request')).to.equal('purchase_request');
      expect(suggestApiName('  Purchase  request (EU) ')).to.equal('purchase_request_eu');
      expect(suggestApiName('Café Orders')).to.equal('cafe_orders');
      expect(suggestApiName('2024 budget')).to.equal('budget');
      expect(suggestApiName('采购申请')).to.equal('');
      const long = suggestApiName('A very long label for an object that keeps going on and on');
      expect(long.length).to.be.at.most(40);
      expect(long).to.match(/^[a-z][a-z0-9_]*[a-z0-9]$/);
    });

    const draft = { labelEn: ' Purchase request ', labelZh: '采购申请', pluralEn: 'Purchase requests', pluralZh: '', name: 'purchase_request', description: '', sharing: 'private' as const, hierarchy: false, icon: 'ShoppingCartOutlined', nameFieldLabel: 'Request title' };
    it('creates a new object with its labels, sharing and record name field in one definition', () => {
      expect(newObjectDefinition(draft)).to.deep.equal({
        name: 'purchase_request',
        label: { en: 'Purchase request', 'zh-CN': '采购申请' },
        pluralLabel: { en: 'Purchase requests' },
        sharing: 'private',
        grantAccessUsingHierarchy: false,
        icon: 'ShoppingCartOutlined',
        fields: [{ name: 'name', type: 'text', required: true, label: { en: 'Request title' } }],
      });
      expect(newObjectDefinition({ ...draft, nameFieldLabel: ' ' }).fields).to.deep.equal([{ name: 'name', type: 'text', required: true, label: { en: 'Name' } }]);
    });
    it('edits the properties of an existing object and reads them back unchanged', () => {
      const definition = { name: 'deal', label: { en: 'Deal', 'zh-CN': '商机' }, sharing: 'publicRead' as const, description: 'Sales' };
      expect(draftOf(definition)).to.include({ labelEn: 'Deal', labelZh: '商机', sharing: 'publicRead', hierarchy: true, description: 'Sales' });
      expect(objectProperties(draftOf(definition))).to.deep.equal({ label: { en: 'Deal', 'zh-CN': '商机' }, description: 'Sales', sharing: 'publicRead', grantAccessUsingHierarchy: true });
      expect(objectProperties(draftOf({ ...definition, icon: 'TrophyOutlined' }))).to.include({ icon: 'TrophyOutlined' });
    });
    it("sends no sharing for a detail, whose records follow its master's", () => {
      const line = { name: 'line', fields: [{ name: 'name', type: 'text' }, { name: 'order', type: 'masterdetail', target: 'order' }] };
      expect(masterOf(line)).to.equal('order');
      const order = { name: 'order', fields: [{ name: 'name', type: 'text' }, { name: 'account', type: 'lookup', target: 'account' }] };
      expect(masterOf(order)).to.equal(undefined);
      expect(objectProperties(draftOf(line), { detail: true })).to.not.have.property('sharing');
      expect(objectProperties(draftOf(line))).to.have.property('sharing', 'publicReadWrite');
    });
    it("puts the server's problems on the controls that caused them, and the rest on the form", () => {
      expect(
        errorsByControl([
          { path: '/name', message: 'is taken' },
          { path: '/label/zh-CN', message: 'too long' },
          { path: '/fields/0/label/en', message: 'too long' },
          { path: '/sharing', message: 'must be one of' },
          { path: '/validationRules/0', message: 'bad' },
          { path: '', message: 'Something else' },
        ]),
      ).to.deep.equal({
        controls: { name: ['is taken'], labelZh: ['too long'], nameFieldLabel: ['too long'], sharing: ['must be one of'] },
        form: ['/validationRules/0: bad', 'Something else'],
      });
    });
  });
});
