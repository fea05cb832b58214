import { expect } from 'chai';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { e2e, screenshot, seriousViolations, signedInPage, succeed, type E2e } from './support/e2e-environment.js';

/** This spec's own object and users: a clerk deletes a note; the administrators see it in their bin, the clerk in theirs. */
const NOTE = { name: 'rb_note', label: { en: 'Bin note', 'zh-CN': '回收便笺' }, pluralLabel: { en: 'Bin notes', 'zh-CN': '回收便笺' }, fields: [{ name: 'name', type: 'text', required: true }] };

const TEXT = {
  en: { title: 'Recycle bin', own: 'Records you deleted.', everyone: 'Records deleted by anyone' },
  'zh-CN': { title: '回收站', own: '您删除的记录。', everyone: '所有人删除的记录' },
} as const;
type Language = keyof typeof TEXT;
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const clerk = (language: Language) => `rb.clerk.${language.toLowerCase()}@example.com`;

let seeded: Promise<void> | undefined;
function seed(env: E2e): Promise<void> {
  seeded ??= (async () => {
    await succeed(env, 'POST', '/api/v1/meta/objects', NOTE);
    await succeed(env, 'POST', '/api/v1/meta/permission-sets', { name: 'rb_clerk', objects: { rb_note: { read: true, create: true, edit: true, delete: true } } });
    for (const language of LANGUAGES) {
      await createUser(env.engine, { full_name: `Clerk ${language}`, email: clerk(language), language, permission_sets: ['rb_clerk'] }, env.users.password);
      const headers = bearer(await tokenFor(env.engine, clerk(language), env.users.password));
      const note = await env.engine.request('POST', '/api/v1/records/rb_note', { name: `Torn note ${language}` }, headers);
      expect(note.status).to.equal(201);
      expect((await env.engine.request('DELETE', `/api/v1/records/rb_note/${note.body._id}`, undefined, headers)).status).to.equal(204);
    }
  })();
  return seeded;
}

describe("browser: the recycle bin says whose deleted records it shows", function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    await seed(await e2e());
  });

  for (const language of LANGUAGES) {
    const text = TEXT[language];

    it(`tells an administrator it shows everyone's deleted records, and a clerk their own (${language}), passing axe`, async () => {
      const env = await e2e();
      for (const [who, subtitle, width] of [
        [env.users[language], text.everyone, 1280],
        [clerk(language), text.own, 390],
      ] as const) {
        const { context, page, problems } = await signedInPage(env, who, '/recycle-bin', { width });
        try {
          await page.getByRole('heading', { level: 2, name: text.title }).waitFor();
          // The clerk's note is in both bins: the administrator's holds what others deleted.
          await page.getByText(`Torn note ${language}`).waitFor();
          expect(await page.locator('.page-subtitle').innerText(), who).to.contain(subtitle);
          await screenshot(page, `recycle-bin-scope-${language}-${width}`);
          expect(await seriousViolations(page), `axe for ${who}`).to.deep.equal([]);
          expect(problems).to.deep.equal([]);
        } finally {
          await context.close();
        }
      }
    });
  }
});
