import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../../shared/metadata/object-definition';
import { addRelatedList, moveRelatedList, relatedCandidates, relatedKey, removeRelatedList, unusedCandidates, type RelatedListDraft } from './related-list-draft';

interface LayoutRelatedListsProps {
  readonly object: string;
  readonly objects: readonly ObjectDefinition[];
  readonly lists: readonly RelatedListDraft[];
  readonly error?: string;
  readonly onChange: (lists: RelatedListDraft[]) => void;
}

/** The child objects' lists shown under the record, picked among the children pointing here and ordered. */
export function LayoutRelatedLists({ object, objects, lists, error, onChange }: LayoutRelatedListsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const candidates = relatedCandidates(object, objects);
  const byName = (name: string) => objects.find((candidate) => candidate.name === name);
  // "Tasks" alone, or "Tasks (Account)" when a child points here through several fields.
  const title = (list: { object: string; field?: string }) => {
    const child = byName(list.object);
    const name = localize(child?.pluralLabel ?? child?.label, language, list.object);
    const several = candidates.filter((candidate) => candidate.object === list.object).length > 1;
    const field = child?.fields.find((candidate) => candidate.name === list.field);
    return several && field ? `${name} (${localize(field.label, language, field.name)})` : name;
  };
  const unused = unusedCandidates(lists, candidates);

  return (
    <fieldset className="setup-fieldset layout-related" aria-labelledby="layout-related-title">
      <h3 id="layout-related-title">{t('setup.layouts.relatedLists')}</h3>
      <p className="setup-fieldset-help">{t('setup.layouts.relatedHelp')}</p>
      {lists.length === 0 ? (
        <p className="setup-empty">{t('setup.layouts.relatedEmpty')}</p>
      ) : (
        <ol className="layout-related-list">
          {lists.map((list, index) => {
            const name = title(list);
            return (
              <li key={relatedKey(list)} className="layout-related-item">
                <span>{name}</span>
                <span className="layout-section-actions">
                  <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onChange(moveRelatedList(lists, index, -1))} aria-label={t('setup.layouts.moveUp', { field: name })} />
                  <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === lists.length - 1} onClick={() => onChange(moveRelatedList(lists, index, 1))} aria-label={t('setup.layouts.moveDown', { field: name })} />
                  <Button type="text" size="small" icon={<CloseOutlined />} onClick={() => onChange(removeRelatedList(lists, index))} aria-label={t('setup.layouts.relatedRemove', { list: name })} />
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {error && (
        <p className="ant-form-item-explain-error" role="alert">
          {error}
        </p>
      )}
      {candidates.length === 0 && <p className="setup-fieldset-help">{t('setup.layouts.relatedNone')}</p>}
      {/* Left out rather than disabled once every child is listed: a disabled picker's placeholder is too faint to read. */}
      {unused.length > 0 && (
        <Select
          className="layout-related-add"
          aria-label={t('setup.layouts.relatedAdd')}
          placeholder={t('setup.layouts.relatedAdd')}
          value={null}
          showSearch={{ optionFilterProp: 'label' }}
          options={unused.map((candidate) => ({ value: relatedKey(candidate), label: title(candidate) }))}
          onChange={(key: string) => {
            const picked = unused.find((candidate) => relatedKey(candidate) === key);
            if (picked) onChange(addRelatedList(lists, picked));
          }}
        />
      )}
    </fieldset>
  );
}
