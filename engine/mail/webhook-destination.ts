import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { addressFamily, isNonPublicAddress } from './non-public-addresses.js';
import type { HostPolicy } from '../context/index.js';
import { nonPublicMessage, urlHost } from './webhook-url.js';
import { msg, type Text } from '../i18n/message.js';

/** A call the platform will not make: to a non-public address, or to a host that does not resolve. */
export class RefusedDestinationError extends Error {
  override readonly name = 'RefusedDestinationError';
  /** The reason, translatable; `message` is its English rendering, which the outbox keeps. */
  constructor(readonly text: Text) {
    super(String(text));
  }
}

/**
 * The addresses a webhook call may connect to: the host's addresses after DNS resolution, every
 * one of them public unless the operator opened the host name or the address. The connection is
 * then pinned to these addresses, so a second resolution (DNS rebinding) cannot swap in another.
 */
export async function resolveWebhookDestination(url: URL, allowlist: HostPolicy): Promise<LookupAddress[]> {
  const host = urlHost(url);
  const literal = addressFamily(host);
  let addresses: LookupAddress[];
  if (literal !== undefined) {
    addresses = [{ address: host, family: literal === 'ipv4' ? 4 : 6 }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw new RefusedDestinationError(msg`the host name '${host}' does not resolve`);
    }
    if (addresses.length === 0) throw new RefusedDestinationError(msg`the host name '${host}' does not resolve`);
    if (allowlist.allowsHost(host)) return addresses;
  }
  if (addresses.some(({ address }) => isNonPublicAddress(address) && !allowlist.allowsAddress(address))) {
    throw new RefusedDestinationError(nonPublicMessage(host));
  }
  return addresses;
}
