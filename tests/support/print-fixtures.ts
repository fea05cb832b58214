import { expect } from 'chai';
import { defineObject } from './api-helpers.js';
import type { TestEngine, TestResponse } from './test-engine.js';

/** A supplier, a purchase order with a lookup to it, and its lines (master-detail): what a printed purchase order reads. */
export async function definePurchaseOrders(engine: TestEngine): Promise<void> {
  const ok = (response: TestResponse) => expect(response.status, JSON.stringify(response.body)).to.equal(201);
  expect((await engine.request('PUT', '/api/v1/meta/currencies/cny', { corporate: true })).status).to.equal(200);
  ok(
    await defineObject(engine, {
      name: 'supplier',
      label: { en: 'Supplier', 'zh-CN': '供应商' },
      fields: [
        { name: 'name', type: 'text', required: true, label: { en: 'Name', 'zh-CN': '名称' } },
        { name: 'city', type: 'text', label: { en: 'City', 'zh-CN': '城市' } },
      ],
    }),
  );
  ok(
    await defineObject(engine, {
      name: 'purchase_order',
      label: { en: 'Purchase order', 'zh-CN': '采购订单' },
      sharing: 'private',
      fields: [
        { name: 'number', type: 'autonumber', format: 'PO-{0000}', label: { en: 'Number', 'zh-CN': '编号' } },
        { name: 'title', type: 'text', required: true, label: { en: 'Title', 'zh-CN': '标题' } },
        { name: 'supplier', type: 'lookup', target: 'supplier', label: { en: 'Supplier', 'zh-CN': '供应商' } },
        { name: 'order_date', type: 'date', label: { en: 'Order date', 'zh-CN': '订购日期' } },
        {
          name: 'status',
          type: 'picklist',
          values: [
            { value: 'draft', label: { en: 'Draft', 'zh-CN': '草稿' } },
            { value: 'approved', label: { en: 'Approved', 'zh-CN': '已批准' } },
          ],
          default: 'draft',
          label: { en: 'Status', 'zh-CN': '状态' },
        },
        { name: 'total', type: 'currency', label: { en: 'Total', 'zh-CN': '总额' } },
        { name: 'discount', type: 'percent', label: { en: 'Discount', 'zh-CN': '折扣' } },
        { name: 'urgent', type: 'boolean', label: { en: 'Urgent', 'zh-CN': '加急' } },
        { name: 'secret_cost', type: 'number', label: { en: 'Internal cost', 'zh-CN': '内部成本' } },
        { name: 'terms', type: 'richtext', label: { en: 'Terms', 'zh-CN': '条款' } },
      ],
    }),
  );
  ok(
    await defineObject(engine, {
      name: 'po_line',
      label: { en: 'Order line', 'zh-CN': '订单行' },
      fields: [
        { name: 'purchase_order', type: 'masterdetail', target: 'purchase_order' },
        { name: 'product', type: 'text', required: true, label: { en: 'Product', 'zh-CN': '产品' } },
        { name: 'quantity', type: 'number', label: { en: 'Quantity', 'zh-CN': '数量' } },
        { name: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
      ],
    }),
  );
}

/** A purchase order template that shows each kind of value once, each in an element of its own class. */
export const PURCHASE_ORDER_TEMPLATE = {
  name: 'purchase_order_print',
  object: 'purchase_order',
  label: { en: 'Purchase order', 'zh-CN': '采购订单' },
  company: { name: { en: 'Acme Trading', 'zh-CN': '艾克米贸易' }, address: { en: '1 Harbour Road, Shanghai', 'zh-CN': '上海市海港路 1 号' } },
  page: { size: 'A4', margins: { top: 20, bottom: 20 } },
  header: '<p class="company">{{company.name}} · {{company.address}}</p>',
  body: [
    '<h1 class="title">{{record.number}} {{record.title}}</h1>',
    '<p class="supplier">{{record.supplier}} / {{record.supplier.city}}</p>',
    '<p class="date">{{date record.order_date}}</p>',
    '<p class="status">{{label "status"}}: {{field "status"}}</p>',
    '<p class="total">{{field "total"}}</p>',
    '<p class="capital">{{capitalAmount record.total}}</p>',
    '<p class="discount">{{field "discount"}}</p>',
    '<p class="urgent">{{field "urgent"}}</p>',
    '<p class="secret">[{{record.secret_cost}}]</p>',
    '<div class="terms">{{field "terms"}}</div>',
    '<table><thead><tr><th>{{#with related.po_line.[0]}}{{/with}}#</th></tr></thead><tbody>',
    '{{#each related.po_line}}<tr class="line"><td>{{@index}}</td><td>{{product}}</td><td>{{number quantity}}</td><td>{{field "amount"}}</td></tr>{{/each}}',
    '</tbody></table>',
    '<p class="sum">{{money (sum related.po_line "amount")}}</p>',
    '<p class="count">{{count related.po_line}}</p>',
  ].join('\n'),
  footer: '<p class="reader">{{reader.name}}</p>',
};

/** The text of the first element of a class in printed HTML. */
export function textOf(html: string, className: string): string | undefined {
  return new RegExp(`class="${className}"[^>]*>([\\s\\S]*?)</`).exec(html)?.[1];
}
