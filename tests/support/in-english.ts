import type { Text } from '../../engine/i18n/message.js';

/** Problems as an English reader gets them: in-process tests compare messages as text. */
export function inEnglish<T extends { message: Text }>(problems: readonly T[]): (Omit<T, 'message'> & { message: string })[] {
  return problems.map((problem) => ({ ...problem, message: String(problem.message) }));
}
