import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium (Skia) writes it, read without any PDF library: each object and
 * its stream (inflated when Flate-compressed), each page's fonts with their ToUnicode maps, and the
 * page's content stream run for its text operators (Tf, Tj, TJ, ', ", and ActualText spans).
 * A new line starts where the text moves down. Enough to check what a printed document says; not a
 * general PDF reader (no object streams, no encryption, no other filters).
 */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const pages = [...objects.values()].filter((object) => /\/Type\s*\/Page\b(?!s)/.test(object.dict));
  return pages.map((page) => pageText(page, objects)).join('\n\f\n');
}

interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<string, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<string, PdfObject>();
  const header = /(\d+) \d+ obj\s*/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const at = body.search(/\bstream\r?\n/);
    if (at < 0) {
      objects.set(match[1]!, { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const dataStart = start + at + body.slice(at).indexOf('\n') + 1;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(dataStart, dataStart + length);
    objects.set(match[1]!, { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
  }
  return objects;
}

const ref = (value: string | undefined) => (value === undefined ? undefined : /(\d+) \d+ R/.exec(value)?.[1]);

/** A font's map from character codes (as hex) to text, and how many bytes a code takes. */
interface FontMap {
  readonly bytes: number;
  readonly codes: Map<number, string>;
}

function fontMap(font: PdfObject | undefined, objects: Map<string, PdfObject>): FontMap {
  const cmap = objects.get(ref(/\/ToUnicode\s+(\d+ \d+ R)/.exec(font?.dict ?? '')?.[1]) ?? '')?.stream?.toString('latin1') ?? '';
  const codes = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  const bytes = space ? space[1]!.length / 2 : 1;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) codes.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const [low, high] = [parseInt(range[1]!, 16), parseInt(range[2]!, 16)];
      const target = range[3]!;
      const list = target.startsWith('[') ? [...target.matchAll(/<([0-9a-fA-F]*)>/g)].map((entry) => utf16(entry[1]!)) : undefined;
      const first = list ? 0 : parseInt(target.slice(1, -1), 16);
      for (let code = low; code <= high; code++) codes.set(code, list ? (list[code - low] ?? '') : String.fromCodePoint(first + code - low));
    }
  }
  return { bytes, codes };
}

function utf16(hex: string): string {
  let text = '';
  for (let index = 0; index + 4 <= hex.length; index += 4) text += String.fromCharCode(parseInt(hex.slice(index, index + 4), 16));
  return text;
}

function pageFonts(page: PdfObject, objects: Map<string, PdfObject>): Map<string, FontMap> {
  const resourcesRef = ref(/\/Resources\s+(\d+ \d+ R)/.exec(page.dict)?.[1]);
  const resources = resourcesRef ? (objects.get(resourcesRef)?.dict ?? '') : page.dict;
  const fontsRef = ref(/\/Font\s+(\d+ \d+ R)/.exec(resources)?.[1]);
  const fontDict = fontsRef ? (objects.get(fontsRef)?.dict ?? '') : (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '');
  return new Map([...fontDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+) \d+ R/g)].map((entry) => [entry[1]!, fontMap(objects.get(entry[2]!), objects)]));
}

function pageText(page: PdfObject, objects: Map<string, PdfObject>): string {
  const fonts = pageFonts(page, objects);
  const contents = /\/Contents\s*(\[[^\]]*\]|\d+ \d+ R)/.exec(page.dict)?.[1] ?? '';
  const streams = [...contents.matchAll(/(\d+) \d+ R/g)].map((entry) => objects.get(entry[1]!)?.stream?.toString('latin1') ?? '');
  return runText(streams.join('\n'), fonts);
}

type Token = { kind: 'name' | 'number' | 'hex' | 'string' | 'op' | 'open' | 'close' | 'dict'; value: string };

function* tokens(content: string): Generator<Token> {
  const pattern = /\/([^\s/<>[\]()]+)|(-?[\d.]+)|<<|>>|<([0-9a-fA-F\s]*)>|\((?:\\.|[^\\)])*\)|\[|\]|([A-Za-z'"*][A-Za-z0-9*]*)/gs;
  for (const match of content.matchAll(pattern)) {
    const [whole] = match;
    if (match[1] !== undefined) yield { kind: 'name', value: match[1] };
    else if (match[2] !== undefined) yield { kind: 'number', value: match[2] };
    else if (whole === '<<' || whole === '>>') yield { kind: 'dict', value: whole };
    else if (match[3] !== undefined) yield { kind: 'hex', value: match[3].replace(/\s/g, '') };
    else if (whole.startsWith('(')) yield { kind: 'string', value: whole.slice(1, -1).replace(/\\(.)/g, '$1') };
    else if (whole === '[') yield { kind: 'open', value: whole };
    else if (whole === ']') yield { kind: 'close', value: whole };
    else yield { kind: 'op', value: whole };
  }
}

function decode(token: Token, font: FontMap | undefined): string {
  if (token.kind === 'string') return token.value;
  if (!font) return '';
  const width = font.bytes * 2;
  let text = '';
  for (let index = 0; index + width <= token.value.length; index += width) text += font.codes.get(parseInt(token.value.slice(index, index + width), 16)) ?? '';
  return text;
}

function runText(content: string, fonts: Map<string, FontMap>): string {
  let text = '';
  let font: FontMap | undefined;
  let y: number | undefined;
  const operands: Token[] = [];
  /** Marked content: an ActualText span's text replaces its glyphs. */
  const marks: boolean[] = [];
  let pendingActual: string | undefined;
  let lastDictHex: string | undefined;
  let inArray: Token[] | undefined;
  const show = (value: string) => {
    if (!marks.includes(true)) text += value;
  };
  const moveTo = (next: number) => {
    if (y !== undefined && Math.abs(next - y) > 0.5 && !text.endsWith('\n')) text += '\n';
    y = next;
  };
  for (const token of tokens(content)) {
    if (token.kind === 'open') {
      inArray = [];
      continue;
    }
    if (token.kind === 'close') {
      operands.push({ kind: 'string', value: (inArray ?? []).map((item) => (item.kind === 'hex' || item.kind === 'string' ? decode(item, font) : '')).join('') });
      inArray = undefined;
      continue;
    }
    if (inArray) {
      inArray.push(token);
      continue;
    }
    if (token.kind === 'name' && token.value === 'ActualText') pendingActual = '';
    if (token.kind === 'hex' && pendingActual === '') lastDictHex = token.value;
    if (token.kind !== 'op') {
      operands.push(token);
      continue;
    }
    const args = operands.splice(0);
    switch (token.value) {
      case 'Tf':
        font = fonts.get(args[0]?.value ?? '');
        break;
      case 'Tj':
      case "'":
      case '"':
        if (token.value !== 'Tj') text += '\n';
        show(args.length > 0 ? decode(args[args.length - 1]!, font) : '');
        break;
      case 'TJ':
        show(args[0]?.value ?? '');
        break;
      case 'Tm':
        moveTo(Number(args[5]?.value ?? 0));
        break;
      case 'Td':
      case 'TD':
        moveTo((y ?? 0) + Number(args[1]?.value ?? 0));
        break;
      case 'T*':
        text += '\n';
        break;
      case 'BDC':
      case 'BMC': {
        const actual = pendingActual !== undefined && lastDictHex !== undefined ? utf16(lastDictHex.replace(/^FEFF/i, '')) : undefined;
        if (actual !== undefined) show(actual);
        marks.push(actual !== undefined);
        pendingActual = undefined;
        lastDictHex = undefined;
        break;
      }
      case 'EMC':
        marks.pop();
        break;
      default:
        break;
    }
  }
  return text;
}
