import { bilingual } from '../../../shared/i18n/bilingual';

/** A dependent picklist's controlling field and its matrix of allowed values. */
export const fieldDependencyMessages = bilingual(
  {
    fieldDependency: {
      controllingField: 'Controlling field',
      controllingHelp: 'A picklist or checkbox of this object whose value decides which of these values may be chosen. Empty: every value is always offered.',
      none: 'No controlling field yet: add a picklist or checkbox field to this object first.',
      matrix: 'Values allowed with each value of {{field}}',
      matrixHelp: 'Tick the values offered when the record has the column’s value; a column left empty offers none.',
      valuesHeader: 'Value of this field',
      cell: '{{dependent}} when {{controlling}}',
      column: 'All values when {{controlling}}',
      noValues: 'Add this field’s values first.',
      yes: 'Checked',
      no: 'Not checked',
    },
  },
  {
    fieldDependency: {
      controllingField: '控制字段',
      controllingHelp: '此对象中的一个选项列表或复选框字段，其取值决定本字段可选哪些值。留空：始终提供所有值。',
      none: '还没有可作控制字段的字段：请先为此对象添加选项列表或复选框字段。',
      matrix: '{{field}}的每个取值下允许选择的值',
      matrixHelp: '勾选记录为该列取值时可选的值；整列不勾选则无值可选。',
      valuesHeader: '本字段的值',
      cell: '{{controlling}}时可选{{dependent}}',
      column: '{{controlling}}时可选全部值',
      noValues: '请先添加本字段的值。',
      yes: '已勾选',
      no: '未勾选',
    },
  },
);
