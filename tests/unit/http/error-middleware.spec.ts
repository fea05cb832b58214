import { expect } from 'chai';
import type { NextFunction, Request, Response } from 'express';
import { ConflictError, InternalError } from '../../../engine/errors/index.js';
import { errorMiddleware } from '../../../engine/http/error-middleware.js';

/** The mapping alone, with a response that records what the middleware sends. */
function send(error: unknown): { status: number; body: { error: { code: string; message: string; details: unknown[] } } } {
  const sent = { status: 0, body: undefined as unknown };
  const response = {
    locals: {},
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
    vary() {
      return this;
    },
    type() {
      return this;
    },
    set() {
      return this;
    },
  } as unknown as Response;
  const original = console.error;
  console.error = () => undefined;
  try {
    errorMiddleware(error, { query: {}, get: () => undefined } as unknown as Request, response, (() => undefined) as NextFunction);
  } finally {
    console.error = original;
  }
  return sent as ReturnType<typeof send>;
}

describe('error middleware', () => {
  it('keeps an engine error\'s code, status, message and details', () => {
    const sent = send(new ConflictError('duplicate_value', 'taken', [{ path: '/email', message: 'is taken' }]));
    expect(sent.status).to.equal(409);
    expect(sent.body.error).to.deep.equal({ code: 'duplicate_value', message: 'taken', details: [{ path: '/email', message: 'is taken' }] });
  });

  it('hides the message and stack of an unexpected error behind a generic 500', () => {
    const sent = send(new Error('password=hunter2 at Store.connect (store.ts:12)'));
    expect(sent.status).to.equal(500);
    expect(JSON.stringify(sent.body)).to.not.match(/hunter2|store\.ts/);
    expect(sent.body.error.code).to.equal('internal');
  });

  it('hides an internal engine error too', () => {
    const sent = send(new InternalError('invariant broken: snapshot 7 missing object deal'));
    expect(sent.status).to.equal(500);
    expect(sent.body.error.message).to.not.match(/snapshot|deal/);
  });
});
