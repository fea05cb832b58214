import { expect } from 'chai';
import { EMPTY_SHARING_RULE, sharingRuleDefinitionOf, sharingRuleDraftOf, sharingRuleErrors } from '../../studio/src/app/setup/sharing-rules/sharing-rule-draft';

describe('web app: sharing rule editor', () => {
  const base = { ...EMPTY_SHARING_RULE, labelEn: 'APAC cases', labelZh: '亚太工单', name: 'apac_cases', object: 'case', sharedWith: { kind: 'role' as const, name: 'auditor' } };

  it('saves conditions built as in a list filter, as the filter language', () => {
    const draft = { ...base, criteria: { join: 'and' as const, rows: [{ field: 'region', operator: 'eq' as const, value: 'APAC' }, { field: 'amount', operator: 'gte' as const, value: 1000 }] } };
    expect(sharingRuleDefinitionOf(draft)).to.deep.equal({
      name: 'apac_cases',
      label: { en: 'APAC cases', 'zh-CN': '亚太工单' },
      object: 'case',
      criteria: { and: [{ region: { eq: 'APAC' } }, { amount: { gte: 1000 } }] },
      sharedWith: { role: 'auditor' },
      access: 'read',
    });
  });

  it('says "every record" as "all" and owner rules with ownedBy, never both', () => {
    expect(sharingRuleDefinitionOf({ ...base, scope: 'all', access: 'edit' })).to.include({ criteria: 'all', access: 'edit' }).and.not.have.property('ownedBy');
    const owned = sharingRuleDefinitionOf({ ...base, scope: 'owner', ownedBy: { kind: 'roleAndSubordinates', name: 'sales_apac' }, sharedWith: { kind: 'group', name: 'finance' } });
    expect(owned).to.deep.include({ ownedBy: { roleAndSubordinates: 'sales_apac' }, sharedWith: { group: 'finance' } });
    expect(owned).to.not.have.property('criteria');
  });

  it('sends no conditions as an empty condition, which the server refuses with its reason, rather than sharing everything', () => {
    expect(sharingRuleDefinitionOf(base).criteria).to.deep.equal({});
  });

  it('reads rules back unchanged, and keeps conditions it cannot show as rows', () => {
    const rule = { name: 'apac_cases', label: { en: 'APAC cases' }, object: 'case', criteria: { region: { eq: 'APAC' } }, sharedWith: { group: 'auditors' }, access: 'read' as const };
    expect(sharingRuleDefinitionOf(sharingRuleDraftOf(rule))).to.deep.equal(rule);
    const nested = { ...rule, criteria: { or: [{ and: [{ region: 'APAC' }, { priority: 'high' }] }, { vip: true }] } };
    const draft = sharingRuleDraftOf(nested);
    expect(draft.custom).to.deep.equal(nested.criteria);
    expect(sharingRuleDefinitionOf(draft)).to.deep.equal(nested);
    const owner = { name: 'team', object: 'case', ownedBy: { role: 'rep' }, sharedWith: { roleAndSubordinates: 'manager' }, access: 'edit' as const };
    expect(sharingRuleDefinitionOf(sharingRuleDraftOf(owner))).to.deep.equal(owner);
  });

  it("puts the server's problems on the controls that caused them", () => {
    expect(sharingRuleErrors([{ path: '/criteria', message: 'is empty' }, { path: '/sharedWith/role', message: 'no such role' }, { path: '/object', message: 'is a detail' }, { path: '', message: 'other' }])).to.deep.equal({
      controls: { criteria: ['is empty'], sharedWith: ['no such role'], object: ['is a detail'] },
      form: ['other'],
    });
  });
});
