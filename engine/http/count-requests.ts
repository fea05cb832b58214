import type { RequestHandler } from 'express';
import { requestsInFlight } from '../concurrency/requests-in-flight.js';

/**
 * Counts every request until its response closes, for background work to give way to. A response
 * emits 'close' both after it was handed to the socket and when the client went first, so one
 * listener covers both (tests/unit/http/count-requests.spec.ts); it comes once, so `on` rather than
 * `once`, whose wrapper every request paid for.
 */
export function countRequests(): RequestHandler {
  return (_req, res, next) => {
    res.on('close', requestsInFlight.start());
    next();
  };
}
