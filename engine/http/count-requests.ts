import type { RequestHandler } from 'express';
import { requestsInFlight } from '../concurrency/requests-in-flight.js';

/** Counts every request until its answer is handed to the socket (or the client goes), for background work to give way to. */
export function countRequests(): RequestHandler {
  return (_req, res, next) => {
    const end = requestsInFlight.start();
    res.once('finish', end);
    res.once('close', end);
    next();
  };
}
