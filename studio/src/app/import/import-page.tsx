import { Skeleton, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useForm } from '../../shared/forms/use-form';
import { addMessages } from '../../shared/i18n/i18n';
import { localize } from '../../shared/i18n/localize';
import { useLanguage } from '../../shared/i18n/use-language';
import type { ObjectDefinition } from '../../shared/metadata/object-definition';
import { useObject } from '../../shared/metadata/use-objects';
import { NotFoundPage } from '../not-found-page';
import { importableFields, initialOptions, mappingRows, type ImportSettings, type MappingRow, type UploadedImport } from './import-logic';
import { importMessages } from './import-messages';
import { MappingStep } from './mapping-step';
import { PhaseStep } from './phase-step';
import { UploadStep } from './upload-step';
import './import.css';

addMessages(importMessages);

type Step = 'upload' | 'map' | 'phase';

/**
 * The import wizard of an object, reached from its list: upload a CSV or XLSX file, map its
 * columns to fields (the server's suggestions first), check every row in a dry run, then import
 * with a progress bar; the rows with problems come back as a file to fix and import again.
 */
export function ImportPage() {
  const { object: name = '' } = useParams();
  const { object, objects, isLoading } = useObject(name);
  const form = useForm(name);
  if (isLoading || (object && form.isPending)) return <Skeleton active />;
  if (!object) return <NotFoundPage />;
  return <ImportWizard key={name} object={object} objects={objects} editable={importableFields(form.data, object.fields)} />;
}

function ImportWizard({ object, objects, editable }: { object: ObjectDefinition; objects: readonly ObjectDefinition[]; editable: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [step, setStep] = useState<Step>('upload');
  const [uploaded, setUploaded] = useState<UploadedImport>();
  const [rows, setRows] = useState<readonly MappingRow[]>([]);
  const [options, setOptions] = useState<Omit<ImportSettings, 'mapping'>>(initialOptions(null));
  const [settings, setSettings] = useState<ImportSettings>();
  const [phase, setPhase] = useState<'check' | 'run'>('check');
  const plural = localize(object.pluralLabel ?? object.label, language, object.name);
  const current = step === 'upload' ? 0 : step === 'map' ? 1 : phase === 'run' ? 3 : 2;

  function onUploaded(next: UploadedImport) {
    setUploaded(next);
    setRows(mappingRows(next.headers, next.preview, next.suggested));
    setOptions(initialOptions(next.saved));
    setStep('map');
  }

  return (
    <div className="page import-page">
      <div className="page-header">
        <Typography.Title level={2} className="page-title">
          {t('import.title', { object: plural })}
        </Typography.Title>
        <Link to={`/o/${object.name}`}>{t('import.back')}</Link>
      </div>
      <Steps
        size="small"
        className="import-steps"
        current={current}
        items={[{ title: t('import.steps.upload') }, { title: t('import.steps.map') }, { title: t('import.steps.check') }, { title: t('import.steps.run') }]}
      />
      {step === 'upload' && <UploadStep object={object.name} onUploaded={onUploaded} />}
      {step === 'map' && uploaded && (
        <MappingStep
          object={object}
          objects={objects}
          editable={editable}
          uploaded={uploaded}
          rows={rows}
          options={options}
          onChange={(nextRows, nextOptions) => {
            setRows(nextRows);
            setOptions(nextOptions);
          }}
          onCheck={(next) => {
            setSettings(next);
            setStep('phase');
          }}
        />
      )}
      {step === 'phase' && uploaded && settings && (
        <PhaseStep
          object={object}
          uploaded={uploaded}
          settings={settings}
          onPhase={setPhase}
          onEdit={() => {
            setPhase('check');
            setStep('map');
          }}
          onAnother={() => {
            setUploaded(undefined);
            setSettings(undefined);
            setPhase('check');
            setStep('upload');
          }}
        />
      )}
    </div>
  );
}
