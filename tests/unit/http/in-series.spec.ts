import { expect } from 'chai';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inSeries } from '../../../engine/http/in-series.js';

describe('inSeries: middlewares run as one layer', () => {
  let server: Server;
  let url: string;

  const mark =
    (name: string): RequestHandler =>
    (_req, res, next) => {
      res.append('X-Ran', name);
      next();
    };

  before(async () => {
    const app = express();
    app.use('/ok', inSeries([mark('a'), mark('b'), mark('c')]));
    app.use('/thrown', inSeries([mark('a'), () => { throw new Error('thrown'); }, mark('c')]));
    app.use('/passed', inSeries([mark('a'), (_req, _res, next) => next(new Error('passed')), mark('c')]));
    app.use('/rejected', inSeries([mark('a'), async () => { await Promise.resolve(); throw new Error('rejected'); }, mark('c')]));
    app.use('/answered', inSeries([mark('a'), (_req, res) => void res.json({ answered: true }), mark('c')]));
    app.use((_req, res) => void res.json({ reached: true }));
    app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => void res.status(500).json({ error: error.message }));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`);
    return { status: response.status, ran: response.headers.get('x-ran'), body: (await response.json()) as unknown };
  };

  it('runs each in order, then the next layer', async () => {
    expect(await get('/ok')).to.deep.equal({ status: 200, ran: 'a, b, c', body: { reached: true } });
  });

  it('sends an error thrown, passed on or rejected to the error handler and runs nothing after it', async () => {
    for (const path of ['/thrown', '/passed', '/rejected']) {
      expect(await get(path), path).to.deep.equal({ status: 500, ran: 'a', body: { error: path.slice(1) } });
    }
  });

  it('stops where a middleware answers', async () => {
    expect(await get('/answered')).to.deep.equal({ status: 200, ran: 'a', body: { answered: true } });
  });
});
