import type { Labels } from '../fields/index.js';
import type { LocalizedText } from '../schemas/generated/common.js';

/** "purchase_request" → "Purchase request": what an admin would have typed as the label. */
export function humanize(apiName: string): string {
  const words = apiName.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Fills the written languages: English falls back to the humanized API name, Simplified Chinese to
 * English. A Traditional Chinese label is kept where written; where not, localize() converts the
 * Simplified one when a reader asks, so a snapshot converts nothing nobody reads.
 */
export function resolveLabels(text: LocalizedText | undefined, apiName: string): Labels {
  const en = text?.en?.trim() || humanize(apiName);
  const traditional = text?.['zh-TW']?.trim();
  return { en, 'zh-CN': text?.['zh-CN']?.trim() || en, ...(traditional ? { 'zh-TW': traditional } : {}) };
}
