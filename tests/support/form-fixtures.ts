import { expect } from 'chai';
import { defineObject } from './api-helpers.js';
import type { TestEngine } from './test-engine.js';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** purchase_request: one field of every type, labelled in both languages, in definition order. */
export const PURCHASE_REQUEST = {
  name: 'purchase_request',
  label: label('Purchase request', '采购申请'),
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 20,
      label: label('Title', '标题'),
      helpText: label('What is bought, in a few words.', '采购内容，简短描述。'),
    },
    { name: 'description', type: 'longtext', maxLength: 200, label: label('Description', '描述') },
    { name: 'quantity', type: 'number', min: 1, max: 1000, label: label('Quantity', '数量') },
    { name: 'amount', type: 'currency', currency: 'USD', max: 100000, label: label('Amount', '金额') },
    { name: 'budget', type: 'currency', scale: 0, label: label('Budget', '预算') },
    { name: 'discount', type: 'percent', min: 0, max: 100, label: label('Discount', '折扣') },
    { name: 'needed_by', type: 'date', label: label('Needed by', '需要日期') },
    { name: 'approved_at', type: 'datetime', label: label('Approved at', '批准时间') },
    { name: 'urgent', type: 'boolean', label: label('Urgent', '紧急') },
    {
      name: 'priority',
      type: 'picklist',
      default: 'normal',
      label: label('Priority', '优先级'),
      values: [
        { value: 'low', label: label('Low', '低') },
        { value: 'normal', label: label('Normal', '普通') },
        { value: 'high', label: label('High', '高') },
        { value: 'legacy', active: false },
      ],
    },
    {
      name: 'channels',
      type: 'multipicklist',
      maxSelected: 2,
      label: label('Channels', '渠道'),
      values: [
        { value: 'mail', label: label('Mail', '邮寄') },
        { value: 'phone', label: label('Phone', '电话') },
        { value: 'web', label: label('Web', '网站') },
      ],
    },
    { name: 'contact_email', type: 'email', label: label('Contact e-mail', '联系邮箱') },
    { name: 'contact_phone', type: 'phone', label: label('Contact phone', '联系电话') },
    { name: 'website', type: 'url', label: label('Website', '网址') },
    { name: 'supplier', type: 'lookup', target: 'supplier', label: label('Supplier', '供应商') },
    { name: 'department', type: 'masterdetail', target: 'department', label: label('Department', '部门') },
    { name: 'number', type: 'autonumber', format: 'PR-{0000}', label: label('Number', '编号') },
    { name: 'extra', type: 'json', label: label('Extra data', '附加数据') },
    { name: 'line_total', type: 'formula', expression: 'quantity * amount', resultType: 'currency', label: label('Total', '合计') },
  ],
};

/** The roll-up is added once its child exists: the child's master-detail points back here. */
export const LINE_COUNT = { name: 'line_count', type: 'rollup', child: 'request_line', function: 'count', label: label('Line count', '明细数') };

/** Every field of purchase_request in definition order, the roll-up last. */
export const ALL_FIELDS = [...PURCHASE_REQUEST.fields.map((field) => field.name), LINE_COUNT.name];

/**
 * The two-section data-entry layout: two columns first, then a folded section; amount required and
 * discount read only on this layout alone. Holds every field.
 */
export const ENTRY_LAYOUT = {
  name: 'pr_entry',
  object: 'purchase_request',
  isDefault: true,
  label: label('Entry', '录入'),
  sections: [
    {
      title: label('Request', '申请信息'),
      columns: 2,
      fields: ['title', { field: 'amount', required: true }, 'quantity', 'priority', 'needed_by', 'approved_at', 'supplier', 'department', 'number', 'line_total', 'line_count'],
    },
    {
      title: label('More', '更多信息'),
      collapsed: true,
      fields: ['description', { field: 'discount', readOnly: true }, 'budget', 'urgent', 'channels', 'contact_email', 'contact_phone', 'website', 'extra'],
    },
  ],
  relatedLists: [{ object: 'request_line', columns: ['product', 'quantity'], label: label('Lines', '明细') }],
};

/** Defines supplier, department, purchase_request with every field type, request_line, and the roll-up. */
export async function defineFormFixtures(engine: TestEngine): Promise<void> {
  await defineObject(engine, { name: 'supplier', label: label('Supplier', '供应商'), fields: [{ name: 'company', type: 'text', required: true }, { name: 'city', type: 'text' }] });
  await defineObject(engine, { name: 'department', fields: [{ name: 'title', type: 'text' }] });
  await defineObject(engine, PURCHASE_REQUEST);
  await defineObject(engine, {
    name: 'request_line',
    fields: [
      { name: 'request', type: 'masterdetail', target: 'purchase_request' },
      { name: 'product', type: 'text' },
      { name: 'quantity', type: 'number' },
    ],
  });
  const rollup = await engine.request('POST', '/api/v1/meta/objects/purchase_request/fields', LINE_COUNT);
  expect(rollup.status, JSON.stringify(rollup.body)).to.equal(201);
}
