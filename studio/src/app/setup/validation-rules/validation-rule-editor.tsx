import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select, Switch } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/api-client';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { ExpressionInput } from '../expressions/expression-input';
import { FormErrorsAlert } from '../form-errors-alert';
import type { AdminObjectDefinition } from '../objects/admin-object';
import { SetupFormActions } from '../setup-form-actions';
import { useServerErrors } from '../use-server-errors';
import { patchObjectPart, sameJson } from '../changed-elsewhere';
import { NEW_RULE, ruleDefinitionOf, ruleDraftOf, ruleErrors, rulesWith, type ValidationRuleDefinition, type ValidationRuleDraft } from './validation-rule-draft';

interface ValidationRuleEditorProps {
  readonly object: AdminObjectDefinition;
  readonly rules: readonly ValidationRuleDefinition[];
  readonly rule?: ValidationRuleDefinition;
  readonly onDone: () => void;
}

/**
 * One validation rule of an object: its API name, the condition that makes a record invalid, the
 * message in both languages and where it shows. The object's rules are saved together (PATCH of
 * `validationRules`), so the server checks the condition against the object's fields at once and its
 * error lands on the condition.
 */
export function ValidationRuleEditor({ object, rules, rule, onDone }: ValidationRuleEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ValidationRuleDraft>();
  const [busy, setBusy] = useState(false);
  const creating = rule === undefined;
  // The rule as the drawer opened it, and where it was in the list last sent: the server names a problem by that place.
  const [opened] = useState(rule);
  const sentIndex = useRef(creating ? rules.length : rules.findIndex((candidate) => candidate.name === rule.name));
  const { formErrors, clear, fail } = useServerErrors(form, (details) => ruleErrors(details, sentIndex.current));

  async function send(next: ValidationRuleDefinition | null, done: string) {
    setBusy(true);
    clear();
    try {
      // The rules are saved together: another admin's rule added meanwhile stays; this one, changed meanwhile, is not overwritten.
      await patchObjectPart<AdminObjectDefinition>(
        object.name,
        (current) => opened === undefined || sameJson((current.validationRules ?? []).find((candidate) => candidate.name === opened.name), opened),
        (current) => {
          const stored = (current.validationRules ?? []) as readonly ValidationRuleDefinition[];
          sentIndex.current = opened ? stored.findIndex((candidate) => candidate.name === opened.name) : stored.length;
          return { validationRules: rulesWith(stored, opened?.name, next) };
        },
        t('setup.changedElsewhere'),
      );
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      void message.success(done);
      onDone();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<ValidationRuleDraft>
      name="rule"
      form={form}
      layout="vertical"
      initialValues={rule ? ruleDraftOf(rule) : NEW_RULE}
      onFinish={(draft) => {
        const next = ruleDefinitionOf({ ...draft, name: rule?.name ?? draft.name });
        void send(next, creating ? t('setup.validationRules.created', { name: next.name }) : t('setup.validationRules.saved'));
      }}
    >
      <Form.Item name="name" label={t('setup.validationRules.name')} rules={[{ required: true, message: t('setup.validationRules.nameRequired') }]}>
        <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
      </Form.Item>
      <Form.Item name="condition" label={t('setup.validationRules.condition')} extra={t('setup.validationRules.conditionHelp')} rules={[{ required: true, whitespace: true, message: t('setup.validationRules.conditionRequired') }]}>
        <ExpressionInput value="" onChange={() => undefined} object={object.name} purpose="validationRule" aria-label={t('setup.validationRules.condition')} />
      </Form.Item>
      <div className="setup-form-grid">
        <Form.Item name="messageEn" label={t('setup.validationRules.messageEn')} rules={[{ required: true, whitespace: true, message: t('setup.validationRules.messageRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="messageZh" label={t('setup.validationRules.messageZh')}>
          <Input autoComplete="off" lang="zh-CN" />
        </Form.Item>
      </div>
      <Form.Item name="field" label={t('setup.validationRules.field')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('setup.validationRules.wholeRecord')}
          options={(object.fields ?? []).map((field) => ({ value: field.name, label: localize(field.label, language, field.name) }))}
        />
      </Form.Item>
      <Form.Item name="active" label={t('setup.validationRules.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <FormErrorsAlert errors={formErrors} />
      <SetupFormActions
        busy={busy}
        submit={creating ? t('setup.validationRules.create') : t('setup.validationRules.save')}
        cancel={t('setup.validationRules.cancel')}
        onCancel={onDone}
        remove={rule ? { label: t('setup.validationRules.delete'), confirm: t('setup.validationRules.deleteConfirm', { name: rule.name }), onConfirm: () => send(null, t('setup.validationRules.deleted', { name: rule.name })) } : undefined}
      />
    </Form>
  );
}
