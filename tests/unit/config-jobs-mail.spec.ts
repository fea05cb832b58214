import { expect } from 'chai';
import { configFromEnv } from '../../engine/config.js';

describe('configFromEnv: the job scheduler and outgoing mail', () => {
  it('leaves the scheduler at its defaults and mail unconfigured when nothing is set', () => {
    const { jobs, mail } = configFromEnv({});
    expect(jobs).to.deep.equal({});
    expect(mail).to.deep.equal({});
  });

  it('reads JOB_POLL_MS, SMTP_URL and MAIL_FROM', () => {
    const { jobs, mail } = configFromEnv({ JOB_POLL_MS: '250', SMTP_URL: 'smtp://mailer:secret@mail.example.com:587', MAIL_FROM: 'CRM <crm@example.com>' });
    expect(jobs).to.deep.equal({ pollMs: 250 });
    expect(mail).to.deep.equal({ smtpUrl: 'smtp://mailer:secret@mail.example.com:587', from: 'CRM <crm@example.com>' });
  });

  for (const value of ['0', '5', '2.5', 'often']) {
    it(`refuses a JOB_POLL_MS of '${value}'`, () => {
      expect(() => configFromEnv({ JOB_POLL_MS: value })).to.throw(/JOB_POLL_MS must be a whole number of milliseconds, at least 10/);
    });
  }

  for (const value of ['mail.example.com', 'http://mail.example.com', 'smtp//mail']) {
    it(`refuses an SMTP_URL of '${value}'`, () => {
      expect(() => configFromEnv({ SMTP_URL: value })).to.throw(/SMTP_URL must be a URL like smtp:\/\//);
    });
  }
});
