import { expect } from 'chai';
import { FIRST_PAGE, isActive, jobState, kindKey, newerPage, olderPage, outboxState, statusParam } from '../../studio/src/app/setup/jobs/job-state.js';
import type { OutboxEmail, OutboxWebhook } from '../../studio/src/app/setup/jobs/jobs-api.js';
import { jobsMessages } from '../../studio/src/app/setup/jobs/jobs-messages.js';

const NOW = new Date('2026-12-05T12:00:00Z');
const webhook = (rest: Partial<OutboxWebhook>): OutboxWebhook => ({ _id: 'w1', url: 'https://hooks.example.com/x', status: 'pending', queuedAt: '2026-12-05T11:00:00Z', ...rest });
const email = (rest: Partial<OutboxEmail>): OutboxEmail => ({ _id: 'e1', to: ['a@example.com'], subject: 'Hi', status: 'pending', queuedAt: '2026-12-05T11:00:00Z', ...rest });
const delivery = (status: 'due' | 'done' | 'failed' | 'cancelled', attempts: number) => ({ job: 'j1', status, attempts, dueAt: '2026-12-05T12:00:00Z' });

describe('setup jobs page: row states', () => {
  it('reads a due job under a live claim as running, one after a failed attempt as retrying, a fresh one as waiting', () => {
    expect(jobState({ status: 'due', attempts: 1, leaseUntil: '2026-12-05T12:05:00Z' }, NOW)).to.equal('running');
    expect(jobState({ status: 'due', attempts: 1, leaseUntil: '2026-12-05T11:55:00Z' }, NOW)).to.equal('retrying');
    expect(jobState({ status: 'due', attempts: 0 }, NOW)).to.equal('waiting');
    expect(jobState({ status: 'failed', attempts: 5 }, NOW)).to.equal('failed');
    expect(jobState({ status: 'cancelled', attempts: 0 }, NOW)).to.equal('cancelled');
  });

  it('reads an outbox entry by its own status once delivered, else by its delivery job', () => {
    expect(outboxState(webhook({ status: 'delivered', delivery: delivery('done', 1) }))).to.equal('delivered');
    expect(outboxState(email({ status: 'sent' }))).to.equal('sent');
    expect(outboxState(webhook({ delivery: delivery('failed', 5) }))).to.equal('failed');
    expect(outboxState(webhook({ delivery: delivery('due', 2) }))).to.equal('retrying');
    expect(outboxState(webhook({ delivery: delivery('due', 0) }))).to.equal('waiting');
    // No SMTP server: the job ended, the message stays in the outbox.
    expect(outboxState(email({ delivery: delivery('done', 1), note: 'Not sent' }))).to.equal('held');
  });

  it('keeps refreshing only while something waits or runs', () => {
    expect(['waiting', 'running', 'retrying'].every((state) => isActive(state as never))).to.equal(true);
    expect(['failed', 'done', 'sent', 'delivered', 'held', 'cancelled'].some((state) => isActive(state as never))).to.equal(false);
  });

  it('sends no status for the All filter', () => {
    expect(statusParam('all')).to.equal(undefined);
    expect(statusParam('failed')).to.equal('failed');
  });

  it('names the known job kinds by a translated key that exists in both languages, others by their code', () => {
    const key = kindKey('webhook.deliver')!;
    expect(key).to.equal('setup.jobs.kinds.webhook_deliver');
    expect(jobsMessages.en.jobs.kinds.webhook_deliver).to.be.a('string');
    expect(jobsMessages.zhCN.jobs.kinds.webhook_deliver).to.be.a('string');
    expect(kindKey('acme.custom')).to.equal(undefined);
  });

  it('goes to older pages by cursor and back to newer ones, never before the first', () => {
    const second = olderPage(FIRST_PAGE, 'c1');
    const third = olderPage(second, 'c2');
    expect(third).to.deep.equal([undefined, 'c1', 'c2']);
    expect(newerPage(third)).to.deep.equal([undefined, 'c1']);
    expect(newerPage(FIRST_PAGE)).to.equal(FIRST_PAGE);
  });
});
