import type { Locator, Page } from 'playwright-core';
import { screenshot } from './e2e-environment.js';

/**
 * Waits until an open antd select highlights an option that shows `option`. On a slow machine (or with
 * a long list, as in the full run where other specs added objects) the list filters a moment after the
 * keys, and an Enter pressed before that takes whatever was highlighted first: another object, another
 * field. When it never comes, the error says what the open list showed instead, with a screenshot.
 * Options are matched by substring, as the select filters them: a spec's labels must neither equal
 * nor contain another spec's ("Proof manager EN" would be taken for "Manager EN").
 */
export async function highlighted(page: Page, option: string): Promise<void> {
  try {
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: option }).waitFor({ timeout: 20_000 });
  } catch (error) {
    const lists = await page.locator('.ant-select-dropdown:visible').allInnerTexts();
    const active = await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active').allInnerTexts();
    await screenshot(page, `no-option-${option.replace(/\W+/g, '_')}`).catch(() => undefined);
    throw new Error(`no option "${option}" highlighted; open lists: ${JSON.stringify(lists)}, highlighted: ${JSON.stringify(active)}; focus in: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 300))}`, { cause: error });
  }
}

/** Picks an option of an antd select from the keyboard: types into it, then Enter once it is highlighted. */
export async function chooseOption(page: Page, select: Locator, typed: string, option: string = typed): Promise<void> {
  await select.fill(typed);
  await highlighted(page, option);
  await page.keyboard.press('Enter');
}
