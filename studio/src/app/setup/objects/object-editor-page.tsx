import { ArrowLeftOutlined, HistoryOutlined, LayoutOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Radio, Spin, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api/api-client';
import { isApiError } from '../../../shared/api/api-error';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { historyPath } from '../history/metadata-history';
import { ValidationRuleList } from '../validation-rules/validation-rule-list';
import { FieldList } from './field-list';
import { IconPicker } from './icon-picker';
import { draftOf, errorsByControl, masterOf, newObjectDefinition, objectProperties, SHARING_MODES, suggestApiName, type DraftControl, type ObjectDraft } from './object-draft';
import { patchObjectPart, sameJson } from '../changed-elsewhere';
import type { AdminObjectDefinition, AdminObjectRead } from './admin-object';

const EMPTY: ObjectDraft = { labelEn: '', labelZh: '', pluralEn: '', pluralZh: '', name: '', description: '', sharing: 'publicReadWrite', hierarchy: true, icon: '', nameFieldLabel: '' };
const SHARING_TEXT = { private: 'setup.object.sharingPrivate', publicRead: 'setup.object.sharingPublicRead', publicReadWrite: 'setup.object.sharingPublicReadWrite' } as const;

/** /setup/objects/new and /setup/objects/:name: an object's details (and, once it exists, its fields). */
export function ObjectEditorPage() {
  const { name } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const existing = useQuery({
    queryKey: ['meta', 'object', name],
    queryFn: () => api<AdminObjectRead>(`/meta/objects/${encodeURIComponent(name!)}`),
    enabled: name !== undefined,
  });
  if (name !== undefined && existing.isPending) return <Spin className="page-spinner" />;
  if (existing.error) return <Alert type="error" showIcon title={existing.error.message} />;
  const definition = existing.data?.definition;
  const title = definition ? t('setup.object.editTitle', { name: localize(definition.label, language, definition.name) }) : t('setup.object.newTitle');
  return (
    <section aria-labelledby="setup-object-title">
      <Link to="/setup/objects" className="setup-back">
        <ArrowLeftOutlined aria-hidden /> {t('setup.object.back')}
      </Link>
      <header className="setup-page-header">
        <h2 id="setup-object-title">{title}</h2>
        {definition && <span className="setup-api-name">{definition.name}</span>}
        {definition && (
          <>
            <Link to={`/setup/layouts?${new URLSearchParams({ object: definition.name }).toString()}`} className="setup-history-link">
              <LayoutOutlined aria-hidden /> {t('setup.layouts.objectLayouts')}
            </Link>
            <Link to={historyPath('object', definition.name)}>
              <HistoryOutlined aria-hidden /> {t('setup.history.link')}
            </Link>
          </>
        )}
      </header>
      <ObjectForm key={definition?.name ?? 'new'} definition={definition} />
      {definition && <FieldList definition={definition} fieldEtags={existing.data?.fieldEtags} />}
      {definition && <ValidationRuleList definition={definition} />}
    </section>
  );
}

function ObjectForm({ definition }: { definition: AdminObjectDefinition | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ObjectDraft>();
  const [nameTyped, setNameTyped] = useState(definition !== undefined);
  const [busy, setBusy] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  // The object as this form opened it (the query refetches under it): what its save must not overwrite unseen.
  const [opened, setOpened] = useState(definition);
  const creating = definition === undefined;
  const language = useLanguage();
  const objects = useObjects();
  const master = masterOf(definition);
  const masterObject = objects.data?.objects.find((candidate) => candidate.name === master);

  async function save(draft: ObjectDraft) {
    setBusy(true);
    setFormErrors([]);
    try {
      if (creating) {
        await api('/meta/objects', { method: 'POST', body: newObjectDefinition(draft) });
        void message.success(t('setup.object.created', { name: draft.name }));
      } else {
        const properties = objectProperties(draft, { detail: master !== undefined }) as Record<string, unknown>;
        const seen = opened as unknown as Record<string, unknown> | undefined;
        const { answer } = await patchObjectPart<Record<string, unknown>>(
          definition.name,
          (current) => Object.keys(properties).every((key) => sameJson(current[key], seen?.[key])),
          () => properties,
          t('setup.changedElsewhere'),
        );
        // The object as stored now (the server normalises what it is sent): what the next save compares with.
        setOpened((answer as { definition?: AdminObjectDefinition }).definition);
        void message.success(t('setup.object.saved'));
      }
      // The end-user app's menus and forms read the same metadata: they see the change at once.
      await queryClient.invalidateQueries({ queryKey: ['meta'] });
      if (creating) await navigate(`/setup/objects/${draft.name}`, { replace: true });
    } catch (error) {
      if (!isApiError(error) || error.details.length === 0) {
        setFormErrors([t('setup.object.failed', { message: error instanceof Error ? error.message : String(error) })]);
        return;
      }
      const { controls, form: rest } = errorsByControl(error.details);
      form.setFields(Object.entries(controls).map(([control, errors]) => ({ name: control as DraftControl, errors })));
      setFormErrors(rest.length > 0 ? [t('setup.object.failed', { message: error.message }), ...rest] : []);
      const first = Object.keys(controls)[0] as DraftControl | undefined;
      if (first) form.scrollToField(first, { block: 'center', focus: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form<ObjectDraft>
      form={form}
      layout="vertical"
      className="setup-form"
      initialValues={definition ? draftOf(definition) : EMPTY}
      onFinish={(draft) => void save(draft)}
      onValuesChange={(changed: Partial<ObjectDraft>) => {
        if (changed.name !== undefined) setNameTyped(true);
        // The API name follows the English label until the admin types one of their own.
        if (changed.labelEn !== undefined && creating && !nameTyped) form.setFieldValue('name', suggestApiName(changed.labelEn));
      }}
    >
      <fieldset className="setup-fieldset">
        <legend>{t('setup.object.details')}</legend>
        <div className="setup-form-grid">
          <Form.Item name="labelEn" label={t('setup.object.labelEn')} rules={[{ required: true, whitespace: true, message: t('setup.object.required') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="labelZh" label={t('setup.object.labelZh')}>
            <Input autoComplete="off" lang="zh-CN" />
          </Form.Item>
          <Form.Item name="pluralEn" label={t('setup.object.pluralEn')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="pluralZh" label={t('setup.object.pluralZh')}>
            <Input autoComplete="off" lang="zh-CN" />
          </Form.Item>
          <Form.Item name="name" label={t('setup.object.apiName')} extra={t('setup.object.apiNameHelp')}>
            <Input autoComplete="off" spellCheck={false} disabled={!creating} className="setup-api-name-input" />
          </Form.Item>
          <Form.Item name="icon" label={t('setup.icons.label')} extra={t('setup.icons.help')}>
            <IconPicker />
          </Form.Item>
          {creating && (
            <Form.Item name="nameFieldLabel" label={t('setup.object.nameField')} extra={t('setup.object.nameFieldHelp')}>
              <Input autoComplete="off" placeholder="Name" />
            </Form.Item>
          )}
        </div>
        <Form.Item name="description" label={t('setup.object.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {master === undefined ? (
          <Form.Item name="sharing" label={t('setup.object.sharing')}>
            <Radio.Group options={SHARING_MODES.map((mode) => ({ value: mode, label: t(SHARING_TEXT[mode]) }))} />
          </Form.Item>
        ) : (
          // A detail's records follow their master's sharing: there is no default of its own to pick.
          <Form.Item label={t('setup.object.sharing')}>
            <span className="setup-object-follows-master">{t('setup.object.sharingFromMaster', { master: masterObject ? localize(masterObject.label, language, master) : master })}</span>
          </Form.Item>
        )}
        <Form.Item name="hierarchy" label={t('setup.object.hierarchy')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </fieldset>
      {formErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="setup-form-alert"
          title={formErrors[0]}
          description={formErrors.length > 1 ? formErrors.slice(1).join('\n') : undefined}
        />
      )}
      <div className="setup-form-actions">
        <Button type="primary" htmlType="submit" loading={busy}>
          {creating ? t('setup.object.create') : t('setup.object.save')}
        </Button>
        {creating && <Button onClick={() => void navigate('/setup/objects')}>{t('setup.object.cancel')}</Button>}
      </div>
    </Form>
  );
}
