import { PlusOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { AdminObjectDefinition } from '../objects/admin-object';
import type { ValidationRuleDefinition } from './validation-rule-draft';
import { ValidationRuleEditor } from './validation-rule-editor';

/** An object's validation rules under its fields: name, condition, message, active; each opens its editor. */
export function ValidationRuleList({ definition }: { definition: AdminObjectDefinition }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const wide = Grid.useBreakpoint().md !== false;
  const [open, setOpen] = useState<ValidationRuleDefinition | 'new' | undefined>();
  const rules = (definition.validationRules ?? []) as readonly ValidationRuleDefinition[];
  const columns: TableColumnsType<ValidationRuleDefinition> = [
    {
      key: 'name',
      title: t('setup.validationRules.name'),
      render: (_, rule) => (
        <Button type="link" className="setup-field-link setup-api-name" onClick={() => setOpen(rule)}>
          {rule.name}
        </Button>
      ),
    },
    { key: 'condition', title: t('setup.validationRules.condition'), responsive: ['md'], render: (_, rule) => <code className="setup-expression">{rule.condition}</code> },
    { key: 'message', title: t('setup.validationRules.message'), render: (_, rule) => localize(rule.message, language, '') },
    { key: 'active', title: t('setup.validationRules.active'), render: (_, rule) => (rule.active === false ? <Tag>{t('setup.validationRules.inactive')}</Tag> : <Tag color="green">{t('setup.validationRules.active')}</Tag>) },
  ];
  return (
    <section aria-labelledby="setup-rules-title" className="setup-fields">
      <header className="setup-page-header">
        <div>
          <h3 id="setup-rules-title">{t('setup.validationRules.title')}</h3>
          <p className="setup-page-subtitle">{t('setup.validationRules.subtitle')}</p>
        </div>
        <Button icon={<PlusOutlined />} onClick={() => setOpen('new')}>
          {t('setup.validationRules.new')}
        </Button>
      </header>
      <Table<ValidationRuleDefinition>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={[...rules]}
        pagination={false}
        locale={{ emptyText: <span className="setup-empty">{t('setup.validationRules.empty')}</span> }}
      />
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        size={wide ? 640 : '100%'}
        title={open === 'new' ? t('setup.validationRules.newTitle') : open ? t('setup.validationRules.editTitle', { name: open.name }) : ''}
        destroyOnHidden
      >
        {open !== undefined && <ValidationRuleEditor key={open === 'new' ? 'new' : open.name} object={definition} rules={rules} rule={open === 'new' ? undefined : open} onDone={() => setOpen(undefined)} />}
      </Drawer>
    </section>
  );
}
