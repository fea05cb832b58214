import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook } from '../../../engine/mail/post-webhook.js';

describe('postWebhook: the connection goes to the addresses checked, never to a second resolution', () => {
  let server: Server;
  let port: number;
  const hosts: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      hosts.push(req.headers.host ?? '');
      req.resume();
      req.on('end', () => res.writeHead(500, { 'content-type': 'text/plain' }).end('internal page'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('connects to the pinned address for a host name that no resolver knows, sending that name as the host', async () => {
    // .invalid never resolves (RFC 6761): reaching the server proves no lookup happened.
    const status = await postWebhook(new URL(`http://receiver.invalid:${port}/hooks`), [{ address: '127.0.0.1', family: 4 }], { 'content-type': 'application/json' }, '{}', 5000);
    expect(status).to.equal(500);
    expect(hosts).to.deep.equal([`receiver.invalid:${port}`]);
  });
});
