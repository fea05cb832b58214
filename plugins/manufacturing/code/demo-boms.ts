import type { DemoRecord } from '../../../engine/schemas/generated/pack-data.js';
import { dayOffset } from './demo-random.js';
import { productKey } from './sales-demo-keys.js';

/** The parts the demo company buys and assembles: [code, English, Chinese, unit cost]. */
const PARTS: readonly (readonly [code: string, en: string, zh: string, cost: number])[] = [
  ['PCB-GW', 'Gateway main board', '网关主控板', 1150], ['CPU-A7', 'Processor module', '处理器模组', 620], ['MEM-4G', 'Memory 4 GB', '内存 4GB', 180],
  ['EMMC-32', 'Flash storage 32 GB', '闪存 32GB', 95], ['ETH-4', 'Four-port Ethernet switch', '四口以太网交换芯片', 140], ['LTE-M', 'LTE modem', '4G 通信模组', 310],
  ['PSU-24', '24 V power supply', '24V 电源', 160], ['ENC-AL', 'Aluminium enclosure', '铝合金外壳', 210], ['ENC-IP67', 'IP67 sensor housing', 'IP67 防护外壳', 90],
  ['ANT', 'Antenna', '天线', 35], ['MEMS-3X', 'Three-axis MEMS accelerometer', '三轴 MEMS 加速度计', 120], ['NTC', 'NTC thermistor probe', '热敏电阻探头', 18],
  ['MCU', 'Low-power microcontroller', '低功耗单片机', 26], ['BAT-LI', 'Lithium battery', '锂电池', 45], ['CT-100', 'Current transformer', '电流互感器', 85],
  ['LCD', 'Display module', '液晶显示模组', 60], ['CMOS-5MP', '5 MP image sensor', '500 万像素图像传感器', 980], ['LENS-8', '8 mm lens', '8mm 镜头', 420],
  ['LED-RING', 'LED ring light', 'LED 环形光源', 260], ['M12', 'M12 cable (metre)', 'M12 连接线（米）', 12], ['SCREWS', 'Screw kit', '螺丝套件', 4],
  ['DIN', 'DIN-rail clip', '导轨卡扣', 6], ['GLAND', 'Cable gland', '电缆密封接头', 8], ['ASSY', 'Assembly and test (hour)', '装配与测试（工时）', 80],
];

type Line = readonly [part: string, quantity: number, unit: string, scrap?: number];

/** What each made product is assembled from (its current version). */
const RECIPES: Readonly<Record<string, readonly Line[]>> = {
  'GW-100': [['PCB-GW', 1, 'pcs', 2], ['CPU-A7', 1, 'pcs'], ['MEM-4G', 1, 'pcs'], ['EMMC-32', 1, 'pcs'], ['ETH-4', 1, 'pcs'], ['PSU-24', 1, 'pcs'], ['ENC-AL', 1, 'pcs'], ['ANT', 2, 'pcs'], ['SCREWS', 1, 'set'], ['DIN', 1, 'pcs'], ['ASSY', 1.5, 'h']],
  'GW-200': [['PCB-GW', 1, 'pcs', 2], ['CPU-A7', 2, 'pcs'], ['MEM-4G', 2, 'pcs'], ['EMMC-32', 2, 'pcs'], ['ETH-4', 2, 'pcs'], ['LTE-M', 1, 'pcs'], ['PSU-24', 2, 'pcs'], ['ENC-AL', 1, 'pcs'], ['ANT', 4, 'pcs'], ['GLAND', 4, 'pcs'], ['SCREWS', 1, 'set'], ['DIN', 1, 'pcs'], ['ASSY', 3, 'h']],
  'SN-010': [['MEMS-3X', 1, 'pcs', 3], ['MCU', 1, 'pcs'], ['BAT-LI', 1, 'pcs'], ['ENC-IP67', 1, 'pcs'], ['M12', 2, 'm', 5], ['GLAND', 1, 'pcs'], ['ASSY', 0.5, 'h']],
  'SN-020': [['NTC', 1, 'pcs', 3], ['MCU', 1, 'pcs'], ['BAT-LI', 1, 'pcs'], ['ENC-IP67', 1, 'pcs'], ['GLAND', 1, 'pcs'], ['ASSY', 0.3, 'h']],
  'SN-030': [['CT-100', 3, 'pcs'], ['MCU', 1, 'pcs'], ['LCD', 1, 'pcs'], ['PSU-24', 1, 'pcs'], ['DIN', 1, 'pcs'], ['SCREWS', 1, 'set'], ['ASSY', 0.8, 'h']],
  'CM-100': [['CMOS-5MP', 1, 'pcs', 2], ['LENS-8', 1, 'pcs'], ['LED-RING', 1, 'pcs'], ['CPU-A7', 1, 'pcs'], ['MEM-4G', 1, 'pcs'], ['ENC-AL', 1, 'pcs'], ['M12', 3, 'm', 5], ['ASSY', 2, 'h']],
};

export const partKey = (code: string) => `part-${code}`;
/** The demo key of a made product's active bill of materials (its version 2.0). */
export const activeBomKey = (product: string) => `bom-${product}-2`;

/**
 * The component products (not sold on their own: inactive in the sales catalogue), and for each
 * made product a bill of materials in version 1.0, obsolete since version 2.0 became active
 * (approved 200 days ago); the industrial gateway has a 3.0 in draft with an LTE modem more.
 */
export function demoBoms(today: Date): { parts: DemoRecord[]; boms: DemoRecord[]; lines: DemoRecord[] } {
  const parts = PARTS.map(([code, en, zh, cost]) => ({
    _key: partKey(code), name: `${zh} ${en}`, code: `PT-${code}`, family: 'hardware', unit_price: cost, active: false,
    description: 'Component, bought and assembled; not sold on its own. 零部件，外购后装配，不单独销售。',
  }));
  const boms: DemoRecord[] = [];
  const lines: DemoRecord[] = [];
  const version = (product: string, n: number, status: string, recipe: readonly Line[], dates: Record<string, string>) => {
    const key = `bom-${product}-${n}`;
    boms.push({ _key: key, product: { $key: productKey(product) }, version: `${n}.0`, status, ...dates });
    recipe.forEach(([part, quantity, unit, scrap], index) => {
      lines.push({ _key: `${key}-${index + 1}`, bom: { $key: key }, component: { $key: partKey(part) }, quantity, unit_of_measure: unit, ...(scrap ? { scrap_percent: scrap } : {}) });
    });
  };
  for (const [product, recipe] of Object.entries(RECIPES)) {
    // Version 1.0 lacked the last part but assembly; 2.0 added it.
    version(product, 1, 'obsolete', recipe.filter((_, index) => index !== recipe.length - 2), {
      effective_from: dayOffset(today, -700), effective_to: dayOffset(today, -201), approved_on: dayOffset(today, -705),
    });
    version(product, 2, 'active', recipe, { effective_from: dayOffset(today, -200), approved_on: dayOffset(today, -202) });
  }
  version('GW-200', 3, 'draft', [...RECIPES['GW-200']!, ['LTE-M', 1, 'pcs']], { description: 'Second modem for a failover uplink. 增加第二个通信模组，实现链路备份。' });
  return { parts, boms, lines };
}
