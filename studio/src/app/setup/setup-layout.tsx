import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Grid, Select, Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, useLocation, useNavigate, useRoutes } from 'react-router';
import { hasSetupRight, useSession } from '../../shared/api/session';
import { addMessages } from '../../shared/i18n/i18n';
import { setupMessages } from './setup-messages';
import { routedSetupPaths, setupRoutes } from './setup-routes';
import { currentSection, SETUP_SECTIONS, visibleSections } from './setup-sections';
import './setup.css';

addMessages(setupMessages);

/**
 * The frame of the setup area: its sections on the left (a select on phones) and the page. A user
 * without a setup right gets a page saying so; the server refuses their changes anyway. The
 * navigation is plain links (not antd's Menu): sharing the shell's modules would split the first load.
 */
export function SetupLayout() {
  const { t } = useTranslation();
  const user = useSession().data;
  const location = useLocation();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md !== false;
  const page = useRoutes(setupRoutes);
  if (!hasSetupRight(user)) {
    return (
      <div className="setup-forbidden" role="alert">
        <SafetyCertificateOutlined className="setup-forbidden-icon" aria-hidden />
        <h1>{t('setup.forbiddenTitle')}</h1>
        <p>{t('setup.forbiddenHint')}</p>
        <Link to="/">{t('setup.backHome')}</Link>
      </div>
    );
  }
  const groups = visibleSections(SETUP_SECTIONS, user?.rights, routedSetupPaths);
  const current = currentSection(SETUP_SECTIONS, location.pathname);
  const first = groups[0]?.sections[0];
  if (!current && first) return <Navigate to={`/setup/${first.path}`} replace />;

  return (
    <div className="setup">
      <nav className="setup-nav" aria-labelledby="setup-nav-title">
        <p className="setup-nav-title" id="setup-nav-title">
          {t('setup.title')}
        </p>
        {wide ? (
          groups.map(({ group, sections }) => (
            <div key={group} className="setup-nav-group">
              <p className="setup-nav-heading" id={`setup-nav-${group}`}>
                {t(`setup.groups.${group}`)}
              </p>
              <ul aria-labelledby={`setup-nav-${group}`}>
                {sections.map((section) => (
                  <li key={section.key}>
                    <NavLink to={`/setup/${section.path}`} className="setup-nav-link">
                      {t(section.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))
        ) : (
          <Select
            className="setup-nav-select"
            aria-label={t('setup.section')}
            value={current?.key}
            onChange={(key: string) => {
              const section = SETUP_SECTIONS.find((candidate) => candidate.key === key);
              if (section) void navigate(`/setup/${section.path}`);
            }}
            options={groups.map(({ group, sections }) => ({
              label: t(`setup.groups.${group}`),
              title: t(`setup.groups.${group}`),
              options: sections.map((section) => ({ value: section.key, label: t(section.label) })),
            }))}
          />
        )}
      </nav>
      <div className="setup-page">
        <Suspense fallback={<Spin className="page-spinner" />}>{page}</Suspense>
      </div>
    </div>
  );
}
