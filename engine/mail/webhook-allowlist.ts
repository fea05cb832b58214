import { BlockList } from 'node:net';
import type { HostPolicy } from '../context/index.js';
import { addressFamily } from './non-public-addresses.js';

/**
 * The internal destinations an operator opens to webhooks (WEBHOOK_ALLOWED_HOSTS), for on-premise
 * integrations: host names, matched exactly, and IP addresses or CIDR ranges, matched against the
 * address a URL's host resolves to. Everything else must be a public address.
 */
export class WebhookAllowlist implements HostPolicy {
  private readonly hosts = new Set<string>();
  private readonly addresses = new BlockList();

  /** An entry that is neither a host name, an IP address nor a CIDR range throws, naming it. */
  constructor(readonly entries: readonly string[] = []) {
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase();
      if (entry === '') continue;
      const [network = '', prefixText, extra] = entry.split('/');
      const family = addressFamily(network);
      if (family !== undefined && extra === undefined) {
        const bits = family === 'ipv4' ? 32 : 128;
        const prefix = prefixText === undefined ? bits : Number(prefixText);
        if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits || prefixText === '') throw new Error(allowlistProblem(raw));
        this.addresses.addSubnet(network, prefix, family);
      } else if (prefixText === undefined && HOST_NAME.test(entry)) {
        this.hosts.add(hostName(entry));
      } else {
        throw new Error(allowlistProblem(raw));
      }
    }
  }

  /** Whether the host of a URL, as written, is opened by name. */
  allowsHost(host: string): boolean {
    return this.hosts.has(hostName(host));
  }

  /** Whether an address lies in an opened address or range. */
  allowsAddress(address: string): boolean {
    const family = addressFamily(address);
    return family !== undefined && this.addresses.check(address, family);
  }
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/;

/** Host names compare without case and without the root's trailing dot. */
function hostName(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

function allowlistProblem(entry: string): string {
  return `WEBHOOK_ALLOWED_HOSTS: '${entry}' is not a host name, an IP address or a CIDR range; write for example hooks.corp.example,10.20.0.5,10.30.0.0/16`;
}
