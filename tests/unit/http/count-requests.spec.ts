import { expect } from 'chai';
import express from 'express';
import type { Server } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestsInFlight } from '../../../engine/concurrency/requests-in-flight.js';
import { countRequests } from '../../../engine/http/count-requests.js';

describe('countRequests: a request counts until its response closes', () => {
  let server: Server;
  let url: string;
  let release: () => void = () => {};

  before(async () => {
    const app = express();
    app.use(countRequests());
    app.get('/quick', (_req, res) => void res.json({ ok: true }));
    app.get('/slow', (_req, res) => {
      release = () => res.json({ ok: true });
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const settled = async () => {
    for (let i = 0; i < 50 && requestsInFlight.count > 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    return requestsInFlight.count;
  };

  it('counts a request while it is answered and not after', async () => {
    const slow = fetch(`${url}/slow`);
    for (let i = 0; i < 50 && requestsInFlight.count === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(requestsInFlight.count, 'while answering').to.equal(1);
    expect((await fetch(`${url}/quick`)).status).to.equal(200);
    expect(requestsInFlight.count, 'the quick one ended, the slow one is still open').to.equal(1);
    release();
    expect((await slow).status).to.equal(200);
    expect(await settled(), 'both ended').to.equal(0);
  });

  it('ends the count of a request whose client went before the answer', async () => {
    const gone = request(`${url}/slow`);
    gone.on('error', () => {});
    gone.end();
    for (let i = 0; i < 50 && requestsInFlight.count === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(requestsInFlight.count, 'while answering').to.equal(1);
    gone.destroy();
    expect(await settled(), 'ended when the client went').to.equal(0);
    release();
  });
});
