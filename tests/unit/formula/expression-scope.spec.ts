import { expect } from 'chai';
import { compileExpression, expressionScope, isCompiled } from '../../../engine/formula/index.js';
import { compileSnapshot, NO_DEFINITIONS } from '../../../engine/metadata/compile-snapshot.js';
import type { Snapshot } from '../../../engine/metadata/snapshot.js';

function crm(): Snapshot {
  const { snapshot, problems } = compileSnapshot(1, {
    ...NO_DEFINITIONS,
    object: [
      { name: 'company', fields: [{ name: 'title', type: 'text' }, { name: 'industry', type: 'picklist', values: ['it', 'retail'] }] },
      {
        name: 'opportunity',
        fields: [
          { name: 'amount', type: 'currency' },
          { name: 'account', type: 'lookup', target: 'company' },
          { name: 'owner_company', type: 'masterdetail', target: 'company' },
        ],
      },
    ],
  });
  expect([...problems]).to.deep.equal([]);
  return snapshot;
}

describe('expression scope of an object', () => {
  const snapshot = crm();
  const scope = expressionScope(snapshot.object('opportunity')!.object, (name) => snapshot.object(name)?.object, ['user']);

  it('holds the object\'s own fields', () => {
    expect([...scope.fields]).to.have.members(['amount', 'account', 'owner_company']);
  });

  it('reaches the fields of lookup and master-detail targets', () => {
    expect(scope.parents.get('account')).to.deep.equal({ object: 'company', fields: new Set(['title', 'industry']) });
    expect(scope.parents.get('owner_company')?.object).to.equal('company');
  });

  it('lets an expression read a parent field and refuses a misspelt one', () => {
    expect(isCompiled(compileExpression('account.industry = "it" and owner_company.title != "" and $user', scope))).to.equal(true);
    const refused = compileExpression('owner_company.titel', scope);
    expect(isCompiled(refused) ? [] : refused.problems.map((problem) => String(problem.message))).to.deep.equal([
      "'titel' is not a field of company (the object 'owner_company' looks up); did you mean 'title'?",
    ]);
  });
});
