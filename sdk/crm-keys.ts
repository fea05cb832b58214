/**
 * `npx crm keys`: a tenant's data keys through a running platform's operator API.
 *
 *   npx crm keys status --tenant NAME --url URL --operator-token TOKEN    the active key, the keys held, the last rotations
 *   npx crm keys rotate --tenant NAME --url URL --operator-token TOKEN [--wait]
 *       a new data key; every encrypted value moves onto it in the background (--wait: until done, printing the progress)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { answered, call, DEFAULT_URL, type Online } from './crm-backup.js';

export const KEYS_USAGE = `Usage: npx crm keys <status|rotate> --tenant NAME [options]
  --url URL               the platform (CRM_URL; ${DEFAULT_URL})
  --operator-token TOKEN  the server's OPERATOR_TOKEN (CRM_OPERATOR_TOKEN)
  --tenant NAME           the tenant (default: default)
  rotate --wait           waits for the re-encryption to end, printing its progress`;

interface Rotation {
  to: string;
  status: string;
  percent: number;
  resealed?: number;
}

interface KeysView {
  activeKey: string;
  keys: string[];
  rotations: Rotation[];
}

function describeRotation(rotation: Rotation): string {
  return `rotation to ${rotation.to}: ${rotation.status}, ${rotation.percent}%${rotation.resealed === undefined ? '' : `, ${rotation.resealed} documents re-encrypted`}`;
}

/** Runs `keys …`; returns the exit code: 0 done, 1 refused or failed, 2 misused. */
export async function runKeysCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { url: { type: 'string' }, 'operator-token': { type: 'string' }, tenant: { type: 'string' }, wait: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean' } },
  });
  const [, command] = positionals;
  if (values.help) {
    console.log(KEYS_USAGE);
    return 0;
  }
  const token = values['operator-token'] ?? process.env.CRM_OPERATOR_TOKEN;
  if (!token || (command !== 'status' && command !== 'rotate')) {
    console.error(`${token ? `Unknown keys command '${command ?? ''}'.` : 'Give the operator token (--operator-token or CRM_OPERATOR_TOKEN).'}\n\n${KEYS_USAGE}`);
    return 2;
  }
  const online: Online = { url: (values.url ?? process.env.CRM_URL ?? DEFAULT_URL).replace(/\/+$/, ''), token };
  const base = `/api/operator/tenants/${encodeURIComponent(values.tenant ?? 'default')}/keys`;
  const status = async () => call(online, 'GET', base);
  if (command === 'status') {
    return answered(await status(), values.json, (body) => {
      const view = body as KeysView;
      console.log(`Active data key: ${view.activeKey}; keys held: ${view.keys.join(', ')}`);
      for (const rotation of view.rotations) console.log(describeRotation(rotation));
    });
  }
  const started = await call(online, 'POST', `${base}/rotate`);
  const code = answered(started, values.json, (body) => console.log(`Started the ${describeRotation(body as Rotation)}`));
  if (code !== 0 || !values.wait) return code;
  for (;;) {
    const answer = await status();
    if (answer.status >= 400) return answered(answer, values.json, () => undefined);
    const [rotation] = (answer.body as KeysView).rotations;
    if (!values.json) console.log(describeRotation(rotation!));
    if (rotation!.status === 'done') return 0;
    await sleep(1000);
  }
}
