import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Skeleton, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fromServer, localize } from '../../../shared/i18n/localize';
import { useLanguage } from '../../../shared/i18n/use-language';
import { useObjects } from '../../../shared/metadata/use-objects';
import { definitionsQuery, type Definition } from '../../record/record-queries';
import { useRecordNames } from '../../record/use-record-names';
import { setupRoutes } from '../setup-routes';
import { accessQuery, fieldRights, reasonSentences, sameReasons, setupHref, type AccessVerdict, type ReasonSentence, type SentenceContext } from './access-explanation';
import './explain-access.css';

const SETUP_PATHS = setupRoutes.flatMap((route) => (route.path ? [route.path] : []));

/**
 * Why one user can or cannot read and edit one record, as sentences: each reason the server found
 * (with a link to the role, permission set, sharing rule or master record where a page shows it),
 * or why not; then the fields they cannot read or edit. The record page's panel and the setup page
 * both show it.
 */
export function AccessAnswer({ object, id, user }: { object: string; id: string; user: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const answer = useQuery(accessQuery(object, id, user, language));
  const objects = useObjects().data?.objects ?? [];
  const roles = useQuery(definitionsQuery('roles'));
  const groups = useQuery(definitionsQuery('groups'));
  const shares = [...(answer.data?.read.reasons ?? []), ...(answer.data?.edit.reasons ?? [])].flatMap((reason) => (reason.kind === 'manualShare' && reason.to.startsWith('u:') ? [reason.to.slice(2)] : []));
  const users = useRecordNames('user', shares);

  if (answer.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (answer.error) {
    return (
      <p className="setup-error" role="alert">
        {t('setup.explain.failed', { message: fromServer(answer.error.message, language) })}
      </p>
    );
  }
  const explanation = answer.data;
  const definition = objects.find((candidate) => candidate.name === object);
  const name = explanation.user.name ?? explanation.user.id;
  const labelOf = (list: readonly Definition[] | undefined, key: string) => localize(list?.find((item) => item.name === key)?.label, language, key);
  const context: SentenceContext = {
    user: name,
    objectLabel: (target) => {
      const found = objects.find((candidate) => candidate.name === target);
      return localize(found?.pluralLabel ?? found?.label, language, target);
    },
    grantee: (to) => {
      const [prefix, ...rest] = to.split(':');
      const key = rest.join(':');
      if (prefix === 'u') return key === explanation.user.id ? name : (users.get(key) ?? key);
      if (prefix === 'r') return t('sharing.role', { name: labelOf(roles.data, key) });
      if (prefix === 'rs') return t('sharing.roleAndSubordinates', { name: labelOf(roles.data, key) });
      return t('sharing.group', { name: labelOf(groups.data, key) });
    },
    setupHref: (section, key) => setupHref(SETUP_PATHS, section, key),
    unnamedRule: t('setup.explain.unnamedRule'),
    definitionLabel: (label) => fromServer(label, language),
  };
  const fieldLabel = (field: string) => localize(definition?.fields.find((candidate) => candidate.name === field)?.label, language, field);
  const rights = fieldRights(explanation.fields, definition?.fields.map((field) => field.name) ?? []);
  const list = (names: readonly string[]) => names.map(fieldLabel).join(t('setup.explain.listSeparator'));

  return (
    <div className="access-answer" aria-live="polite">
      <p className="access-who">
        <strong>{name}</strong>
        <span className="access-role">{explanation.user.role ? t('setup.explain.role', { role: fromServer(explanation.user.roleLabel ?? explanation.user.role, language) }) : t('setup.explain.noRole')}</span>
        {!explanation.user.active && <Tag>{t('setup.explain.inactive')}</Tag>}
      </p>
      <Verdict mode="read" verdict={explanation.read} sentences={reasonSentences(explanation.read.reasons, object, context)} />
      <Verdict mode="edit" verdict={explanation.edit} sentences={reasonSentences(explanation.edit.reasons, object, context)} same={sameReasons(explanation.read, explanation.edit)} />
      {explanation.read.allowed && (
        <section className="access-fields" aria-label={t('setup.explain.fields')}>
          <h3 className="access-heading">{t('setup.explain.fields')}</h3>
          {rights.hidden.length === 0 && rights.readOnly.length === 0 && <p>{t('setup.explain.fieldsAll')}</p>}
          {rights.hidden.length > 0 && <p>{t('setup.explain.fieldsHidden', { fields: list(rights.hidden) })}</p>}
          {explanation.fields.editable.length === 0 ? (
            <p>{t('setup.explain.fieldsNoEdit')}</p>
          ) : (
            rights.readOnly.length > 0 && <p>{t('setup.explain.fieldsReadOnly', { fields: list(rights.readOnly) })}</p>
          )}
        </section>
      )}
    </div>
  );
}

/** Can or cannot read (or edit), with every reason, or the server's why not. */
function Verdict({ mode, verdict, sentences, same = false }: { mode: 'read' | 'edit'; verdict: AccessVerdict; sentences: readonly ReasonSentence[]; same?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const allowed = verdict.allowed;
  return (
    <section className={`access-verdict ${allowed ? 'access-allowed' : 'access-denied'}`} aria-label={t(`setup.explain.${mode}`)}>
      <h3 className="access-heading">
        {allowed ? <CheckCircleOutlined aria-hidden className="access-icon" /> : <CloseCircleOutlined aria-hidden className="access-icon" />}
        {t(`setup.explain.${allowed ? 'can' : 'cannot'}.${mode}`)}
      </h3>
      {/* Refused despite what would grant it (a locked record): the refusal first, then what it overrides. */}
      {!allowed && verdict.why && <p className="access-why">{fromServer(verdict.why, language)}</p>}
      {!allowed && verdict.why && sentences.length > 0 && <p className="access-why">{t('setup.explain.otherwise')}</p>}
      {same ? <p className="access-why">{t('setup.explain.sameReasons')}</p> : sentences.length > 0 && <Sentences sentences={sentences} />}
    </section>
  );
}

function Sentences({ sentences }: { sentences: readonly ReasonSentence[] }) {
  const { t } = useTranslation();
  return (
    <ul className="access-reasons">
      {sentences.map((sentence, index) => (
        <li key={index}>
          {withLink(t(`setup.explain.reasons.${sentence.key}`, { ...sentence.values, link: LINK_MARK }), sentence.link)}
          {sentence.reasons && sentence.reasons.length > 0 && <Sentences sentences={sentence.reasons} />}
        </li>
      ))}
    </ul>
  );
}

/**
 * The sentence with its link where the message puts `{{link}}`. The message is translated with a
 * mark in the link's place and split there, so names from records and metadata stay plain text
 * (no markup is ever parsed from them) and each language places the link where its grammar wants.
 */
const LINK_MARK = '\u0001';

function withLink(text: string, link: ReasonSentence['link']): ReactNode {
  const [before, after] = text.split(LINK_MARK);
  if (!link || after === undefined) return text;
  return (
    <>
      {before}
      {link.to ? <Link to={link.to}>{link.text}</Link> : <strong>{link.text}</strong>}
      {after}
    </>
  );
}
