const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES = ['', '拾', '佰', '仟'];
/** Each group of four digits, from the lowest: 元, 万, 亿, 万亿. */
const GROUPS = ['', '万', '亿', '万亿'];
/** Below 10^16: what a double holds exactly to the fen, and what the groups above name. */
const LIMIT = 10n ** 18n;

/**
 * An amount in Chinese capital numerals as finance documents write it (大写金额), following the
 * People's Bank of China's rules for filling in bills (《正确填写票据和结算凭证的基本规定》):
 * one 零 for a run of zeros inside the number, 零 where the 元 digit is zero before a 角 and where
 * the 角 is zero before a 分, 整 after 元 when there are no 角 and 分, 负 before a negative amount.
 * Rounded half up to the fen; undefined for an amount past 万亿 or not a finite number.
 */
export function capitalAmount(amount: number): string | undefined {
  if (!Number.isFinite(amount)) return undefined;
  const fen = toFen(Math.abs(amount));
  if (fen >= LIMIT) return undefined;
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const cents = Number(fen % 10n);
  const sign = amount < 0 && fen > 0n ? '负' : '';
  if (fen === 0n) return '零元整';
  let text = yuan > 0n ? `${integerPart(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${sign}${text}整`;
  if (jiao > 0) text += `${yuan > 0n && yuan % 10n === 0n ? '零' : ''}${DIGITS[jiao]}角`;
  else if (yuan > 0n) text += '零';
  if (cents > 0) text += `${DIGITS[cents]}分`;
  return sign + text;
}

/** The amount in fen, rounded half up from its shortest decimal form (1.005 is 1.01, not 1.00 as 1.005 * 100 would give). */
function toFen(amount: number): bigint {
  const [mantissa = '0', exponent = '0'] = amount.toString().toLowerCase().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const shift = Number(exponent) + 3;
  const digits = whole + fraction;
  const point = whole.length + shift;
  const padded = point > digits.length ? digits.padEnd(point, '0') : digits;
  const thousandths = point <= 0 ? 0n : BigInt(padded.slice(0, point) || '0');
  return (thousandths + 5n) / 10n;
}

function integerPart(yuan: bigint): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0n; rest /= 10000n) groups.push(Number(rest % 10000n));
  let text = '';
  let zeroPending = false;
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index]!;
    if (group === 0) {
      zeroPending = text !== '';
      continue;
    }
    // A group after a higher one that starts with a zero (or follows an empty group) reads 零 first: 壹万零伍拾.
    if (text !== '' && (zeroPending || group < 1000)) text += '零';
    // 万亿 followed by some 亿 reads as one number of 亿: 99999亿 is 玖万玖仟玖佰玖拾玖亿, not 玖万亿玖仟….
    const unit = index === 3 && groups[2] !== 0 ? '万' : GROUPS[index]!;
    text += groupText(group) + unit;
    zeroPending = false;
  }
  return text;
}

/** 1 to 9999: digits with their places, one 零 for zeros between digits, none at the end (1050: 壹仟零伍拾). */
function groupText(group: number): string {
  let text = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      zero = text !== '';
      continue;
    }
    if (zero) text += '零';
    text += DIGITS[digit]! + PLACES[place]!;
    zero = false;
  }
  return text;
}

const TRADITIONAL_CAPITALS: Readonly<Record<string, string>> = { 贰: '貳', 叁: '參', 陆: '陸', 万: '萬', 亿: '億', 负: '負' };

/** Capital numerals as Taiwan writes them on cheques and invoices (貳, 參, 陸, 萬, 億, 負); the other characters are the same. */
export function traditionalCapitals(capital: string): string {
  return capital.replace(/[贰叁陆万亿负]/g, (character) => TRADITIONAL_CAPITALS[character]!);
}
