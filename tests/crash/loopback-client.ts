import { Agent, request } from 'node:http';
import { TEST_ADMIN } from '../support/test-engine.js';

const REQUEST_TIMEOUT_MS = 10_000;

export interface CallResult {
  status: number;
  // Specs read arbitrary JSON shapes; each assertion states the shape it expects.
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A client of a server process over loopback, signed in as the first administrator, holding
 * keep-alive connections as a busy client would: one per trial.
 */
export class LoopbackClient {
  readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  /** The session, kept across a restart of the server (it is stored). */
  private signedIn: Record<string, string> = {};

  async signIn(url: string): Promise<void> {
    this.signedIn = {};
    const response = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }),
    });
    const body = (await response.json()) as { csrfToken: string };
    const cookie = response.headers.get('set-cookie')?.split(';')[0];
    if (response.status !== 200 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
    this.signedIn = { cookie, 'x-csrf-token': body.csrfToken };
  }

  /**
   * One JSON request over node:http. `onSent` runs once the whole request has been handed to the
   * kernel: a moment to signal the server from, so that the signal lands with this request unanswered.
   */
  call(url: string, method: string, path: string, body?: unknown, onSent?: () => void, headers: Record<string, string> = {}): Promise<CallResult> {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = request(`${url}${path}`, {
        method,
        agent: this.agent,
        headers: { ...this.signedIn, ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }) },
      });
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      req.once('error', reject);
      req.once('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', reject);
        res.once('end', () => {
          try {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: text && /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text) : text || undefined, headers: res.headers });
          } catch (error) {
            reject(error);
          }
        });
      });
      req.end(payload, onSent);
    });
  }

  /** Every record of an object, page by page, and the total the API counts. */
  async listAll<T>(url: string, object: string, headers: Record<string, string> = {}): Promise<{ records: T[]; total: number }> {
    const records: T[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const query: string = `limit=200&total=true${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await this.call(url, 'GET', `/api/v1/records/${object}?${query}`, undefined, undefined, headers);
      if (page.status !== 200) throw new Error(`listing ${object} answered ${page.status}: ${JSON.stringify(page.body)}`);
      records.push(...(page.body.records as T[]));
      if (total < 0) total = page.body.total as number;
      cursor = page.body.next as string | null;
    } while (cursor);
    return { records, total };
  }

  close(): void {
    this.agent.destroy();
  }
}
