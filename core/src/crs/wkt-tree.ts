/**
 * A strict, bounded reader of WKT's bracket syntax (ESRI and OGC WKT1, WKT2): `KEYWORD[arg, arg, …]` where an arg
 * is a quoted string (`""` escapes a quote), a number, a bare word (`NORTH`, `Cartesian`) or a nested node; `( )`
 * may stand for `[ ]`. It builds the tree only — meaning is given by crs-from-wkt.ts.
 */
export interface WktNode {
  /** Upper-cased keyword, e.g. "PROJCS", "PARAMETER". */
  keyword: string;
  args: WktArg[];
}

export type WktArg = WktNode | WktText | number;

/** A quoted string or a bare word. */
export interface WktText {
  text: string;
  quoted: boolean;
}

/** Why a text is not WKT, with the character offset where reading stopped. */
export class WktSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} at character ${offset + 1}`);
  }
}

/** Longest WKT accepted: a .prj is < 1 KiB, a WKT2 with USAGE a few KiB. */
export const MAX_WKT_CHARS = 256 * 1024;
const MAX_DEPTH = 32;
const MAX_NODES = 10_000;

export function isWktNode(arg: WktArg | undefined): arg is WktNode {
  return typeof arg === 'object' && arg !== null && 'keyword' in arg;
}

/**
 * Parses WKT text into its tree. Surrounding whitespace and a BOM are ignored; anything after the root node is an error.
 * @throws WktSyntaxError for text that is not well-formed WKT (empty, unbalanced, too deep, too long, trailing text).
 */
export function parseWktTree(text: string): WktNode {
  if (text.length > MAX_WKT_CHARS) throw new WktSyntaxError(`longer than ${MAX_WKT_CHARS} characters`, MAX_WKT_CHARS);
  let pos = 0;
  let nodes = 0;

  const skipSpace = (): void => {
    while (pos < text.length && /[\s\uFEFF]/.test(text[pos])) pos++;
  };

  const readWord = (): string => {
    const start = pos;
    while (pos < text.length && /[A-Za-z0-9_]/.test(text[pos])) pos++;
    return text.slice(start, pos);
  };

  const readNode = (keyword: string, depth: number): WktNode => {
    if (depth > MAX_DEPTH) throw new WktSyntaxError(`nested deeper than ${MAX_DEPTH} levels`, pos);
    if (++nodes > MAX_NODES) throw new WktSyntaxError(`more than ${MAX_NODES} elements`, pos);
    const open = text[pos];
    const close = open === '(' ? ')' : ']';
    pos++;
    const args: WktArg[] = [];
    skipSpace();
    if (text[pos] === close) {
      pos++;
      return { keyword: keyword.toUpperCase(), args };
    }
    for (;;) {
      skipSpace();
      args.push(readArg(depth));
      skipSpace();
      const c = text[pos];
      if (c === ',') {
        pos++;
        continue;
      }
      if (c === close) {
        pos++;
        return { keyword: keyword.toUpperCase(), args };
      }
      if (c === undefined) throw new WktSyntaxError(`"${keyword}" is not closed (the text ends early)`, pos);
      throw new WktSyntaxError(`unexpected "${c}" in ${keyword}`, pos);
    }
  };

  const readArg = (depth: number): WktArg => {
    const c = text[pos];
    if (c === '"') return { text: readQuoted(), quoted: true };
    if (c !== undefined && /[-+.0-9]/.test(c)) return readNumber();
    if (c !== undefined && /[A-Za-z_]/.test(c)) {
      const word = readWord();
      skipSpace();
      if (text[pos] === '[' || text[pos] === '(') return readNode(word, depth + 1);
      return { text: word, quoted: false };
    }
    if (c === undefined) throw new WktSyntaxError('the text ends early', pos);
    throw new WktSyntaxError(`unexpected "${c}"`, pos);
  };

  const readQuoted = (): string => {
    const start = pos;
    pos++;
    let out = '';
    for (;;) {
      const end = text.indexOf('"', pos);
      if (end < 0) throw new WktSyntaxError('a quoted name is not closed', start);
      out += text.slice(pos, end);
      pos = end + 1;
      if (text[pos] === '"') {
        out += '"';
        pos++;
      } else return out;
    }
  };

  const readNumber = (): number => {
    const m = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(pos, pos + 64));
    if (!m) throw new WktSyntaxError('malformed number', pos);
    pos += m[0].length;
    const value = Number(m[0]);
    if (!Number.isFinite(value)) throw new WktSyntaxError(`number out of range: ${m[0]}`, pos);
    return value;
  };

  skipSpace();
  const keyword = readWord();
  if (keyword === '') throw new WktSyntaxError(text.trim() === '' ? 'the text is empty' : 'it does not start with a WKT keyword', pos);
  skipSpace();
  if (text[pos] !== '[' && text[pos] !== '(') throw new WktSyntaxError(`"${keyword}" is not followed by "["`, pos);
  const root = readNode(keyword, 0);
  skipSpace();
  if (pos < text.length) throw new WktSyntaxError('text follows the end of the definition', pos);
  return root;
}

/** The first child node with one of these keywords. */
export function child(node: WktNode, ...keywords: string[]): WktNode | undefined {
  for (const arg of node.args) if (isWktNode(arg) && keywords.includes(arg.keyword)) return arg;
  return undefined;
}

/** All child nodes with this keyword. */
export function children(node: WktNode, keyword: string): WktNode[] {
  return node.args.filter((a): a is WktNode => isWktNode(a) && a.keyword === keyword);
}

/** The node's name: its first argument when it is a string. */
export function nodeName(node: WktNode | undefined): string | null {
  const first = node?.args[0];
  return first !== undefined && typeof first === 'object' && 'text' in first ? first.text : null;
}

/** The i-th argument as a number, or null. Numbers written as strings (`AUTHORITY["EPSG","4528"]`) are read too. */
export function numberArg(node: WktNode | undefined, i: number): number | null {
  const arg = node?.args[i];
  if (typeof arg === 'number') return arg;
  if (arg && typeof arg === 'object' && 'text' in arg && /^\s*[-+]?\d+(\.\d*)?([eE][-+]?\d+)?\s*$/.test(arg.text)) return Number(arg.text);
  return null;
}
