import { expect } from 'chai';
import { demoUsersTable } from '../../../engine/demo/index.js';

describe('the demo tenant: the table of demo users', () => {
  it('lines up e-mail, role and password in padded columns under a header, without trailing spaces', () => {
    const table = demoUsersTable([
      { email: 'sales_director@demo.crm.local', role: 'sales_director', password: 'jaEbOBkBCY5wyCRz6SUq' },
      { email: 'x@demo.crm.local', role: null, password: 'LEwEnJ4pJii_iceG1U3n' },
    ]);
    expect(table.split('\n')).to.deep.equal([
      'E-mail                         Role            Password',
      '-----------------------------  --------------  --------------------',
      'sales_director@demo.crm.local  sales_director  jaEbOBkBCY5wyCRz6SUq',
      'x@demo.crm.local               -               LEwEnJ4pJii_iceG1U3n',
    ]);
  });
});
