import { expect } from 'chai';
import { maskUrl, maskWebhookSecrets } from '../../../engine/mail/index.js';

describe('webhook secrets: what reads show of a URL', () => {
  const cases: [url: string, shown: string][] = [
    ['https://erp.example.com/hooks/deals', 'https://erp.example.com/hooks/deals'],
    ['https://erp.example.com/hooks?token=abc123', 'https://erp.example.com/hooks?token=••••'],
    ['https://erp.example.com/hooks?token=abc&mode=sync&empty=', 'https://erp.example.com/hooks?token=••••&mode=••••&empty='],
    ['https://erp.example.com/hooks?abc123secret', 'https://erp.example.com/hooks?••••'],
    ['https://erp.example.com/hooks?key=abc#part', 'https://erp.example.com/hooks?key=••••'],
  ];
  for (const [url, shown] of cases) {
    it(`shows ${url} as ${shown}`, () => expect(maskUrl(url)).to.equal(shown));
  }

  it('masks every webhook of a definition wherever it stands, leaving the stored one as it was', () => {
    const stored = { name: 'p', steps: [{ onEnter: [{ webhook: { url: 'https://a.example.com/?t=1' } }] }], onApprove: [{ webhook: { url: 'https://b.example.com/?t=2', body: '{}' } }] };
    const shown = maskWebhookSecrets(stored);
    expect(shown).to.deep.equal({ name: 'p', steps: [{ onEnter: [{ webhook: { url: 'https://a.example.com/?t=••••' } }] }], onApprove: [{ webhook: { url: 'https://b.example.com/?t=••••', body: '{}' } }] });
    expect(stored.steps[0]!.onEnter[0]!.webhook.url).to.equal('https://a.example.com/?t=1');
  });
});
