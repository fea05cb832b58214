import { bilingual } from '../../../shared/i18n/bilingual';

/** The expression editor's texts: its live preview against a record. */
export const expressionMessages = bilingual(
  {
    expressions: {
      preview: 'Preview',
      previewRecord: 'Record to preview the expression on',
      previewPick: 'Search a record by name…',
      previewHint: 'Pick a record to see the value of the expression on it.',
      previewValue: 'Value: {{value}}',
      previewEmpty: 'Value: no value',
      previewProblem: 'Error: {{message}}',
    },
  },
  {
    expressions: {
      preview: '预览',
      previewRecord: '用于预览表达式的记录',
      previewPick: '按名称搜索记录…',
      previewHint: '选择一条记录，即可查看表达式在该记录上的值。',
      previewValue: '值：{{value}}',
      previewEmpty: '值：无',
      previewProblem: '错误：{{message}}',
    },
  },
);
