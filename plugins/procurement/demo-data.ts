import type { DemoDataContext } from '../../engine/packs/index.js';

type DemoRecord = { _key: string; [field: string]: unknown };
const ref = (key: string) => ({ $key: key });
const DAY = 86_400_000;
/** Purchase requests over the year: about one a working day and a half, as a mid-sized company raises them. */
const REQUESTS = 180;

/** The demo users, one per role (two buyers), each reporting to the one above. */
const USERS = [
  { key: 'user-procurement-director', role: 'procurement_director', name: 'Helen Zhao 赵海伦', sets: ['standard_user', 'procurement_manager'] },
  { key: 'user-procurement-manager', role: 'procurement_manager', name: 'Martin Xu 徐马丁', sets: ['standard_user', 'procurement_manager'], manager: 'user-procurement-director' },
  { key: 'user-buyer', role: 'buyer', name: 'Li Na 李娜', sets: ['standard_user', 'procurement_user'], manager: 'user-procurement-manager' },
  { key: 'user-buyer-2', role: 'buyer', name: 'Tom Becker', sets: ['standard_user', 'procurement_user'], manager: 'user-procurement-manager', email: 'buyer2' },
  { key: 'user-cfo', role: 'cfo', name: 'Grace Wang 王雅', sets: ['standard_user', 'procurement_payables', 'executive'] },
  { key: 'user-finance-controller', role: 'finance_controller', name: 'Chen Jie 陈杰', sets: ['standard_user', 'procurement_payables'], manager: 'user-cfo' },
];

/** Categories, each with the goods or services bought in it: name, unit, price range. */
const CATEGORIES: { code: string; name: string; items: [string, string, number, number][] }[] = [
  { code: 'IT-HW', name: 'IT hardware 电脑硬件', items: [['Laptop 14"', 'each', 5200, 9800], ['Monitor 27"', 'each', 1300, 2600], ['Docking station', 'each', 900, 1500], ['Network switch', 'each', 2500, 8000], ['Server rack', 'each', 18000, 42000], ['Keyboard and mouse set', 'each', 120, 380]] },
  { code: 'SW', name: 'Software 软件', items: [['Office suite licence', 'licence', 600, 1200], ['CAD seat', 'licence', 9000, 21000], ['Cloud storage (1 TB)', 'month', 80, 160], ['Antivirus licence', 'licence', 90, 220]] },
  { code: 'OFFICE', name: 'Office supplies 办公用品', items: [['A4 paper (5 reams)', 'box', 95, 140], ['Toner cartridge', 'each', 380, 760], ['Notebooks (pack of 10)', 'box', 45, 90], ['Whiteboard markers', 'box', 30, 60]] },
  { code: 'FURN', name: 'Furniture 办公家具', items: [['Office chair', 'each', 900, 2600], ['Standing desk', 'each', 2400, 5200], ['Meeting table', 'each', 3800, 9500], ['Filing cabinet', 'each', 700, 1600]] },
  { code: 'FAC', name: 'Facility services 物业服务', items: [['Office cleaning', 'month', 6000, 14000], ['Security guard service', 'month', 9000, 22000], ['HVAC maintenance', 'hour', 180, 320], ['Plant care', 'month', 600, 1500]] },
  { code: 'LOG', name: 'Logistics 物流', items: [['Freight, domestic (pallet)', 'each', 350, 900], ['Express courier', 'each', 18, 60], ['Warehouse space', 'month', 12000, 30000]] },
  { code: 'MKT', name: 'Marketing services 市场服务', items: [['Trade-show booth', 'each', 25000, 80000], ['Printed brochures (1,000)', 'box', 1800, 4200], ['Promotional gifts', 'box', 1200, 5000]] },
  { code: 'RAW', name: 'Raw materials 原材料', items: [['Aluminium sheet', 'kg', 22, 38], ['Stainless steel bar', 'kg', 28, 52], ['ABS granulate', 'kg', 14, 24], ['Copper wire', 'kg', 65, 95]] },
  { code: 'PACK', name: 'Packaging 包装材料', items: [['Carton box, medium', 'box', 180, 320], ['Pallet wrap film', 'box', 240, 420], ['Foam inserts', 'box', 300, 650]] },
  { code: 'PRO', name: 'Professional services 专业服务', items: [['Legal advice', 'hour', 1200, 2800], ['IT consulting', 'hour', 800, 1800], ['Translation', 'hour', 250, 600], ['Audit support', 'hour', 1000, 2200]] },
];

