import { expect } from 'chai';
import { createRecord, expectError } from '../support/api-helpers.js';
import { bearer, createUser, tokenFor } from '../support/auth-helpers.js';
import { definePurchaseOrders, PURCHASE_ORDER_TEMPLATE, textOf } from '../support/print-fixtures.js';
import { startTestEngine, type TestEngine, type TestResponse } from '../support/test-engine.js';

const TEMPLATES = '/api/v1/meta/print-templates';
const PASSWORD = 'a buyer who prints orders';

/** Print templates: checked when saved, printed as HTML under the reader's access, field security and language. */
describe('print templates: saving and printing records as HTML', () => {
  let engine: TestEngine;
  let buyer: string;
  let orderId: string;
  let buyersOrderId: string;
  const print = (id: string, query = '', headers: Record<string, string> = {}) =>
    engine.request('GET', `/api/v1/records/purchase_order/${id}/print/purchase_order_print${query}`, undefined, headers);
  const preview = (body: string, lang = 'en', id = orderId) => engine.request('POST', `/api/v1/records/purchase_order/${id}/print?lang=${lang}`, { body });
  const html = (response: TestResponse): string => {
    expect(response.status, String(response.body).slice(0, 500)).to.equal(200);
    return response.body as string;
  };

  before(async () => {
    engine = await startTestEngine();
    await definePurchaseOrders(engine);
    expect((await engine.request('POST', TEMPLATES, PURCHASE_ORDER_TEMPLATE)).status).to.equal(201);
    const set = {
      name: 'buyer',
      objects: { purchase_order: { create: true, read: true, edit: true }, po_line: { create: true, read: true, edit: true }, supplier: { read: true } },
      fields: { purchase_order: { secret_cost: { read: false } } },
    };
    expect((await engine.request('POST', '/api/v1/meta/permission-sets', set)).status).to.equal(201);
    await createUser(engine, { full_name: 'Bo Buyer', email: 'bo@example.com', permission_sets: ['standard_user', 'buyer'] }, PASSWORD);
    buyer = await tokenFor(engine, 'bo@example.com', PASSWORD);
    const supplier = await createRecord(engine, 'supplier', { name: 'Shenzhen Parts', city: 'Shenzhen' });
    const order = await createRecord(engine, 'purchase_order', {
      title: 'Laptops',
      supplier: supplier._id,
      order_date: '2017-03-01',
      status: 'approved',
      total: 1234.56,
      discount: 12.5,
      urgent: true,
      secret_cost: 999,
    });
    orderId = order._id;
    await createRecord(engine, 'po_line', { purchase_order: orderId, product: 'ThinkPad X1', quantity: 2, amount: 1000 });
    await createRecord(engine, 'po_line', { purchase_order: orderId, product: 'Mouse', quantity: 1500, amount: 234.56 });
    const own = await engine.request('POST', '/api/v1/records/purchase_order', { title: 'Paper', supplier: supplier._id, total: 100 }, bearer(buyer));
    expect(own.status, JSON.stringify(own.body)).to.equal(201);
    buyersOrderId = own.body._id;
    expect((await engine.request('PATCH', `/api/v1/records/purchase_order/${buyersOrderId}`, { secret_cost: 7 })).status).to.equal(200);
  });
  after(() => engine.stop());

  describe('saving', () => {
    const refused = async (body: string, line: number, text: RegExp, part = 'body') => {
      const response = await engine.request('POST', TEMPLATES, { name: 'broken', object: 'purchase_order', [part]: body, ...(part === 'body' ? {} : { body: 'x' }) });
      const details = expectError(response, 400, 'validation_failed');
      expect(details.map((detail) => detail.path)).to.include(`/${part}`);
      const message = details.find((detail) => detail.path === `/${part}`)!.message;
      expect(message).to.match(new RegExp(`^line ${line}: `));
      expect(message).to.match(text);
      expectError(await engine.request('GET', `${TEMPLATES}/broken`), 404, 'not_found');
    };

    it('refuses a syntax error with the part and its line', async () => {
      await refused('<p>\n{{record.title}}\n{{#each related.po_line}}<td>{{product}}</td>\n', 4, /is not a valid template/);
      await refused('ok\n{{#if record.urgent}}', 2, /is not a valid template/, 'footer');
    });

    it('refuses a field, a parent field or a related list the object does not have', async () => {
      await refused('<p>{{record.title}}</p>\n<p>{{record.titel}}</p>', 2, /'titel' is not a field of purchase_order/);
      await refused('\n\n{{record.supplier.country}}', 3, /'country' is not a field of supplier/);
      await refused('{{#each related.invoices}}{{/each}}', 1, /'related.invoices' is not a related list of purchase_order: it has po_line/);
      await refused('{{#each related.po_line}}\n{{product}} {{colour}}{{/each}}', 2, /'colour' is not a field of po_line/);
      await refused('{{title}}', 1, /write record.title for a field of the record/);
      await refused('{{field "totl"}}', 1, /'totl' is not a field of purchase_order/);
    });

    it('refuses unknown helpers, triple braces, partials and decorators', async () => {
      await refused('x\n{{shout record.title}}', 2, /unknown helper shout/);
      await refused('{{log record.title}}', 1, /unknown helper log/);
      await refused('<p>{{{record.title}}}</p>', 1, /without escaping/);
      await refused('<p>{{& record.title}}</p>', 1, /without escaping/);
      await refused('\n{{> letterhead}}', 2, /partials/);
      await refused('{{* decorate}}', 1, /decorators/);
    });

    it('refuses a prototype property as an unknown field when saved', async () => {
      await refused('{{record.constructor.name}}', 1, /'constructor' is not a field of purchase_order/);
      await refused('{{record.__proto__}}', 1, /'__proto__' is not a field of purchase_order/);
    });

    it("answers in the admin's language", async () => {
      const response = await engine.request('POST', TEMPLATES, { name: 'broken', object: 'purchase_order', body: '\n{{record.titel}}' }, { 'accept-language': 'zh-CN' });
      const [detail] = expectError(response, 400, 'validation_failed');
      expect(detail!.message).to.equal("第 2 行：'titel' 不是 purchase_order 的字段");
    });
  });

  describe('printing', () => {
    it("prints the record, its parent, its lines, sums and the company in English", async () => {
      const page = html(await print(orderId, '?lang=en'));
      expect(page).to.match(/^<!DOCTYPE html>\n<html lang="en">/);
      expect(page).to.include('@page { size: A4 portrait; margin: 20mm 15mm 20mm 15mm; }');
      expect(textOf(page, 'company')).to.equal('Acme Trading · 1 Harbour Road, Shanghai');
      expect(textOf(page, 'title')).to.equal('PO-0001 Laptops');
      expect(textOf(page, 'supplier')).to.equal('Shenzhen Parts / Shenzhen');
      expect(textOf(page, 'date')).to.equal('Mar 1, 2017');
      expect(textOf(page, 'status')).to.equal('Status: Approved');
      expect(textOf(page, 'total')).to.equal('CN¥1,234.56');
      expect(textOf(page, 'capital')).to.equal('壹仟贰佰叁拾肆元伍角陆分');
      expect(textOf(page, 'discount')).to.equal('12.50%');
      expect(textOf(page, 'urgent')).to.equal('Yes');
      expect(textOf(page, 'secret')).to.equal('[999]');
      const lines = [...page.matchAll(/<tr class="line">([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((cell) => cell[1]));
      expect(lines).to.deep.equal([
        ['0', 'ThinkPad X1', '2', 'CN¥1,000.00'],
        ['1', 'Mouse', '1,500', 'CN¥234.56'],
      ]);
      expect(textOf(page, 'sum')).to.equal('CN¥1,234.56');
      expect(textOf(page, 'count')).to.equal('2');
      expect(textOf(page, 'reader')).to.equal('Administrator');
    });

    it('prints the same record in Chinese: labels, dates and money as a zh-CN reader writes them', async () => {
      const page = html(await print(orderId, '', { 'accept-language': 'zh-CN' }));
      expect(page).to.match(/<html lang="zh-CN">/);
      expect(page).to.include('<title>采购订单 Laptops</title>');
      expect(textOf(page, 'company')).to.equal('艾克米贸易 · 上海市海港路 1 号');
      expect(textOf(page, 'date')).to.equal('2017年3月1日');
      expect(textOf(page, 'status')).to.equal('状态: 已批准');
      expect(textOf(page, 'total')).to.equal('¥1,234.56');
      expect(textOf(page, 'urgent')).to.equal('是');
      expect(textOf(page, 'sum')).to.equal('¥1,234.56');
    });

    it('answers a document that runs nothing and loads nothing', async () => {
      const response = await print(orderId);
      expect(response.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).to.match(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
      // A client asking for JSON (the web app) gets the same document as a value, to frame it itself.
      const json = await print(orderId, '', { accept: 'application/json' });
      expect(json.status).to.equal(200);
      expect(json.body).to.deep.equal({ title: 'Purchase order Laptops', html: response.body });
    });

    it('formats dates, numbers and money in the reader locale, in English and Chinese', async () => {
      const body = [
        '<i class="date">{{date "2017-03-01"}}</i>',
        '<i class="long">{{date "2017-03-01" "long"}}</i>',
        '<i class="moment">{{datetime "2017-03-01T15:04:00Z"}}</i>',
        '<i class="number">{{number 1234567.891}}</i>',
        '<i class="fixed">{{number 1234.5 2}}</i>',
        '<i class="money">{{money 1234.5}}</i>',
        '<i class="dollars">{{money -1234.5 "USD"}}</i>',
        '<i class="percent">{{percent 12.5}}</i>',
        '<i class="compare">{{#if (gt record.total 1000)}}big{{else}}small{{/if}}</i>',
        '<i class="logic">{{#if (and (eq "a" "a") (or false (lte 1 1)) (not (ne 1 1)) (gte 2 2) (lt "a" "b"))}}yes{{else}}no{{/if}}</i>',
        '<i class="mixed">{{#if (gt "2" 1)}}yes{{else}}no{{/if}}</i>',
      ].join('');
      const en = html(await preview(body, 'en'));
      const zh = html(await preview(body, 'zh-CN'));
      const expected: [string, string, string][] = [
        ['date', 'Mar 1, 2017', '2017年3月1日'],
        ['long', 'March 1, 2017', '2017年3月1日'],
        ['moment', 'Mar 1, 2017, 3:04 PM', '2017年3月1日 15:04'],
        ['number', '1,234,567.891', '1,234,567.891'],
        ['fixed', '1,234.50', '1,234.50'],
        ['money', 'CN¥1,234.50', '¥1,234.50'],
        ['dollars', '-$1,234.50', '-US$1,234.50'],
        ['percent', '12.5%', '12.5%'],
        ['compare', 'big', 'big'],
        ['logic', 'yes', 'yes'],
        ['mixed', 'no', 'no'],
      ];
      for (const [name, inEnglish, inChinese] of expected) {
        expect(textOf(en, name), name).to.equal(inEnglish);
        expect(textOf(zh, name), name).to.equal(inChinese);
      }
    });

    it("writes amounts in Chinese capital numerals by the central bank's rules for bills", async () => {
      // The examples of 《正确填写票据和结算凭证的基本规定》 first, then zeros, negatives and large amounts.
      const cases: [string, string][] = [
        ['1409.50', '壹仟肆佰零玖元伍角'],
        ['6007.14', '陆仟零柒元壹角肆分'],
        ['1680.32', '壹仟陆佰捌拾元零叁角贰分'],
        ['107000.53', '壹拾万柒仟元零伍角叁分'],
        ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
        ['325.04', '叁佰贰拾伍元零肆分'],
        ['1234.56', '壹仟贰佰叁拾肆元伍角陆分'],
        ['100', '壹佰元整'],
        ['1005.07', '壹仟零伍元零柒分'],
        ['0', '零元整'],
        ['0.5', '伍角'],
        ['0.05', '伍分'],
        ['10', '壹拾元整'],
        ['-1234.56', '负壹仟贰佰叁拾肆元伍角陆分'],
        ['100000000', '壹亿元整'],
        ['100000001', '壹亿零壹元整'],
        ['100050000', '壹亿零伍万元整'],
        ['10010000', '壹仟零壹万元整'],
        ['123456789012.34', '壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分'],
        ['1.005', '壹元零壹分'],
      ];
      const page = html(await preview(cases.map(([amount], index) => `<i class="c${index}">{{capitalAmount ${amount}}}</i>`).join(''), 'en'));
      expect(cases.map((_, index) => textOf(page, `c${index}`))).to.deep.equal(cases.map(([, capital]) => capital));
    });

    it('prints a value with markup as text: a <script> in a record is inert', async () => {
      const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      const order = await createRecord(engine, 'purchase_order', { title: hostile, total: 1 });
      await createRecord(engine, 'po_line', { purchase_order: order._id, product: '"><script>alert(3)</script>', amount: 1 });
      const page = html(await print(order._id));
      expect(page).to.not.match(/<script|<img/i);
      expect(textOf(page, 'title')).to.equal('PO-0003 &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
      expect(page).to.include('<td>&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;</td>');
    });

    it('prints rich text as its sanitised formatting, not as escaped tags', async () => {
      const order = await createRecord(engine, 'purchase_order', { title: 'Terms', terms: '<p>Pay within <b>30 days</b></p><script>alert(4)</script><p onclick="alert(5)">Net</p>' });
      const page = html(await print(order._id));
      expect(/<div class="terms">([\s\S]*?)<\/div>/.exec(page)?.[1]).to.equal('<p>Pay within <b>30 days</b></p><p>Net</p>');
      expect(page).to.not.match(/<script|onclick/i);
    });

    it("refuses templates the prototypes of the print's values, even where saving could not see it", async () => {
      process.env.PRINT_CANARY = 'canary-7f3a';
      const page = html(
        await preview(
          '<i class="a">{{#with company}}{{constructor.name}}{{/with}}</i><i class="b">{{lookup record "constructor"}}</i>' +
            '<i class="c">{{#each related.po_line as |line|}}{{line.__proto__}}{{line.constructor}}{{/each}}</i>',
        ),
      );
      expect([textOf(page, 'a'), textOf(page, 'b'), textOf(page, 'c')]).to.deep.equal(['', '', '']);
      // The well-known escape from Handlebars to the Function constructor: it must find nothing to call.
      const exploit = [
        '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}',
        '{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return process.env.PRINT_CANARY;"}}{{this.pop}}',
        '{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
      ].join('');
      const attempt = await preview(exploit);
      expect(String(attempt.body)).to.not.include('canary-7f3a');
      expect([200, 400, 422]).to.include(attempt.status);
      delete process.env.PRINT_CANARY;
    });
  });

  describe("the reader's access", () => {
    it("leaves out a field the reader may not read, and prints the rest", async () => {
      const page = html(await print(buyersOrderId, '', bearer(buyer)));
      expect(textOf(page, 'title')).to.equal('PO-0002 Paper');
      expect(textOf(page, 'secret')).to.equal('[]');
      expect(textOf(page, 'reader')).to.equal('Bo Buyer');
      expect(textOf(html(await print(buyersOrderId)), 'secret')).to.equal('[7]');
    });

    it("prints a parent the reader's object rights hide from them as empty, rather than refusing the print", async () => {
      const set = { name: 'orders_only', objects: { purchase_order: { create: true, read: true }, po_line: { read: true } } };
      expect((await engine.request('POST', '/api/v1/meta/permission-sets', set)).status).to.equal(201);
      const olgaId = await createUser(engine, { full_name: 'Olga Orders', email: 'olga@example.com', permission_sets: ['standard_user', 'orders_only'] }, PASSWORD);
      const olga = await tokenFor(engine, 'olga@example.com', PASSWORD);
      const supplier = await createRecord(engine, 'supplier', { name: 'Hidden Supplier', city: 'Nowhere' });
      // Made by the admin, who may name the supplier, and handed to Olga.
      const order = await createRecord(engine, 'purchase_order', { title: 'Olga order', supplier: supplier._id });
      expect((await engine.request('PUT', `/api/v1/records/purchase_order/${order._id}/owner`, { owner: olgaId })).status).to.equal(200);
      const page = html(await print(order._id, '', bearer(olga)));
      expect(textOf(page, 'title')).to.match(/ Olga order$/);
      expect(textOf(page, 'supplier')).to.equal(' / ');
    });

    it('answers 404 for a record the reader may not see, as GET does', async () => {
      expectError(await engine.request('GET', `/api/v1/records/purchase_order/${orderId}`, undefined, bearer(buyer)), 404, 'not_found');
      expectError(await print(orderId, '', bearer(buyer)), 404, 'not_found');
      expectError(await print(orderId, '?format=pdf', bearer(buyer)), 404, 'not_found');
    });

    it('answers 403 to a user who may not read the object, and 404 for a template the object does not have', async () => {
      await createUser(engine, { full_name: 'Sam Nobody', email: 'sam@example.com', permission_sets: ['standard_user'] }, PASSWORD);
      const nobody = await tokenFor(engine, 'sam@example.com', PASSWORD);
      expectError(await print(orderId, '', bearer(nobody)), 403, 'forbidden');
      expectError(await engine.request('GET', `/api/v1/records/purchase_order/${orderId}/print/invoice_print`), 404, 'not_found');
      expectError(await print(orderId, '?format=docx'), 400, 'validation_failed');
    });

    it("lists the object's templates to its readers by name and label, without their source", async () => {
      const listed = await engine.request('GET', `${TEMPLATES}?object=purchase_order`, undefined, bearer(buyer));
      expect(listed.status, JSON.stringify(listed.body)).to.equal(200);
      expect(listed.body.printTemplates).to.deep.equal([{ name: 'purchase_order_print', object: 'purchase_order', label: PURCHASE_ORDER_TEMPLATE.label }]);
    });

    it('lets only admins preview a template not saved yet', async () => {
      expectError(await engine.request('POST', `/api/v1/records/purchase_order/${buyersOrderId}/print`, { body: 'x' }, bearer(buyer)), 403, 'forbidden');
      const details = expectError(await preview('{{record.nope}}'), 400, 'validation_failed');
      expect(details.map((detail) => detail.path)).to.deep.equal(['/body']);
    });
  });
});
