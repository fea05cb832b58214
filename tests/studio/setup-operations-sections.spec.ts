import { expect } from 'chai';
import type { SystemRights } from '../../studio/src/shared/api/session';
import { currentSection, SETUP_SECTIONS, visibleSections } from '../../studio/src/app/setup/setup-sections';

const NONE: SystemRights = { manageMetadata: false, manageUsers: false, viewAllData: false, modifyAllData: false, viewAuditLog: false, editLockedRecords: false };
const routed = new Set(['objects', 'users', 'audit', 'history']);
const shown = (rights: Partial<SystemRights>) =>
  visibleSections(SETUP_SECTIONS, { ...NONE, ...rights }, routed).map((entry) => [entry.group, entry.sections.map((section) => section.key)]);

describe('web app: the setup area\'s operations pages', () => {
  it('shows an auditor only the audit log, under Operations', () => {
    expect(shown({ viewAuditLog: true })).to.deep.equal([['operations', ['audit']]]);
  });

  it('shows the metadata history to those who manage metadata, after the model and security groups', () => {
    expect(shown({ manageMetadata: true, manageUsers: true, viewAuditLog: true })).to.deep.equal([
      ['model', ['objects']],
      ['security', ['users']],
      ['operations', ['audit', 'history']],
    ]);
    expect(shown({ manageUsers: true })).to.deep.equal([['security', ['users']]]);
  });

  it('keeps the History section selected on one definition\'s versions', () => {
    expect(currentSection(SETUP_SECTIONS, '/setup/history/object/invoice')?.key).to.equal('history');
  });
});
