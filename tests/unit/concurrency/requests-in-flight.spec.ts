import { expect } from 'chai';
import { RequestsInFlight } from '../../../engine/concurrency/requests-in-flight.js';

/** Whether a promise has settled by the time the event loop has turned a few times. */
async function settledSoon(promise: Promise<unknown>, turns = 5): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('requests in flight: background work gives way to the requests before it', () => {
  it('gives way after one turn of the event loop when no request is being answered', async () => {
    const requests = new RequestsInFlight();
    expect(await settledSoon(requests.giveWay(60_000))).to.equal(true);
  });

  it('waits for every request that had started, and for none that starts after', async () => {
    const requests = new RequestsInFlight();
    const first = requests.start();
    const second = requests.start();
    const waiting = requests.giveWay(60_000);
    // Started once the work already waits: the next slice does not wait for it.
    await new Promise((resolve) => setImmediate(resolve));
    const later = requests.start();
    first();
    expect(await settledSoon(waiting)).to.equal(false);
    second();
    expect(await settledSoon(waiting)).to.equal(true);
    expect(requests.count).to.equal(1);
    later();
    expect(requests.count).to.equal(0);
  });

  it('counts a request once however often it is ended (finish, then close)', async () => {
    const requests = new RequestsInFlight();
    const end = requests.start();
    const other = requests.start();
    end();
    end();
    expect(requests.count).to.equal(1);
    other();
    expect(requests.count).to.equal(0);
  });

  it('stops waiting after the longest wait, so a slow request never stops the work', async () => {
    const requests = new RequestsInFlight();
    requests.start();
    const waited = requests.giveWay(20);
    expect(await settledSoon(waited)).to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await settledSoon(waited)).to.equal(true);
  });
});
