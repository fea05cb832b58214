import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';
import { activeBomKey } from './demo-boms.js';
import type { Dice } from './demo-random.js';
import { accountKey, contactKey, MADE, OPTIONS, productKey, SALES_ACCOUNTS } from './sales-demo-keys.js';

const QUOTES = 12;
const BASES = ['GW-100', 'GW-200', 'GW-200', 'CM-100'] as const;
const PURPOSES: readonly (readonly [en: string, zh: string])[] = [
  ['Line monitoring', '产线监测'], ['Energy metering', '能耗计量'], ['Cold-chain sensing', '冷链温度监测'], ['Predictive maintenance', '预测性维护'], ['Quality inspection', '质量检测'],
];

/**
 * Quotes of the sales demo's accounts with a configured product each: a gateway or camera with
 * sensors, licences or services as options. Most were added to their quote (the line the Add to
 * quote button would have made: the configured unit price), a few are still being configured.
 */
export function demoQuotes(dice: Dice): { quotes: DemoRecord[]; quoteLines: DemoRecord[]; configurations: DemoRecord[]; options: DemoRecord[] } {
  const quotes: DemoRecord[] = [];
  const quoteLines: DemoRecord[] = [];
  const configurations: DemoRecord[] = [];
  const options: DemoRecord[] = [];
  for (let n = 1; n <= QUOTES; n++) {
    const account = dice.int(1, SALES_ACCOUNTS);
    const base = dice.pick(BASES);
    const [en, zh] = dice.pick(PURPOSES);
    const quantity = dice.int(1, 8);
    const quoteKey = `mfg-quote-${n}`;
    const configKey = `config-${n}`;
    const name = `${zh} ${en}: ${base} ×${quantity}`;
    quotes.push({ _key: quoteKey, name: `${zh}方案 ${en} solution #${n}`, account: { $key: accountKey(account) }, contact: { $key: contactKey(account) }, status: dice.pick(['draft', 'presented', 'presented', 'accepted']) });
    let optionsPerUnit = 0;
    const chosen = new Set<string>();
    const optionCount = dice.int(1, 3);
    for (let o = 1; o <= optionCount; o++) {
      const [code, price, low, high] = dice.pick(OPTIONS);
      if (chosen.has(code)) continue;
      chosen.add(code);
      const count = dice.int(low, high);
      optionsPerUnit += count * price;
      options.push({ _key: `${configKey}-option-${o}`, configuration: { $key: configKey }, product: { $key: productKey(code) }, quantity: count });
    }
    const added = n <= 9;
    const unitPrice = MADE[base]!.price + optionsPerUnit;
    if (added) quoteLines.push({ _key: `${quoteKey}-line`, quote: { $key: quoteKey }, product: { $key: productKey(base) }, description: name, quantity, unit_price: unitPrice });
    configurations.push({
      _key: configKey, name, quote: { $key: quoteKey }, base_product: { $key: productKey(base) }, bom: { $key: activeBomKey(base) }, quantity,
      ...(added ? { status: 'added', quote_line: { $key: `${quoteKey}-line` } } : {}),
    });
  }
  return { quotes, quoteLines, configurations, options };
}