const CITIES_CN = ['上海', '深圳', '苏州', '杭州', '北京', '广州', '宁波', '成都'];
const WORDS_CN = ['华信', '恒达', '金石', '远航', '博联', '天成', '鼎盛', '新元', '宏图', '嘉禾', '瑞丰', '中科'];
const TRADES_CN = ['科技有限公司', '贸易有限公司', '实业有限公司', '物流有限公司', '办公设备有限公司'];
const WORDS_EN = ['Northwind', 'Bluepeak', 'Harbor', 'Summit', 'Evergreen', 'Ironbridge', 'Silverline', 'Redwood', 'Atlas', 'Crescent'];
const TRADES_EN = ['Supplies', 'Industrial', 'Logistics', 'Systems', 'Office Solutions', 'Materials'];
const FORMS_EN = ['Ltd', 'GmbH', 'Inc.', 'Pte. Ltd.', 'B.V.'];
const CITIES_EN = [['Hamburg', 'Germany'], ['Singapore', 'Singapore'], ['Rotterdam', 'Netherlands'], ['Manchester', 'United Kingdom'], ['Chicago', 'United States']];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '周'];
const GIVEN = ['伟', '芳', '敏', '静', '强', '磊', '洋', '娟'];
const FIRST_EN = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Frank', 'Julia', 'Mark'];
const LAST_EN = ['Schmidt', 'Miller', 'de Vries', 'Taylor', 'Tan', 'Brown', 'Fischer', 'Lee'];
const DEPARTMENTS = ['operations', 'it', 'sales', 'marketing', 'service', 'finance', 'facilities'];

/**
 * A year of procurement up to `today`: suppliers with contacts, the catalogue, purchase requests
 * (drafts lately, ordered or rejected before), purchase orders with their lines, goods receipts
 * (older orders complete, recent ones partly), supplier invoices (paid, released, a few blocked by
 * the three-way match) and the payment requests handed to finance; users for every role.
 */
