import { ValidationError } from '../../errors/index.js';
import { msg } from '../../i18n/message.js';

/** Shorter queries match too much to be useful; one Chinese character is a word of its own. */
export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 100;
export const MAX_SEARCH_RESULTS = 50;
/** No one object crowds out the others. */
export const RESULTS_PER_OBJECT = 20;

const HAN = /^\p{Script=Han}$/u;

/** `q` trimmed and checked: 2 to 100 characters, or one Chinese character. */
export function parseSearchText(input: string | undefined): string {
  const text = (input ?? '').trim();
  if (text === '') {
    throw new ValidationError([{ path: '/q', message: msg`is required: give the text to search for, at least ${MIN_QUERY_LENGTH} characters` }]);
  }
  const length = [...text].length;
  if (length < MIN_QUERY_LENGTH && !HAN.test(text)) {
    throw new ValidationError([{ path: '/q', message: msg`must be at least ${MIN_QUERY_LENGTH} characters long (one Chinese character is enough), got '${text}'` }]);
  }
  if (length > MAX_QUERY_LENGTH) {
    throw new ValidationError([{ path: '/q', message: msg`must be at most ${MAX_QUERY_LENGTH} characters long, got ${length}` }]);
  }
  return text;
}
