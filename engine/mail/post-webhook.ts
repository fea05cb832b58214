import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * POSTs a body to a URL over a fresh connection (no pooled socket from an earlier call) to one of
 * the given addresses, whatever the host name resolves to by now; TLS still checks the certificate
 * against the host name. Resolves with the answer's status; the answer's body is never read: a receiver inside a network must not be able to hand its pages to the caller.
 */
export function postWebhook(url: URL, addresses: readonly LookupAddress[], headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
  const pinned = (_host: string, options: LookupOptions, callback: LookupCallback): void => {
    if (options.all) callback(null, [...addresses]);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const request = send(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: false, lookup: pinned, signal: AbortSignal.timeout(timeoutMs) },
      (response: IncomingMessage) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
