import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS, e2e, signedInPage } from './support/e2e-environment.js';
import { join } from 'node:path';

/**
 * Chinese in small controls (antd size="small" buttons, the segmented control) must sit as centred
 * as English. Measured, not timed: the glyphs' ink (the canvas's measure of the text in the
 * element's own computed font, placed on the element's baseline) against the control's box.
 */
const TEXT = {
  en: { kanban: 'Kanban', new: 'New' },
  'zh-CN': { kanban: '看板', new: '新建' },
  'zh-TW': { kanban: '看板', new: '新建' },
} as const;
type Language = keyof typeof TEXT;
/** A pixel: the browser places text on whole pixels; before the fix Chinese sat 1.5 px low. */
const TOLERANCE = 1;

/** How far (px, positive = lower) the centre of the text's ink sits from the centre of the control. */
async function inkOffset(control: Locator, label: string): Promise<number> {
  return control.evaluate((element, text) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !(node.textContent ?? '').replace(/\s/g, '').includes(text.replace(/\s/g, '').slice(0, 1))) node = walker.nextNode();
    if (!node?.parentElement) throw new Error(`no text ${text} in the control`);
    const holder = node.parentElement;
    // A zero-size inline block sits on the baseline: its bottom is the baseline's y.
    const probe = document.createElement('span');
    probe.style.cssText = 'display:inline-block;width:0;height:0;';
    holder.insertBefore(probe, node);
    const baseline = probe.getBoundingClientRect().bottom;
    probe.remove();
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = getComputedStyle(holder).font;
    const ink = canvas.measureText(node.textContent ?? '');
    const inkCentre = baseline + (ink.actualBoundingBoxDescent - ink.actualBoundingBoxAscent) / 2;
    const box = element.getBoundingClientRect();
    return inkCentre - (box.top + box.height / 2);
  }, label);
}

/**
 * The control as the measured page drew it (one device pixel per CSS pixel), cropped and shown 4
 * times larger with its pixels kept square, for before/after comparison by eye.
 */
async function crop(page: Page, control: Locator, name: string): Promise<void> {
  const box = (await control.boundingBox())!;
  const clip = { x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6), width: Math.ceil(box.width) + 12, height: Math.ceil(box.height) + 12 };
  const pixels = (await page.screenshot({ clip })).toString('base64');
  const viewer = await page.context().newPage();
  try {
    await viewer.setContent(`<img alt="" style="display:block;image-rendering:pixelated;width:${clip.width * 4}px" src="data:image/png;base64,${pixels}">`);
    await viewer.locator('img').screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  } finally {
    await viewer.close();
  }
}

describe('browser: Chinese text is centred in buttons and segmented controls', function () {
  this.timeout(120_000);

  for (const language of ['en', 'zh-CN', 'zh-TW'] as const satisfies readonly Language[]) {
    const text = TEXT[language];
    it(`centres the labels of the segmented control, a button and a small button within ${TOLERANCE} px (${language})`, async () => {
      const env = await e2e();
      const { context, page } = await signedInPage(env, env.users[language], '/o/deal');
      try {
        // The list's modes (a segmented control) and its "New" (a button of the default size).
        const segment = page.locator('.ant-segmented-item', { hasText: text.kanban });
        await segment.waitFor();
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const offsets: Record<string, number> = { segmented: await inkOffset(segment, text.kanban) };
        const create = page.locator('.page-header .ant-btn', { hasText: text.new });
        offsets.button = await inkOffset(create, text.new);
        await crop(page, page.locator('.ant-segmented').first(), `cjk-segmented-${language}`);
        await crop(page, create, `cjk-button-${language}`);

        // A small button: the owner panel's "Change owner" on a deal's page.
        await page.locator('tbody tr.ant-table-row a').first().click();
        const small = page.locator('.owner-row .ant-btn-sm');
        await small.waitFor();
        const label = (await small.innerText()).trim();
        offsets.small = await inkOffset(small, label);
        await crop(page, small, `cjk-small-button-${language}`);
        for (const [control, offset] of Object.entries(offsets)) {
          expect(Math.abs(offset), `the ${control}'s label: its ink is ${offset.toFixed(2)} px off centre`).to.be.at.most(TOLERANCE);
        }
      } finally {
        await context.close();
      }
    });
  }
});
