import { bilingual } from '../../shared/i18n/bilingual';

/** The buttons of an ordered list (ordered-list.tsx): a view's columns, an app's tabs. */
export const orderedListMessages = bilingual(
  {
    orderedList: {
      drag: 'Drag {{name}}',
      moveUp: 'Move {{name}} up',
      moveDown: 'Move {{name}} down',
      remove: 'Remove {{name}}',
    },
  },
  {
    orderedList: {
      drag: '拖动“{{name}}”',
      moveUp: '上移“{{name}}”',
      moveDown: '下移“{{name}}”',
      remove: '移除“{{name}}”',
    },
  },
);
