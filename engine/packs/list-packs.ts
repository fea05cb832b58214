import type { OperationContext } from '../context/index.js';
import type { LocalizedText } from '../schemas/generated/common.js';
import { renderText } from '../i18n/message.js';
import { checkSetupRight } from '../security/object-access.js';
import { installedPacks } from './installed-packs.js';
import { availablePacks, type AvailablePack } from './pack-sources.js';

export interface InstalledPackView {
  readonly name: string;
  readonly version: string;
  readonly label: LocalizedText;
  readonly installedAt: string;
  readonly installedBy: string;
  readonly metadataVersion: number;
  readonly items: number;
}

/** The packs page: what the tenant has installed, and what the packs folder offers. */
export async function listPacks(ctx: OperationContext, packsDir: string): Promise<{ installed: InstalledPackView[]; available: AvailablePack[] }> {
  checkSetupRight(ctx);
  const installed = (await installedPacks(ctx.tenant.store)).map((pack) => ({
    name: pack._id,
    version: pack.version,
    label: pack.label,
    installedAt: pack.installedAt,
    installedBy: pack.installedBy,
    metadataVersion: pack.metadataVersion,
    items: pack.items.length,
  }));
  // Problems are listed in a 200 answer, not through the error middleware: rendered here, in the reader's language.
  const available = (await availablePacks(packsDir)).map((pack) =>
    pack.problems ? { ...pack, problems: pack.problems.map((problem) => ({ path: problem.path, message: renderText(problem.message, ctx.language) })) } : pack,
  );
  return { installed, available };
}
