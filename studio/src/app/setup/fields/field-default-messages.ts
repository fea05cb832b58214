import { bilingual } from '../../../shared/i18n/bilingual';

/** A field's default value, and giving it to the records that hold none. */
export const fieldDefaultMessages = bilingual(
  {
    fieldDefault: {
      title: 'Default value',
      mode: 'A new record gets',
      modes: { none: 'No default', value: 'A value', expression: 'An expression' },
      value: 'Value',
      valueHelp: 'Used when a new record is saved without a value of this field.',
      expression: 'Default expression',
      expressionHelp: 'Computed when a new record is saved without a value, e.g. $today, $user or account.region.',
      apply: 'Give the default to existing records',
      applyHelp: 'Records saved before the default was set and holding no value get it now; values already entered stay. Save the field first.',
      applyConfirm: 'Give the saved default of {{field}} to every existing record without a value?',
      applied_one: '{{count}} record got the default.',
      applied_other: '{{count}} records got the default.',
      appliedNone: 'Every record already has a value.',
      applying_one: 'The default is being given to {{count}} record in the background: follow it under Jobs → Backfills.',
      applying_other: 'The default is being given to {{count}} records in the background: follow it under Jobs → Backfills.',
    },
  },
  {
    fieldDefault: {
      title: '默认值',
      mode: '新记录的默认值',
      modes: { none: '无默认值', value: '固定值', expression: '表达式' },
      value: '值',
      valueHelp: '新记录保存时未填写此字段，即使用此值。',
      expression: '默认值表达式',
      expressionHelp: '新记录保存时未填写此字段，即计算此表达式，例如 $today、$user 或 account.region。',
      apply: '为现有记录填入默认值',
      applyHelp: '设置默认值之前保存、且此字段为空的记录现在获得默认值；已填写的值保持不变。请先保存字段。',
      applyConfirm: '为所有此字段为空的现有记录填入 {{field}} 已保存的默认值？',
      applied_one: '{{count}} 条记录已填入默认值。',
      applied_other: '{{count}} 条记录已填入默认值。',
      appliedNone: '所有记录都已有值。',
      applying_one: '正在后台为 {{count}} 条记录填入默认值：可在"作业 → 回填"中查看进度。',
      applying_other: '正在后台为 {{count}} 条记录填入默认值：可在"作业 → 回填"中查看进度。',
    },
  },
);
