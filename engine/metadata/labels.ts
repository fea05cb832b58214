import type { Labels } from '../fields/index.js';
import type { LocalizedText } from '../schemas/generated/common.js';

/** "purchase_request" → "Purchase request": what an admin would have typed as the label. */
export function humanize(apiName: string): string {
  const words = apiName.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Fills every language: English falls back to the humanized API name, Chinese to English. */
export function resolveLabels(text: LocalizedText | undefined, apiName: string): Labels {
  const en = text?.en?.trim() || humanize(apiName);
  return { en, 'zh-CN': text?.['zh-CN']?.trim() || en };
}
