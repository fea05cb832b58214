/**
 * The functions JSONata 2.x defines, without their `$`. jsonata keeps its table private, so the
 * names are listed here; a unit test evaluates every one against the installed jsonata, so an
 * upgrade that drops one shows up as a failing test rather than as an expression that compiles
 * and then fails on every record.
 */
export const BUILTIN_FUNCTIONS: ReadonlySet<string> = new Set([
  // aggregation
  'sum', 'count', 'max', 'min', 'average',
  // text
  'string', 'substring', 'substringBefore', 'substringAfter', 'lowercase', 'uppercase', 'length', 'trim',
  'pad', 'match', 'contains', 'replace', 'split', 'join', 'base64encode', 'base64decode',
  'encodeUrlComponent', 'encodeUrl', 'decodeUrlComponent', 'decodeUrl',
  // numbers
  'formatNumber', 'formatBase', 'formatInteger', 'parseInteger', 'number', 'floor', 'ceil', 'round', 'abs',
  'sqrt', 'power', 'random',
  // logic
  'boolean', 'not', 'exists',
  // higher order and arrays
  'map', 'zip', 'filter', 'single', 'reduce', 'sift', 'append', 'reverse', 'sort', 'shuffle', 'distinct',
  // objects
  'keys', 'lookup', 'spread', 'merge', 'each', 'error', 'assert', 'type', 'clone', 'eval',
  // date and time
  'now', 'millis', 'toMillis', 'fromMillis',
]);
