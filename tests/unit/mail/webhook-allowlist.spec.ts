import { expect } from 'chai';
import { configFromEnv } from '../../../engine/config.js';
import { WebhookAllowlist } from '../../../engine/mail/index.js';
import { isNonPublicAddress } from '../../../engine/mail/non-public-addresses.js';

describe('webhook destinations: which addresses are public, and what the operator opens', () => {
  const nonPublic = [
    '127.0.0.1', '127.255.255.254', '0.0.0.0', '10.0.0.1', '100.64.0.1', '169.254.169.254', '172.16.0.1', '172.31.255.255',
    '192.168.0.1', '192.0.2.1', '198.18.0.1', '224.0.0.1', '239.255.255.250', '255.255.255.255',
    '::', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '64:ff9b::7f00:1', '2002:7f00:1::', '2001:db8::1',
    'fc00::1', 'fd12:3456::1', 'fe80::1', 'ff02::1',
  ];
  const publicAddresses = ['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001::200e'];

  for (const address of nonPublic) {
    it(`counts ${address} as non-public`, () => expect(isNonPublicAddress(address)).to.equal(true));
  }
  for (const address of publicAddresses) {
    it(`counts ${address} as public`, () => expect(isNonPublicAddress(address)).to.equal(false));
  }

  it('opens host names exactly (without case or trailing dot) and addresses by IP or CIDR range', () => {
    const allowlist = new WebhookAllowlist(['Hooks.Corp.Example', '10.20.0.5', '10.30.0.0/16', 'fd00:1::/32']);
    expect(allowlist.allowsHost('hooks.corp.example.')).to.equal(true);
    expect(allowlist.allowsHost('evil.hooks.corp.example')).to.equal(false);
    expect(['10.20.0.5', '10.30.4.4', 'fd00:1::9'].map((address) => allowlist.allowsAddress(address))).to.deep.equal([true, true, true]);
    expect(['10.20.0.6', '10.31.0.1', '127.0.0.1'].map((address) => allowlist.allowsAddress(address))).to.deep.equal([false, false, false]);
  });

  it('reads WEBHOOK_ALLOWED_HOSTS as a comma-separated list, empty by default', () => {
    expect(configFromEnv({}).webhooks).to.deep.equal({ allowedHosts: [] });
    expect(configFromEnv({ WEBHOOK_ALLOWED_HOSTS: ' erp.corp.example , 10.0.0.0/8 ' }).webhooks).to.deep.equal({ allowedHosts: ['erp.corp.example', '10.0.0.0/8'] });
  });

  for (const value of ['10.0.0.0/33', 'http://erp.corp.example', 'erp corp', '10.0.0.0/8/1', '::1/']) {
    it(`refuses a WEBHOOK_ALLOWED_HOSTS entry '${value}' at start, naming it`, () => {
      expect(() => configFromEnv({ WEBHOOK_ALLOWED_HOSTS: value })).to.throw(`WEBHOOK_ALLOWED_HOSTS: '${value}' is not a host name, an IP address or a CIDR range`);
    });
  }
});
