import type { Collections, Doc } from '../store/port.js';
import type { LocalizedText } from '../schemas/generated/common.js';
import type { PackItem } from './pack-items.js';
import type { DemoKeys } from './pack-data.js';

/** One document per pack installed in the tenant, beside the metadata. */
export const INSTALLED_PACKS = 'meta.packs';

/** A pack as installed: its version, and its definitions as that version shipped them (the base of the next upgrade's merge). */
export interface InstalledPack extends Doc {
  /** The pack's name. */
  _id: string;
  version: string;
  label: LocalizedText;
  installedAt: string;
  installedBy: string;
  /** The metadata version its install or last upgrade made. */
  metadataVersion: number;
  /** The packs it requires, by name, with the versions it accepts: they cannot be uninstalled before it. */
  requires?: Record<string, string>;
  items: PackItem[];
  /** The ids of the pack's data migrations this tenant has run (or counted as run at the first install). */
  migrations?: string[];
  /** The demo records its installs created, by object and demo key, with their ids: installing again makes no second copy. */
  demoData?: DemoKeys;
}

export function installedPacks(reader: Collections): Promise<InstalledPack[]> {
  return reader.collection<InstalledPack>(INSTALLED_PACKS).find({}, { sort: { _id: 1 } });
}

export function installedPack(reader: Collections, name: string): Promise<InstalledPack | null> {
  return reader.collection<InstalledPack>(INSTALLED_PACKS).findOne({ _id: name });
}
