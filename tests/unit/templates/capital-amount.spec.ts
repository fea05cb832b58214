import { expect } from 'chai';
import { capitalAmount, traditionalCapitals } from '../../../engine/templates/capital-amount.js';

/** 大写金额: amounts as finance documents write them in Chinese capital numerals. */
describe('capitalAmount: Chinese capital numerals for amounts (大写金额)', () => {
  const cases: [number, string, string][] = [
    // The examples of the People's Bank of China's 《正确填写票据和结算凭证的基本规定》.
    [1409.5, '壹仟肆佰零玖元伍角', 'a zero between digits is written 零; nothing after 角'],
    [6007.14, '陆仟零柒元壹角肆分', 'a run of zeros is one 零'],
    [1680.32, '壹仟陆佰捌拾元零叁角贰分', 'a zero 元 digit before a 角 is written 零'],
    [107000.53, '壹拾万柒仟元零伍角叁分', 'zeros at the end of the integer, then 角'],
    [16409.02, '壹万陆仟肆佰零玖元零贰分', 'a zero 角 before a 分 is written 零'],
    [325.04, '叁佰贰拾伍元零肆分', 'no 角, some 分'],
    // The brief's and the usual ones.
    [1234.56, '壹仟贰佰叁拾肆元伍角陆分', 'every place'],
    [100, '壹佰元整', '整 after 元 with no 角 and 分'],
    [1005.07, '壹仟零伍元零柒分', 'zeros inside and a zero 角'],
    [0, '零元整', 'zero'],
    [-0, '零元整', 'negative zero'],
    [0.5, '伍角', 'only 角'],
    [0.05, '伍分', 'only 分, no 零 in front'],
    [0.56, '伍角陆分', 'no 元'],
    [10, '壹拾元整', 'ten is 壹拾, never 拾'],
    [15, '壹拾伍元整', 'teens'],
    [20.1, '贰拾元零壹角', 'zero 元 digit before 角'],
    [110000, '壹拾壹万元整', 'a group with zeros at its end'],
    [100000, '壹拾万元整', 'a hundred thousand: 壹拾万, no 零 for the empty places'],
    [100000000, '壹亿元整', '亿 alone'],
    [100000001, '壹亿零壹元整', 'an empty 万 group between'],
    [100050000, '壹亿零伍万元整', 'a 万 group that starts with zeros'],
    [10010000, '壹仟零壹万元整', 'zeros inside the 万 group'],
    [1000000001.1, '壹拾亿零壹元壹角', 'an empty 万 group and zeros before the last 元 digit read one 零; nothing after 角'],
    [1010101010.1, '壹拾亿壹仟零壹拾万壹仟零壹拾元零壹角', 'alternating zeros across groups'],
    [123456789012.34, '壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分', 'billions'],
    [1000000000000, '壹万亿元整', '万亿'],
    [-1234.56, '负壹仟贰佰叁拾肆元伍角陆分', 'negatives start with 负'],
    [-0.001, '零元整', 'a negative that rounds to nothing has no 负'],
    [1.005, '壹元零壹分', 'half up from the decimal written, not the binary value'],
    [2.675, '贰元陆角捌分', 'half up again (2.675 is 2.67499… in binary)'],
    [0.004, '零元整', 'below half a 分'],
    [1e-7, '零元整', 'exponent notation'],
  ];
  for (const [amount, capital, why] of cases) {
    it(`writes ${amount} as ${capital}: ${why}`, () => {
      expect(capitalAmount(amount)).to.equal(capital);
    });
  }

  it('has no capital form for what is not an amount or past 万亿', () => {
    expect(capitalAmount(Number.NaN)).to.equal(undefined);
    expect(capitalAmount(Number.POSITIVE_INFINITY)).to.equal(undefined);
    expect(capitalAmount(1e16)).to.equal(undefined);
  });

  it('reads 万亿 with the 亿 after it as one number of 亿', () => {
    expect(capitalAmount(9_999_999_999_999.99)).to.equal('玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
    expect(capitalAmount(1_000_100_000_000)).to.equal('壹万零壹亿元整');
    expect(capitalAmount(1_000_000_010_000)).to.equal('壹万亿零壹万元整');
  });

  it('writes the capitals as Taiwan does for a zh-TW reader: 貳, 參, 陸, 萬, 億, 負', () => {
    expect(traditionalCapitals(capitalAmount(-123456789012.34)!)).to.equal('負壹仟貳佰參拾肆億伍仟陸佰柒拾捌萬玖仟零壹拾貳元參角肆分');
    expect(traditionalCapitals(capitalAmount(1005.07)!)).to.equal('壹仟零伍元零柒分');
  });
});
