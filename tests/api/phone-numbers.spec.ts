import { expect } from 'chai';
import { defineObject, expectError, listRecords } from '../support/api-helpers.js';
import { startTestEngine, type TestEngine } from '../support/test-engine.js';

/**
 * Suppliers and customers of a trading company, with their numbers written the way each country
 * writes them (a made-up list in the shape of the Northwind sample's): every one imports as written.
 */
const SUPPLIERS: [string, string, string | null][] = [
  ['Exotic Liquids Ltd', '(171) 555-2222', null],
  ['New Orleans Spice Works', '(100) 555-4822', null],
  ['Grandma Ruth Homestead', '(313) 555-5735', '(313) 555-3349'],
  ['Tokyo Trading Partners', '(03) 3555-5011', null],
  ['Cooperativa de Quesos Sur', '(98) 598 76 54', null],
  ['Mayumi Foods', '(06) 431-7877', null],
  ['Pavlova Export Pty', '(03) 444-2343', '(03) 444-6588'],
  ['Specialty Biscuits Co', '(161) 555-4448', null],
  ['Svensk Sjöföda AB', '08-123 45 67', null],
  ['Refrescos Americanas', '(11) 555 4640', null],
  ['Heli Süßwaren', '(010) 9984510', null],
  ['Plutzer Lebensmittel', '(069) 992755', '(069) 992755 x12'],
  ['Nord-Ost-Fisch', '(04721) 8713', '(04721) 8714'],
  ['Formaggi Fortini', '(0544) 60323', '(0544) 60603'],
  ['Norske Meierier', '(0)2-953010', null],
  ['Bigfoot Breweries', '(503) 555-9931', null],
  ['Lyngbysild', '43844108', '43844115'],
  ['Zaanse Snoepfabriek', '(12345) 1212', '(12345) 1210'],
  ['Karkki Oy', '(953) 10956', null],
  ['Gday Mate Wholesale', '(02) 555-5914', '(02) 555-4873'],
  ['Ma Maison', '(514) 555-9022', null],
  ['Pasta Buttini', '(089) 6547665', '(089) 6547667'],
  ['Escargots Nouveaux', '85.57.00.07', null],
  ['Gai Pâturage', '38.76.98.06', '38.76.98.58'],
  ['Forêts Érables', '(514) 555-2955', '(514) 555-2921'],
  ['Leka Trading', '555-8787', null],
  ['上海粮油进出口公司', '021-6288 1234', '(021) 6288-1235'],
  ['深圳海鲜供应链', '(0755) 8888-8888 转 601', null],
  ['北京茶叶', '+86 10 8765 4321', '010-87654322'],
];

const CUSTOMERS: [string, string][] = [
  ['Alfreds Futterkiste', '030-0074321'],
  ['Ana Trujillo Emparedados', '(5) 555-4729'],
  ['Around the Horn', '(171) 555-7788'],
  ['Blauer See Delikatessen', '0621-08460'],
  ['Blondel père et fils', '88.60.15.31'],
  ['Bon app', '91.24.45.40'],
  ['Bottom-Dollar Markets', '(604) 555-4729'],
  ['Centro comercial', '(5) 555-3392'],
  ['Chop-suey Chinese', '0452-076545'],
  ['Comércio Mineiro', '(11) 555-7647'],
  ['Drachenblut', '0241-039123'],
  ['Du monde entier', '40.67.88.88'],
  ['Folk och fä HB', '0695-34 67 21'],
  ['Great Lakes Market', '(503) 555-7555'],
  ['Hanari Carnes', '(21) 555-0091'],
  ['Hungry Coyote', '(503) 555-6874'],
  ['Island Trading', '24 555-8888'],
  ["Let's Stop N Shop", '(415) 555-5938'],
  ['Ottilies Käseladen', '0221-0644327'],
  ['Rattlesnake Canyon', '(505) 555-5939'],
  ['Santé Gourmet', '07-98 92 35'],
  ['Seven Seas Imports', '(171) 555-1717'],
  ['Wolski Zajazd', '(26) 642-7012'],
  ['London Office', '+44 20 7946 0958'],
  ['Beijing Mobile Buyer', '+8613800138000'],
  ['广州食品批发', '138 0013 8000'],
  ['杭州茶馆', '0571-8765 4321 分机 12'],
  ['Seattle Deli', '+1 (206) 555-9857 ext. 204'],
];

describe('phone numbers as suppliers and customers write them', () => {
  let engine: TestEngine;

  before(async () => {
    engine = await startTestEngine();
    await defineObject(engine, {
      name: 'supplier',
      fields: [
        { name: 'company', type: 'text', required: true },
        { name: 'phone', type: 'phone' },
        { name: 'fax', type: 'phone' },
      ],
    });
    await defineObject(engine, { name: 'customer', fields: [{ name: 'company', type: 'text', required: true }, { name: 'phone', type: 'phone' }] });
  });
  after(() => engine.stop());

  it('imports every supplier with its phone and fax as written', async () => {
    const refused: string[] = [];
    for (const [company, phone, fax] of SUPPLIERS) {
      const response = await engine.request('POST', '/api/v1/records/supplier', { company, phone, ...(fax ? { fax } : {}) });
      if (response.status !== 201) refused.push(`${company}: ${JSON.stringify(response.body)}`);
    }
    expect(refused).to.deep.equal([]);
    const { records } = await listRecords(engine, 'supplier', { sort: 'company', limit: 200 });
    const stored = new Map(records.map((record) => [record.company, [record.phone, record.fax ?? null]]));
    for (const [company, phone, fax] of SUPPLIERS) expect(stored.get(company), company).to.deep.equal([phone, fax]);
  });

  it('imports every customer, and finds one by its number as written', async () => {
    const refused: string[] = [];
    for (const [company, phone] of CUSTOMERS) {
      const response = await engine.request('POST', '/api/v1/records/customer', { company, phone });
      if (response.status !== 201) refused.push(`${company}: ${JSON.stringify(response.body)}`);
    }
    expect(refused).to.deep.equal([]);
    const { records } = await listRecords(engine, 'customer', { filter: { phone: '(171) 555-7788' } });
    expect(records.map((record) => record.company)).to.deep.equal(['Around the Horn']);
  });

  it('stores a number typed with a Chinese input method in ASCII', async () => {
    const response = await engine.request('POST', '/api/v1/records/customer', { company: '深圳全角', phone: '（０７５５）８８８８－８８８８' });
    expect(response.status, JSON.stringify(response.body)).to.equal(201);
    expect(response.body.phone).to.equal('(0755)8888-8888');
  });

  for (const phone of ['call me', '12', '+-+-', '555-CALL-NOW']) {
    it(`refuses ${JSON.stringify(phone)} with a message showing the accepted forms`, async () => {
      const response = await engine.request('POST', '/api/v1/records/customer', { company: 'Nobody', phone });
      const [detail] = expectError(response, 400, 'validation_failed');
      expect(detail).to.deep.include({ path: '/phone' });
      expect(detail!.message).to.contain('(206) 555-9857');
    });
  }
});
