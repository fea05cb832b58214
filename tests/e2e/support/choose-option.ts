import type { Locator, Page } from 'playwright-core';

/**
 * Waits until an open antd select highlights an option that shows `option`. On a slow machine (or with
 * a long list, as in the full run where other specs added objects) the list filters a moment after the
 * keys, and an Enter pressed before that takes whatever was highlighted first: another object, another
 * field.
 */
export async function highlighted(page: Page, option: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: option }).waitFor();
}

/** Picks an option of an antd select from the keyboard: types into it, then Enter once it is highlighted. */
export async function chooseOption(page: Page, select: Locator, typed: string, option: string = typed): Promise<void> {
  await select.fill(typed);
  await highlighted(page, option);
  await page.keyboard.press('Enter');
}
