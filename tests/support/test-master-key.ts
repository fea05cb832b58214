import { masterKeyOf } from '../../engine/crypto/index.js';

/** A fixed master key for specs that open tenants by hand: the same one each time, so a second opening reads the first one's keys. */
export const TEST_MASTER_KEY = masterKeyOf(Buffer.alloc(32, 7), 'tests');
