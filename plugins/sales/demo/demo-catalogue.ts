import type { DemoRecord } from '../../../engine/packs/pack-data.js';

/** The demo's products: what an industrial IoT vendor sells, with list prices in the corporate currency. */
const PRODUCTS: readonly (readonly [code: string, family: string, en: string, zh: string, price: number])[] = [
  ['GW-100', 'hardware', 'Edge gateway', '边缘网关', 4800], ['GW-200', 'hardware', 'Industrial edge gateway', '工业边缘网关', 9600],
  ['SN-010', 'hardware', 'Vibration sensor', '振动传感器', 680], ['SN-020', 'hardware', 'Temperature sensor', '温度传感器', 320],
  ['SN-030', 'hardware', 'Energy meter', '智能电表', 1500], ['CM-100', 'hardware', 'Vision camera', '视觉相机', 7200],
  ['SW-PLT', 'software', 'Platform licence', '平台许可', 120000], ['SW-ANL', 'software', 'Analytics module', '分析模块', 45000],
  ['SW-MES', 'software', 'MES connector', 'MES 连接器', 30000], ['SW-MOB', 'software', 'Mobile app licence', '移动应用许可', 8000],
  ['SB-STD', 'subscription', 'Cloud subscription (year)', '云服务订阅（年）', 36000], ['SB-PRO', 'subscription', 'Cloud subscription Pro (year)', '云服务专业版订阅（年）', 72000],
  ['SB-DEV', 'subscription', 'Device plan (100 devices, year)', '设备套餐（100 台/年）', 12000],
  ['SV-IMP', 'service', 'Implementation (day)', '实施服务（人天）', 3000], ['SV-INT', 'service', 'Integration project', '集成项目', 80000],
  ['SV-SUP', 'service', 'Premium support (year)', '高级支持（年）', 24000], ['SV-AUD', 'service', 'Site audit', '现场评估', 15000],
  ['TR-ADM', 'training', 'Administrator training', '管理员培训', 6000], ['TR-USR', 'training', 'User training (class)', '用户培训（班）', 4000],
  ['TR-DEV', 'training', 'Developer workshop', '开发者工作坊', 9000],
];

/** Price books beside the list prices: partners buy at a discount, overseas customers pay more. */
const PRICE_BOOKS: readonly (readonly [key: string, name: string, factor: number, standard: boolean])[] = [
  ['pb-standard', 'Standard / 标准价格表', 1, true],
  ['pb-partner', 'Partners / 合作伙伴价格表', 0.85, false],
  ['pb-overseas', 'Overseas (USD list converted) / 海外价格表', 1.15, false],
];

export interface DemoProduct {
  readonly key: string;
  readonly family: string;
  readonly price: number;
}

export function demoCatalogue(): { products: DemoRecord[]; priceBooks: DemoRecord[]; entries: DemoRecord[]; catalogue: readonly DemoProduct[] } {
  const products = PRODUCTS.map(([code, family, en, zh, price]) => ({ _key: `product-${code}`, name: `${zh} ${en}`, code, family, unit_price: price, active: true }));
  const priceBooks = PRICE_BOOKS.map(([key, name, , standard]) => ({ _key: key, name, is_standard: standard, active: true }));
  const entries = PRICE_BOOKS.flatMap(([book, , factor]) =>
    PRODUCTS.map(([code, , , , price]) => ({ _key: `${book}-${code}`, price_book: { $key: book }, product: { $key: `product-${code}` }, unit_price: Math.round(price * factor) })),
  );
  return { products, priceBooks, entries, catalogue: PRODUCTS.map(([code, family, , , price]) => ({ key: `product-${code}`, family, price })) };
}
