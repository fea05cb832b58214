import { readFileSync } from 'node:fs';

/** The platform's version, which a pack's `requires.platform` range is checked against: package.json's. */
export const PLATFORM_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
