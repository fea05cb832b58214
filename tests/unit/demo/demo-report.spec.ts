import { expect } from 'chai';
import { demoReport, demoUsersTable } from '../../../engine/demo/index.js';

describe('the demo tenant: what npm start prints of it', () => {
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

  it('says which packs were installed and skipped, then lists the users; without users, the line alone', () => {
    const users = [{ email: 'rep@demo.crm.local', role: 'sales_rep', password: 'jaEbOBkBCY5wyCRz6SUq' }];
    const demo = { installed: [{ name: 'company', version: '1.0.0', records: 0 }, { name: 'sales', version: '1.0.0', records: 3000 }], skipped: [{ name: 'service', reason: '…' }], users, ms: 12_345 };
    expect(demoReport(demo).split('\n')).to.deep.equal([
      'Demo tenant: 2 pack(s) installed with demo data in 12.3 s (company, sales); skipped: service (the log says why). DEMO=0 starts empty.',
      'Demo users (passwords shown once):',
      ...demoUsersTable(users).split('\n'),
    ]);
    expect(demoReport({ installed: [], skipped: [], users: [], ms: 40 })).to.equal('Demo tenant: 0 pack(s) installed with demo data in 0.0 s (none). DEMO=0 starts empty.');
  });
});