export function procurementDemoData({ today, random }: DemoDataContext): Record<string, DemoRecord[]> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (low: number, high: number) => low + random() * (high - low);
  const whole = (low: number, high: number) => Math.floor(between(low, high + 1));
  const day = (offset: number) => new Date(today.getTime() + offset * DAY).toISOString().slice(0, 10);
  const money = (value: number) => Math.round(value * 100) / 100;

  const user = USERS.map((entry) => ({
    _key: entry.key,
    full_name: entry.name,
    email: `${entry.email ?? entry.role}@demo.crm.local`,
    role: entry.role,
    permission_sets: entry.sets,
    ...(entry.manager ? { manager: ref(entry.manager) } : {}),
  }));

  const purchase_category = CATEGORIES.map((category) => ({ _key: `cat-${category.code.toLowerCase()}`, name: category.name, code: category.code }));

  const supplier: DemoRecord[] = [];
  const supplier_contact: DemoRecord[] = [];
  const suppliersOf = new Map<string, string[]>();
  for (let index = 0; index < 40; index++) {
    const chinese = index % 2 === 0;
    const category = CATEGORIES[index % CATEGORIES.length]!;
    const [city, country] = chinese ? [pick(CITIES_CN), '中国'] : pick(CITIES_EN);
    const name = chinese ? `${city}${WORDS_CN[index % WORDS_CN.length]}${pick(TRADES_CN)}` : `${WORDS_EN[index % WORDS_EN.length]} ${pick(TRADES_EN)} ${pick(FORMS_EN)}`;
    const key = `sup-${String(index + 1).padStart(3, '0')}`;
    const status = index % 13 === 7 ? 'on_hold' : 'active';
    supplier.push({
      _key: key, name, code: `S${10000 + index}`, status, rating: pick(['a', 'a', 'b', 'b', 'b', 'c']), category: ref(`cat-${category.code.toLowerCase()}`),
      email: `orders@supplier${index + 1}.example.com`, phone: chinese ? `+86 21 ${whole(5000, 6999)} ${whole(1000, 9999)}` : `+49 40 ${whole(100000, 999999)}`,
      city, country, payment_terms: pick(['net_30', 'net_30', 'net_60', 'net_15']),
    });
    if (status === 'active') suppliersOf.set(category.code, [...(suppliersOf.get(category.code) ?? []), key]);
    for (let contact = 0; contact < 1 + (index % 3); contact++) {
      const full_name = chinese ? `${pick(SURNAMES)}${pick(GIVEN)}` : `${pick(FIRST_EN)} ${pick(LAST_EN)}`;
      supplier_contact.push({ _key: `${key}-c${contact + 1}`, supplier: ref(key), full_name, title: contact === 0 ? 'Account manager' : pick(['Sales', 'Logistics', 'Accounts receivable']), email: `contact${contact + 1}@supplier${index + 1}.example.com`, primary: contact === 0 });
    }
  }

  const catalogue_item: DemoRecord[] = [];
  const items: { key: string; category: string; name: string; price: number }[] = [];
  for (const category of CATEGORIES) {
    category.items.forEach(([name, unit, low, high], index) => {
      const key = `item-${category.code.toLowerCase()}-${index + 1}`;
      const price = money(between(low, high));
      const preferred = suppliersOf.get(category.code)?.[0];
      catalogue_item.push({ _key: key, name, code: `${category.code}-${String(index + 1).padStart(3, '0')}`, category: ref(`cat-${category.code.toLowerCase()}`), unit, standard_price: price, lead_time_days: whole(2, 30), ...(preferred ? { preferred_supplier: ref(preferred) } : {}) });
      items.push({ key, category: category.code, name, price });
    });
  }

  const purchase_request: DemoRecord[] = [];
  const purchase_request_line: DemoRecord[] = [];
  const purchase_order: DemoRecord[] = [];
  const purchase_order_line: DemoRecord[] = [];
  const goods_receipt: DemoRecord[] = [];
  const supplier_invoice: DemoRecord[] = [];
  const payment_request: DemoRecord[] = [];
  for (let index = 0; index < REQUESTS; index++) {
    const age = Math.floor((index / REQUESTS) * 365) + whole(0, 1);
    const raisedOn = -365 + age;
    const first = pick(items);
    const suppliers = suppliersOf.get(first.category) ?? [...suppliersOf.values()].flat();
    const supplierKey = pick(suppliers);
    const key = `pr-${String(index + 1).padStart(4, '0')}`;
    const recent = raisedOn > -10;
    const status = recent ? 'draft' : random() < 0.1 ? 'rejected' : random() < 0.05 ? 'cancelled' : 'ordered';
    const lines = Array.from({ length: whole(1, 4) }, (_, line) => {
      const item = line === 0 ? first : pick(items.filter((candidate) => candidate.category === first.category));
      const quantity = item.price > 5000 ? whole(1, 4) : whole(2, 40);
      return { item, quantity, unit_price: money(item.price * between(0.95, 1.05)) };
    });
    purchase_request.push({
      _key: key, title: `${first.name} for ${pick(DEPARTMENTS)}`, supplier: ref(supplierKey), department: pick(DEPARTMENTS), needed_by: day(raisedOn + whole(10, 30)), status,
      justification: pick(['Replacement of worn-out equipment.', 'New hires this quarter.', 'Customer project, budget approved.', '季度常规补货。', '新项目启动所需。']),
      ...(status === 'ordered' ? { approved_on: day(raisedOn + whole(1, 4)) } : {}),
    });
    lines.forEach((line, number) => purchase_request_line.push({ _key: `${key}-l${number + 1}`, purchase_request: ref(key), item: ref(line.item.key), description: line.item.name, quantity: line.quantity, unit_price: line.unit_price }));
    if (status !== 'ordered') continue;

    const orderKey = `po-${String(index + 1).padStart(4, '0')}`;
    const orderedOn = raisedOn + whole(2, 5);
    const expectedOn = orderedOn + whole(5, 25);
    purchase_order.push({ _key: orderKey, title: `${first.name} for ${pick(DEPARTMENTS)}`, supplier: ref(supplierKey), purchase_request: ref(key), buyer: ref(pick(['user-buyer', 'user-buyer-2'])), order_date: day(orderedOn), expected_date: day(expectedOn), status: expectedOn < -60 ? 'closed' : 'issued', ship_to: 'Main warehouse, 88 Century Avenue, Shanghai' });
    let received = 0;
    lines.forEach((line, number) => {
      const lineKey = `${orderKey}-l${number + 1}`;
      purchase_order_line.push({ _key: lineKey, purchase_order: ref(orderKey), item: ref(line.item.key), description: line.item.name, quantity: line.quantity, unit_price: line.unit_price });
      // Delivered orders arrive complete, some in two parts; the last weeks' orders partly or not yet.
      const share = expectedOn < -5 ? 1 : expectedOn < 5 ? pick([0, 0.5, 1]) : 0;
      const quantity = Math.floor(line.quantity * share * 100) / 100;
      if (quantity <= 0) return;
      const split = quantity >= 2 && random() < 0.3 ? Math.floor(quantity / 2) : 0;
      const parts = split > 0 ? [split, quantity - split] : [quantity];
      parts.forEach((part, at) => goods_receipt.push({ _key: `${lineKey}-gr${at + 1}`, purchase_order_line: ref(lineKey), received_on: day(Math.min(expectedOn + at * 3, 0)), quantity: part, delivery_note: `DN-${whole(100000, 999999)}` }));
      received += quantity * line.unit_price;
    });
    if (received <= 0 || expectedOn > -3) continue;

    const invoiceKey = `inv-${String(index + 1).padStart(4, '0')}`;
    const invoicedOn = Math.min(expectedOn + whole(1, 10), 0);
    const mismatch = random() < 0.06;
    const amount = money(mismatch ? received * between(1.08, 1.2) : received);
    const paidLongAgo = invoicedOn < -45;
    const invoiceStatus = mismatch ? 'received' : paidLongAgo ? 'paid' : invoicedOn < -10 ? 'released' : 'received';
    supplier_invoice.push({ _key: invoiceKey, invoice_number: `INV-${whole(2000000, 2999999)}`, purchase_order: ref(orderKey), supplier: ref(supplierKey), invoice_date: day(invoicedOn), due_date: day(invoicedOn + 30), amount, status: invoiceStatus, ...(mismatch ? { notes: 'Billed above the received goods: asked the supplier for a credit note.' } : {}) });
    if (invoiceStatus === 'received') continue;
    payment_request.push({ _key: `pay-${String(index + 1).padStart(4, '0')}`, supplier_invoice: ref(invoiceKey), supplier: ref(supplierKey), amount, due_date: day(invoicedOn + 30), status: invoiceStatus === 'paid' ? 'paid' : pick(['requested', 'scheduled']), ...(invoiceStatus === 'paid' ? { paid_on: day(invoicedOn + whole(20, 30)) } : {}) });
  }
  return { user, purchase_category, supplier, supplier_contact, catalogue_item, purchase_request, purchase_request_line, purchase_order, purchase_order_line, goods_receipt, supplier_invoice, payment_request };
}
