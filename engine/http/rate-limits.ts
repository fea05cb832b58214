import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { EngineError } from '../errors/index.js';
import { requestTenant } from './request-tenant.js';
import { byCount, msg, type Message } from '../i18n/message.js';

export interface RateLimitOptions {
  /** Failed sign-ins per minute from one client address into one tenant; 20 unless given. */
  loginPerMinute?: number;
  /** Requests per minute of one signed-in user of a tenant, all their tokens and sessions together; 3000 unless given. */
  apiPerMinute?: number;
}

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = { loginPerMinute: 20, apiPerMinute: 3000 };

const MINUTE_MS = 60_000;
/** Where each limiter leaves its count on the request; the API limiter also reads it to count a request once. */
const LOGIN_COUNT = 'loginRateLimit';
const API_COUNT = 'apiRateLimit';

/**
 * Sign-in guesses, counted per client address and tenant (the sign-in throttle counts per address
 * and account; this stops one address from trying many accounts). Only failed sign-ins count, so an office
 * behind one address can still sign everybody in at nine o'clock.
 */
export function loginRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: MINUTE_MS,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    requestPropertyName: LOGIN_COUNT,
    keyGenerator: (req, res) => `${requestTenant(res).name}|${clientAddress(req)}`,
    handler: (req, _res, next) => next(tooManyRequests(req, LOGIN_COUNT, msg`sign-in attempts from this address`)),
  });
}

/** The client's address as the limits count it: IPv6 clients by their /56 network, as one host has many addresses. */
export function clientAddress(req: Request): string {
  return ipKeyGenerator(req.ip ?? '');
}

/**
 * API requests per signed-in user and tenant, after authentication: a runaway integration is
 * slowed down before it crowds out everyone else. A request whose path passes the authentication
 * twice (an /api/v1/auth path no route matches) is counted once.
 */
export function apiRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: MINUTE_MS,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    requestPropertyName: API_COUNT,
    skip: (req) => API_COUNT in req,
    keyGenerator: (req, res) => `${requestTenant(res).name}|${principalKey(req, res)}`,
    handler: (req, _res, next) => next(tooManyRequests(req, API_COUNT, msg`requests from your user`)),
  });
}

/** The user the authentication found; the client address only if a route ever mounts the limiter before it. */
function principalKey(req: Request, res: Response): string {
  const userId = (res.locals as { principal?: { userId?: unknown } }).principal?.userId;
  return typeof userId === 'string' ? `user:${userId}` : `ip:${clientAddress(req)}`;
}

/** 429 in the engine's error shape; the limiter has already set Retry-After. */
function tooManyRequests(req: Request, countedAs: string, what: Message): EngineError {
  const info = (req as Request & Record<string, RateLimitInfo | undefined>)[countedAs];
  const seconds = info?.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : 60;
  return new EngineError('rate_limited', 429, byCount(seconds, msg`Too many ${what}: at most ${info?.limit ?? 60} a minute. Try again in 1 second.`, msg`Too many ${what}: at most ${info?.limit ?? 60} a minute. Try again in ${seconds} seconds.`));
}
