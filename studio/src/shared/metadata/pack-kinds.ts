import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client';
import { localize, type LocalizedText } from '../i18n/localize';
import { useLanguage } from '../i18n/use-language';
import { kindPath } from './metadata-kinds';

/** A kind of metadata a pack installed in the tenant adds, as GET /api/v1/meta/kinds lists it (engine/setup/operations/pack-kinds.ts). */
export interface PackKind {
  readonly kind: string;
  readonly pack: string;
  readonly label: LocalizedText;
  readonly plural: string;
  /** Where /api/v1/meta serves it: sla-policies. */
  readonly path: string;
  readonly objectProperty?: string;
  readonly schema: unknown;
}

/** The tenant's pack kinds change with its metadata (an install, an uninstall): under `meta`, which metadata changes invalidate. */
export const packKindsQuery = queryOptions({
  queryKey: ['meta', 'kinds'],
  queryFn: () => api<{ kinds: PackKind[] }>('/meta/kinds').then((body) => body.kinds),
  staleTime: 60_000,
});

/** The kinds the tenant's packs add (none while they load, or for a user who may not read them). */
export function usePackKinds(): readonly PackKind[] {
  return useQuery(packKindsQuery).data ?? [];
}

/**
 * How the studio names any kind in the reader's language: the platform's from the studio's
 * labels (`setup.history.kinds`), a pack's from the label it gives its kind (zh-TW derived from
 * zh-CN); its API name when it is neither.
 */
export function useKindName(): (kind: string) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  const packKinds = usePackKinds();
  return (kind) => {
    const ofPack = packKinds.find((entry) => entry.kind === kind);
    return ofPack ? localize(ofPack.label, language, kind) : t(`setup.history.kinds.${kind}`, { defaultValue: kind });
  };
}

/** Where /api/v1/meta serves a kind: the platform's, or one of the tenant's packs'. */
export function kindPathIn(packKinds: readonly PackKind[], kind: string): string | undefined {
  return kindPath(kind) ?? packKinds.find((entry) => entry.kind === kind)?.path;
}
