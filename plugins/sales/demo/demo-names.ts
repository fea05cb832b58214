import type { DemoRandom } from './demo-random.js';

/** Word lists the demo's names are put together from: generated, so no real company or person is named. */
const CN_CITIES = ['上海', '北京', '深圳', '杭州', '苏州', '成都', '武汉', '南京', '广州', '天津', '西安', '重庆', '青岛', '厦门', '宁波', '长沙'];
const CN_WORDS = ['华信', '启明', '远航', '恒达', '博瑞', '众诚', '天工', '鼎盛', '智联', '同辉', '锦程', '立方', '云帆', '嘉禾', '瑞丰', '新元', '星河', '汇通', '宏图', '金桥'];
const CN_SUFFIXES: Record<string, readonly string[]> = {
  technology: ['科技有限公司', '信息技术有限公司', '软件有限公司'],
  manufacturing: ['机械制造有限公司', '精密制造有限公司', '电子有限公司'],
  finance: ['投资管理有限公司', '融资租赁有限公司'],
  retail: ['商贸有限公司', '连锁超市有限公司'],
  healthcare: ['医疗器械有限公司', '生物科技有限公司'],
  education: ['教育科技有限公司', '培训中心'],
  energy: ['新能源有限公司', '电力设备有限公司'],
  logistics: ['物流有限公司', '供应链管理有限公司'],
  government: ['市政服务中心'],
  other: ['实业有限公司', '集团有限公司'],
};
const EN_PARTS = [['North', 'Blue', 'Silver', 'Red', 'Bright', 'Iron', 'Green', 'Cedar', 'Harbor', 'Summit', 'Pioneer', 'Crystal', 'Falcon', 'Atlas', 'Maple', 'Granite'],
  ['wind', 'stone', 'field', 'bridge', 'point', 'line', 'gate', 'crest', 'works', 'port', 'ridge', 'wave']] as const;
const EN_SUFFIXES: Record<string, readonly string[]> = {
  technology: ['Technologies', 'Software', 'Systems'], manufacturing: ['Manufacturing', 'Industries', 'Components'],
  finance: ['Capital', 'Financial'], retail: ['Retail', 'Stores'], healthcare: ['Health', 'Medical'], education: ['Learning', 'Academy'],
  energy: ['Energy', 'Power'], logistics: ['Logistics', 'Freight'], government: ['Public Services'], other: ['Group', 'Holdings'],
};
const CN_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const CN_GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '桂英', '建华', '晓东', '海燕', '志强', '丽娟'];
const EN_FIRST = ['James', 'Mary', 'Robert', 'Linda', 'Michael', 'Sarah', 'David', 'Emma', 'Daniel', 'Olivia', 'Thomas', 'Sophie', 'Lucas', 'Grace', 'Henry', 'Chloe'];
const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Miller', 'Wilson', 'Moore', 'Clark', 'Walker', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Hall'];
const EN_CITIES = ['Singapore', 'London', 'Frankfurt', 'Sydney', 'Toronto', 'Dubai', 'Tokyo', 'Seoul'];
const TITLES = [['总经理', 'CEO'], ['采购经理', 'Purchasing manager'], ['IT 总监', 'IT director'], ['财务总监', 'CFO'], ['运营经理', 'Operations manager'], ['工程师', 'Engineer']] as const;

/** Where a demo company is: China's regions by their cities, or abroad. */
export const REGION_OF_CITY: Record<string, string> = {
  北京: 'north', 天津: 'north', 青岛: 'north', 西安: 'west', 成都: 'west', 重庆: 'west', 上海: 'east', 杭州: 'east', 苏州: 'east', 南京: 'east', 宁波: 'east', 广州: 'south', 深圳: 'south', 厦门: 'south', 长沙: 'south', 武汉: 'east',
};

export interface DemoCompany {
  readonly name: string;
  readonly city: string;
  readonly country: string;
  readonly region: string;
  readonly chinese: boolean;
}

export function companyName(random: DemoRandom, industry: string, used: Set<string>): DemoCompany {
  for (;;) {
    const chinese = random.chance(0.75);
    const company = chinese
      ? (() => {
          const city = random.pick(CN_CITIES);
          return { name: `${city}${random.pick(CN_WORDS)}${random.pick(CN_SUFFIXES[industry]!)}`, city, country: '中国', region: REGION_OF_CITY[city]!, chinese };
        })()
      : { name: `${random.pick(EN_PARTS[0])}${random.pick(EN_PARTS[1])} ${random.pick(EN_SUFFIXES[industry]!)}`, city: random.pick(EN_CITIES), country: 'Overseas', region: 'overseas', chinese };
    if (used.has(company.name)) continue;
    used.add(company.name);
    return company;
  }
}

export interface DemoPerson {
  readonly first_name: string;
  readonly last_name: string;
  readonly title: string;
  readonly email: string;
}

/** A person, Chinese or English as their company mostly is; `n` keeps the e-mail addresses apart. */
export function personName(random: DemoRandom, chinese: boolean, n: number): DemoPerson {
  const title = random.pick(TITLES);
  if (chinese) {
    const last = random.pick(CN_SURNAMES);
    return { first_name: random.pick(CN_GIVEN), last_name: last, title: title[0], email: `contact${n}@demo-customer.example` };
  }
  const first = random.pick(EN_FIRST);
  const last = random.pick(EN_LAST);
  return { first_name: first, last_name: last, title: title[1], email: `${first}.${last}.${n}@demo-customer.example`.toLowerCase() };
}

/** A Chinese or English full name for a demo user. */
export function staffName(random: DemoRandom): string {
  return random.chance(0.6) ? `${random.pick(CN_SURNAMES)}${random.pick(CN_GIVEN)}` : `${random.pick(EN_FIRST)} ${random.pick(EN_LAST)}`;
}
