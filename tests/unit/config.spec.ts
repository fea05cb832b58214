import { expect } from 'chai';
import { configFromEnv } from '../../engine/config.js';

const TOKEN = 'an-operator-token-of-forty-characters-00';

describe('configFromEnv: the operator token and the rate limits', () => {
  it('leaves the operator API off and the rate limits at their defaults when nothing is set', () => {
    const { http } = configFromEnv({});
    expect(http).to.deep.equal({ rateLimits: {} });
  });

  it('reads OPERATOR_TOKEN, LOGIN_RATE_LIMIT_PER_MINUTE and API_RATE_LIMIT_PER_MINUTE', () => {
    const { http } = configFromEnv({ OPERATOR_TOKEN: TOKEN, LOGIN_RATE_LIMIT_PER_MINUTE: '5', API_RATE_LIMIT_PER_MINUTE: '12000' });
    expect(http).to.deep.equal({ operatorToken: TOKEN, rateLimits: { loginPerMinute: 5, apiPerMinute: 12000 } });
  });

  it('refuses an operator token short enough to guess', () => {
    expect(() => configFromEnv({ OPERATOR_TOKEN: 'secret' })).to.throw(/OPERATOR_TOKEN must be at least 32 characters/);
  });

  const badLimits = ['0', '-1', '2.5', 'many', '1e'];
  for (const value of badLimits) {
    it(`refuses a rate limit of '${value}'`, () => {
      expect(() => configFromEnv({ API_RATE_LIMIT_PER_MINUTE: value })).to.throw(/API_RATE_LIMIT_PER_MINUTE must be a whole number/);
      expect(() => configFromEnv({ LOGIN_RATE_LIMIT_PER_MINUTE: value })).to.throw(/LOGIN_RATE_LIMIT_PER_MINUTE must be a whole number/);
    });
  }
});
