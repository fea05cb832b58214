import fc, { type Arbitrary } from 'fast-check';

/**
 * What attackers and broken clients send instead of what the document asks for. Each list is a
 * class of defect the API must answer with a declared 4xx, never a 5xx or a hang.
 */

/** Text that looks like a number, a date or an operator without being one. */
const TRICKY_TEXT = [
  '', ' ', 'NaN', '-NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '-0', '0x10', '1_000', '١٢٣', 'null', 'undefined', 'true',
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '$where', '$gt', '$expr', '$function', '{"$gt":""}',
  '2025-02-30', '2025-13-01T25:61:61Z', '9999999-01-01', '\u0000', '\uD800', '\uFFFF', 'a\u202Eb', '采购申请', '😀'.repeat(10),
  '%ZZ', '%00', '../../etc/passwd', '<script>alert(1)</script>', "'; DROP TABLE x; --", '=cmd|"/c calc"!A1', '\r\nX-Injected: 1',
];

/** Numbers at and past the edges of what JSON, doubles and integers hold. */
const EDGE_NUMBERS = [0, -0, 1e308, -1e308, 5e-324, 9007199254740993, -9007199254740993, 2 ** 53, 2 ** 64, 1e21, 0.1 + 0.2, 123456789.123456789];

/** Raw JSON text of numbers JSON.parse turns into Infinity or loses precision on. */
export const EDGE_NUMBER_TEXT = ['1e400', '-1e400', '123456789012345678901234567890', '0.0000000000000000000000000001', '1E+2', '-0.0'];

export const hostileText: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_TEXT) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((length) => 'x'.repeat(length)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

/** A value of the wrong kind for whatever was asked: the type confusion class. */
export const hostileValue: Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(...EDGE_NUMBERS),
  fc.constantFrom<unknown>(null, true, false, [], {}, [null], [[]], { $gt: '' }, { $where: 'sleep(1000)' }, { $expr: { $eq: [1, 1] } }, { $regex: '(a+)+$' }),
  // Parsed, so that `__proto__` is an own key that JSON.stringify sends, as a hostile client's JSON would have it.
  fc.constantFrom<unknown>(JSON.parse('{"__proto__":{"admin":true}}'), JSON.parse('{"constructor":{"prototype":{"admin":true}}}')),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Object keys that reach prototypes or the store's operator syntax if anything merges input unchecked. */
export const hostileKey: Arbitrary<string> = fc.constantFrom(
  '__proto__', 'constructor', 'prototype', '$where', '$set', '$expr', '$function', '_id', '_owner', '_version', '_deleted', 'a.b', '', ' ', 'x'.repeat(300), '采购',
);

/** A path segment sent as is: malformed percent-escapes, encoded slashes, prototype names. */
export const hostileSegment: Arbitrary<string> = fc.constantFrom(
  '%ZZ', '%', '%E0%A4%A', '%C0%AF', '%00', '%2F', '%2e%2e%2fx', '__proto__', 'constructor', 'hasOwnProperty', 'x'.repeat(2_000), '%F0%9F%98%80', 'null', '-1', '1e999',
);

/** Bytes that are not UTF-8 (lone continuation bytes, overlong forms, surrogates, truncated sequences) inside JSON. */
export const invalidUtf8Body: Arbitrary<Uint8Array> = fc.constantFrom(
  [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xff, 0xfe],
).map((bytes) => Uint8Array.from([...Buffer.from('{"name":"'), ...bytes, ...Buffer.from('","title":"x"}')]));

/** JSON text nested past the transport's limit, in every shape the scan must count. */
export const deepJson: Arbitrary<string> = fc
  .tuple(fc.integer({ min: 101, max: 20_000 }), fc.constantFrom('array', 'object', 'mixed'))
  .map(([depth, shape]) => {
    if (shape === 'array') return `{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    if (shape === 'object') return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    return `{"extra":${'[{"a":'.repeat(depth / 2)}1${'}]'.repeat(depth / 2)}}`;
  });

/**
 * Runaway expressions (issue 9, items 7 and 15): stack depth within the length limit, catastrophic
 * regular expressions, huge strings, ranges and sorts, long operator chains.
 */
const RUNAWAY_EXPRESSIONS = [
  `${'('.repeat(5000)}1${')'.repeat(5000)}`,
  `${'('.repeat(2400)}1${')'.repeat(2400)}`,
  `${'['.repeat(2400)}${']'.repeat(2400)}`,
  `${'-'.repeat(4000)}1`,
  `${'a.'.repeat(2400)}a`,
  '$contains("aaaaaaaaaaaaaaaaaaaaaaaaaaa!", /^(a|a)+$/)',
  '$match("aaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+$/)',
  '$pad("", 20000000)',
  '$pad("x", 100000000)',
  '[1..10000000]',
  '$sort([1..100000])',
];

/**
 * Expressions that try to escape the sandbox or hold the event loop: drawn for every property named
 * like an expression (formulas, rules, criteria, the expression test). Each must be refused or
 * stopped within the expression limits, with a 4xx.
 */
const HOSTILE_EXPRESSIONS = [
  '$eval("1 + 1")', '$lookup($, "constructor")', '$$.__proto__', '$.constructor', 'constructor.name', '__proto__',
  '$type(constructor)', '$keys($)', '$spread($)', '$each($, function($v, $k) { $k })', '$sift($, function($v) { true })',
  '"x" & $string(1e308 * 10)', 'amount / 0', '$power(10, 1000)', '$number("1e999")', '$fromMillis(1e20)', '$toMillis("not a date")',
  '$substring("abc", -1e308)', '$split("abc", "")', '$base64decode("%%%")', '$reduce([1..100000], function($a, $b) { $a + $b })',
  '($f := function($x) { $f($x + 1) }; $f(1))', '$string([1..100000])', '{"a": $}', '**', '$$$', '($a := $a; $a)', '$now()', '$random()',
  '$replace("aaaa", /a*/, "b")', '$contains("abc", /[/)', 'function($x) { $x }', '$formatNumber(1e308, "#,##0.00")', '$formatBase(1e308, 36)',
  ...RUNAWAY_EXPRESSIONS,
];

export const hostileExpression: Arbitrary<string> = fc.constantFrom(...HOSTILE_EXPRESSIONS);

/** The property names that hold expressions, in the document's metadata schemas and the expression test. */
export const EXPRESSION_PROPERTIES = ['expression', 'condition', 'entryCriteria', 'defaultExpression'] as const;
