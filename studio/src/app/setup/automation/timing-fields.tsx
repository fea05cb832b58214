import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../../shared/metadata/object-definition';
import { filterableFields } from '../../list/filter/filter-operators';
import { UserPickerControl } from '../user-picker-control';
import { ConditionsControl } from '../conditions-control';
import { WEEKDAYS, type Trigger } from './automation-rule-definition';
import type { TimeUnit, TimeWhen } from './automation-rule-draft';
import { CLEARS_SERVER_ERROR } from './server-error-rule';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const WHENS: readonly TimeWhen[] = ['before', 'after', 'at'];
const UNITS: readonly TimeUnit[] = ['D', 'H', 'M'];

/** Whether a field holds a date or a date-time (a formula giving one too): what a time-based rule's time is relative to. */
function isTemporal(field: ObjectDefinition['fields'][number]): boolean {
  return field.type === 'date' || field.type === 'datetime' || (field.type === 'formula' && (field.resultType === 'date' || field.resultType === 'datetime'));
}

/**
 * The part of a rule its trigger adds: a time-based rule's date field and offset, a scheduled
 * rule's days, time and records, the run-as user of both, and what a button rule means.
 */
export function TimingFields({ on, object }: { on: Trigger; object: ObjectDefinition | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance();
  const when = Form.useWatch('timeWhen', form) as TimeWhen | undefined;
  const fieldName = Form.useWatch('timeField', form) as string | undefined;
  const fields = object?.fields ?? [];
  const picked = fields.find((field) => field.name === fieldName);
  const holdsDate = picked?.type === 'date' || (picked?.type === 'formula' && picked.resultType === 'date');
  const time = (message: string) => ({ pattern: HH_MM, message });
  if (on === 'button') return <p className="setup-fieldset-help">{t('setup.automation.buttonHelp')}</p>;
  if (on !== 'time' && on !== 'schedule') return null;
  return (
    <fieldset className="setup-fieldset automation-timing">
      <legend>{t('setup.automation.timing')}</legend>
      <p className="setup-fieldset-help">{on === 'time' ? t('setup.automation.timeHelp') : t('setup.automation.scheduleHelp')}</p>
      {on === 'time' ? (
        <div className="setup-form-grid">
          <Form.Item name="timeField" label={t('setup.automation.timeField')} rules={[{ required: true, message: t('setup.automation.timeFieldRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={fields.filter(isTemporal).map((field) => ({ value: field.name, label: localize(field.label, language, field.name) }))}
            />
          </Form.Item>
          <Form.Item name="timeWhen" label={t('setup.automation.timeWhen')} rules={[CLEARS_SERVER_ERROR]}>
            <Select options={WHENS.map((value) => ({ value, label: t(`setup.automation.timeWhens.${value}`) }))} />
          </Form.Item>
          {when !== 'at' && (
            <>
              <Form.Item name="timeAmount" label={t('setup.automation.timeAmount')} rules={[CLEARS_SERVER_ERROR]}>
                <InputNumber min={0} max={3650} precision={0} className="setup-number-input" />
              </Form.Item>
              <Form.Item name="timeUnit" label={t('setup.automation.timeUnit')} rules={[CLEARS_SERVER_ERROR]}>
                <Select options={UNITS.map((value) => ({ value, label: t(`setup.automation.timeUnits.${value}`) }))} />
              </Form.Item>
            </>
          )}
          {holdsDate && (
            <Form.Item name="timeAt" label={t('setup.automation.timeAt')} extra={t('setup.automation.timeAtHelp')} rules={[CLEARS_SERVER_ERROR, time(t('setup.automation.scheduleAtFormat'))]}>
              <Input autoComplete="off" placeholder="00:00" inputMode="numeric" />
            </Form.Item>
          )}
          <Form.Item name="timeZone" label={t('setup.automation.timeZone')} extra={t('setup.automation.timeZoneHelp')} rules={[CLEARS_SERVER_ERROR]}>
            <Input autoComplete="off" spellCheck={false} placeholder="UTC" />
          </Form.Item>
        </div>
      ) : (
        <>
          <Form.Item name="scheduleDays" label={t('setup.automation.scheduleDays')} rules={[CLEARS_SERVER_ERROR, { required: true, type: 'array', min: 1, message: t('setup.automation.scheduleDays') }]}>
            <Checkbox.Group options={WEEKDAYS.map((day) => ({ value: day, label: t(`setup.automation.days.${day}`) }))} />
          </Form.Item>
          <div className="setup-form-grid">
            <Form.Item name="scheduleAt" label={t('setup.automation.scheduleAt')} rules={[CLEARS_SERVER_ERROR, { required: true, message: t('setup.automation.scheduleAtFormat') }, time(t('setup.automation.scheduleAtFormat'))]}>
              <Input autoComplete="off" placeholder="09:00" inputMode="numeric" />
            </Form.Item>
            <Form.Item name="scheduleZone" label={t('setup.automation.timeZone')} extra={t('setup.automation.timeZoneHelp')} rules={[CLEARS_SERVER_ERROR]}>
              <Input autoComplete="off" spellCheck={false} placeholder="UTC" />
            </Form.Item>
          </div>
          <Form.Item name="scheduleFilter" label={t('setup.automation.scheduleFilter')} extra={t('setup.automation.scheduleFilterHelp')} rules={[CLEARS_SERVER_ERROR]}>
            <ConditionsControl fields={filterableFields(fields)} />
          </Form.Item>
        </>
      )}
      <Form.Item name="runAs" label={t('setup.automation.runAs')} extra={t('setup.automation.runAsHelp')} rules={[CLEARS_SERVER_ERROR]}>
        <UserPickerControl id="automation-run-as" label={t('setup.automation.runAs')} />
      </Form.Item>
    </fieldset>
  );
}

