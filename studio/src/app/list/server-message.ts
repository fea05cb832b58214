import { isApiError } from '../../shared/api/api-error';
import { fromServer } from '../../shared/i18n/localize';
import type { UiLanguage } from '../../shared/i18n/languages';

/**
 * What the server said about a refused change, for one place on the screen: the details' messages
 * (a validation rule's own text, the field that may not be edited) where it gave any, else its message.
 */
export function serverMessage(error: unknown, language: UiLanguage): string {
  if (isApiError(error) && error.details.length > 0) return fromServer(error.details.map((detail) => detail.message).join(' '), language);
  return fromServer(error instanceof Error ? error.message : String(error), language);
}
