import { useQuery } from '@tanstack/react-query';
import { Form, Radio, Select } from 'antd';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { Audience } from './audience';
import { requiredList } from './required-list';
import { permissionSetsQuery } from './users/admin-user';


interface AudienceFieldsProps {
  /** The form's current choice (Form.useWatch('audience')). */
  readonly audience: Audience;
  readonly texts: { readonly label: string; readonly everyone: string; readonly some: string; readonly permissionSets: string; readonly required: string };
}

/**
 * The form controls `audience` and `permissionSets` of a definition whose schema says "the
 * permission sets whose users see it; none: everyone": a choice of the two, then the sets.
 */
export function AudienceFields({ audience, texts }: AudienceFieldsProps) {
  const language = useLanguage();
  const sets = useQuery(permissionSetsQuery);
  return (
    <>
      <Form.Item name="audience" label={texts.label}>
        <Radio.Group
          options={[
            { value: 'everyone', label: texts.everyone },
            { value: 'permissionSets', label: texts.some },
          ]}
        />
      </Form.Item>
      {audience === 'permissionSets' && (
        <Form.Item name="permissionSets" label={texts.permissionSets} rules={[requiredList(texts.required)]}>
          <Select
            mode="multiple"
            loading={sets.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(sets.data?.permissionSets ?? []).map((set) => ({ value: set.name, label: localize(set.label, language, set.name) }))}
          />
        </Form.Item>
      )}
    </>
  );
}
