/**
 * A small, strict XML tokenizer for the subset KML needs (core has no DOMParser): elements with attributes, text with
 * the five predefined entities and character references, CDATA, comments, processing instructions and namespace
 * prefixes (`kml:Placemark` has the local name `Placemark`). It yields events and keeps only the open-element
 * stack, so memory does not grow with the document.
 *
 * It refuses rather than guesses: unbalanced or mismatched tags, an unknown entity, `<` in an attribute value, text
 * outside the root, a DOCTYPE with an internal subset (entity declarations are how "billion laughs" and external
 * entity attacks work), nesting deeper than a limit, or a document that ends early.
 */
export type XmlEvent =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean; pos: number }
  | { kind: 'close'; name: string; pos: number }
  | { kind: 'text'; text: string; pos: number };

export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly pos: number,
  ) {
    super(reason);
  }
}

export interface XmlLimits {
  /** Deepest element nesting accepted (KML uses < 20; default 256). */
  maxDepth?: number;
  /** Most attributes on one element (default 64). */
  maxAttributes?: number;
}

/** Characters that end a name: white space and the XML delimiters. */
function endsName(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e || c === 0x3d || c === 0x3c || c === 0x22 || c === 0x27 || c === 0x26 || Number.isNaN(c);
}
const NAME_START = /^[A-Za-z_\u00C0-\uFFFF]/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The element's local name: `kml:Placemark` → `Placemark`. */
export function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/**
 * The events of an XML document, in order. Element names are the local names; text has entities decoded and
 * adjacent text and CDATA pieces arrive as separate events.
 * @throws XmlSyntaxError with the character offset of the fault.
 */
export function* xmlEvents(text: string, limits: XmlLimits = {}): Generator<XmlEvent> {
  const maxDepth = limits.maxDepth ?? 256;
  const maxAttributes = limits.maxAttributes ?? 64;
  const stack: string[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let seenRoot = false;
  const n = text.length;

  const fail = (reason: string, at = pos): never => {
    throw new XmlSyntaxError(reason, at);
  };
  const skipSpace = () => {
    for (let c = text.charCodeAt(pos); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(++pos));
  };
  const readName = (): string => {
    const start = pos;
    while (!endsName(text.charCodeAt(pos))) pos++;
    const name = text.slice(start, pos);
    if (!NAME_START.test(name)) return fail('an element or attribute name was expected', start);
    if (name.length > 256) fail('a name longer than 256 characters', start);
    return name;
  };
  const find = (token: string, what: string): number => {
    const at = text.indexOf(token, pos);
    if (at < 0) fail(`${what} is not closed (the document ends early)`);
    return at;
  };

  while (pos < n) {
    const lt = text.indexOf('<', pos);
    if (lt !== pos) {
      const end = lt < 0 ? n : lt;
      const raw = text.slice(pos, end);
      if (stack.length === 0) {
        const stray = raw.search(/\S/);
        if (stray >= 0) fail(seenRoot ? 'text after the end of the document' : 'text before the first element', pos + stray);
      } else yield { kind: 'text', text: decodeEntities(raw, pos, fail), pos };
      pos = end;
      continue;
    }
    const next = text.charCodeAt(pos + 1);
    if (next === 0x21 /* ! */ && text.startsWith('<!--', pos)) {
      pos = find('-->', 'a comment') + 3;
    } else if (next === 0x21 && text.startsWith('<![CDATA[', pos)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const start = pos + 9;
      pos = find(']]>', 'a CDATA section');
      yield { kind: 'text', text: text.slice(start, pos), pos: start };
      pos += 3;
    } else if (next === 0x3f /* ? */) {
      pos = find('?>', 'a processing instruction') + 2;
    } else if (next === 0x21 && (text.startsWith('<!DOCTYPE', pos) || text.startsWith('<!doctype', pos))) {
      const close = find('>', 'the DOCTYPE');
      if (text.slice(pos, close).includes('[')) fail('a DOCTYPE with entity declarations is not accepted');
      pos = close + 1;
    } else if (next === 0x2f /* / */) {
      const at = pos;
      pos += 2;
      const name = readName();
      skipSpace();
      if (text[pos] !== '>') fail(`"</${name}" is not closed by ">"`);
      pos++;
      const open = stack.pop();
      if (open === undefined) fail(`</${name}> closes nothing`, at);
      if (open !== name) fail(`</${name}> closes <${open}>`, at);
      yield { kind: 'close', name: localName(name), pos: at };
    } else {
      const at = pos;
      pos++;
      const name = readName();
      if (stack.length === 0 && seenRoot) fail('a second root element', at);
      const attributes: Record<string, string> = {};
      let count = 0;
      for (;;) {
        const before = pos;
        skipSpace();
        if (text[pos] === '>' || text.startsWith('/>', pos)) break;
        if (pos === before) fail(`"${text[pos] ?? 'the end of the document'}" where an attribute or ">" was expected in <${name}>`);
        const attribute = readName();
        skipSpace();
        if (text[pos] !== '=') fail(`the attribute ${attribute} of <${name}> has no value`);
        pos++;
        skipSpace();
        const quote = text[pos];
        if (quote !== '"' && quote !== "'") fail(`the value of ${attribute} is not quoted`);
        const close = text.indexOf(quote, pos + 1);
        if (close < 0) fail(`the value of ${attribute} is not closed (the document ends early)`);
        const raw = text.slice(pos + 1, close);
        if (raw.includes('<')) fail(`"<" inside the value of ${attribute}`);
        const local = localName(attribute);
        if (local in attributes) fail(`the attribute ${attribute} appears twice in <${name}>`);
        if (++count > maxAttributes) fail(`<${name}> has more than ${maxAttributes} attributes`);
        attributes[local] = decodeEntities(raw, pos + 1, fail);
        pos = close + 1;
      }
      const selfClosing = text[pos] === '/';
      pos += selfClosing ? 2 : 1;
      seenRoot = true;
      if (!selfClosing) {
        stack.push(name);
        if (stack.length > maxDepth) fail(`elements nested deeper than ${maxDepth} levels`, at);
      }
      yield { kind: 'open', name: localName(name), attributes, selfClosing, pos: at };
      if (selfClosing) yield { kind: 'close', name: localName(name), pos: at };
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]}> is not closed (the document ends early)`);
  if (!seenRoot) fail('the document has no element');
}

function decodeEntities(raw: string, at: number, fail: (reason: string, at?: number) => never): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{0,12});?/g, (whole, name: string, offset: number) => {
    if (!whole.endsWith(';')) return fail(`"&" not followed by an entity ("&amp;" is the way to write it)`, at + offset);
    if (name in ENTITIES) return ENTITIES[name];
    const m = /^#(x[0-9a-fA-F]{1,6}|\d{1,7})$/.exec(name);
    if (!m) return fail(`unknown entity &${name};`, at + offset);
    const code = m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : Number(m[1]);
    const legal = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!legal) return fail(`the character reference &${name}; is not a legal XML character`, at + offset);
    return String.fromCodePoint(code);
  });
}

/** 1-based line of a character offset (for messages; computed only when needed). */
export function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
