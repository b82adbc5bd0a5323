/**
 * A small, dependency-free XML parser for the manifest tests: enough of XML 1.0 to reject a
 * manifest that is not well formed (unclosed or mismatched tags, duplicate or unquoted
 * attributes, stray '<' or '&', unknown entities, more than one root, text outside the root)
 * and to give back an element tree. No DTDs (a manifest has none).
 */

export interface XmlElement {
  /** Qualified name as written ("OfficeApp", "bt:Image"). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

export class XmlError extends Error {}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, line: () => number): string {
  return raw.replace(/&([^;&\s<]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new XmlError(`line ${line()}: '&' must start an entity reference`);
    if (body in ENTITIES) return ENTITIES[body];
    const num = /^#x([0-9A-Fa-f]+)$/.exec(body) ?? /^#([0-9]+)$/.exec(body);
    if (num) {
      const code = parseInt(num[1], body.startsWith('#x') ? 16 : 10);
      if (code === 0 || code > 0x10ffff) throw new XmlError(`line ${line()}: invalid character reference &${body};`);
      return String.fromCodePoint(code);
    }
    throw new XmlError(`line ${line()}: unknown entity &${body};`);
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const lineAt = (p: number) => source.slice(0, p).split('\n').length;
  const fail = (msg: string): never => {
    throw new XmlError(`line ${lineAt(pos)}: ${msg}`);
  };

  const startsWith = (s: string) => source.startsWith(s, pos);
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos])) pos++;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (!m) fail('expected a name');
    pos += m![0].length;
    return m![0];
  };
  const skipUntil = (end: string, what: string) => {
    const i = source.indexOf(end, pos);
    if (i < 0) fail(`unterminated ${what}`);
    const body = source.slice(pos, i);
    pos = i + end.length;
    return body;
  };

  // Optional BOM and XML declaration.
  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  if (startsWith('<?xml')) {
    const decl = skipUntil('?>', 'XML declaration');
    if (!/^<\?xml\s+version\s*=\s*("1\.[0-9]"|'1\.[0-9]')/.test(decl + '?>')) fail('malformed XML declaration');
  }

  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) {
        pos += 4;
        const body = skipUntil('-->', 'comment');
        if (body.includes('--')) fail("'--' inside a comment");
      } else if (startsWith('<?')) {
        pos += 2;
        skipUntil('?>', 'processing instruction');
      } else if (startsWith('<!DOCTYPE')) {
        fail('DOCTYPE is not allowed in a manifest');
      } else return;
    }
  };

  const parseElement = (): XmlElement => {
    const line = lineAt(pos);
    if (source[pos] !== '<') fail("expected '<'");
    pos++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = pos;
      skipSpace();
      if (startsWith('/>')) {
        pos += 2;
        return { name, attrs, children: [], text: '', line };
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail(`expected whitespace before an attribute in <${name}>`);
      const attr = readName();
      skipSpace();
      if (source[pos] !== '=') fail(`attribute ${attr} of <${name}> has no value`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attr} of <${name}> is not quoted`);
      pos++;
      const raw = skipUntil(quote, `attribute ${attr}`);
      if (raw.includes('<')) fail(`'<' in attribute ${attr} of <${name}>`);
      if (attr in attrs) fail(`duplicate attribute ${attr} in <${name}>`);
      attrs[attr] = decode(raw, () => line);
    }

    const el: XmlElement = { name, attrs, children: [], text: '', line };
    for (;;) {
      if (pos >= source.length) fail(`<${name}> (line ${line}) is not closed`);
      if (startsWith('</')) {
        pos += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}> (line ${line})`);
        skipSpace();
        if (source[pos] !== '>') fail(`malformed end tag </${closing}>`);
        pos++;
        return el;
      }
      if (startsWith('<!--')) {
        pos += 4;
        const body = skipUntil('-->', 'comment');
        if (body.includes('--')) fail("'--' inside a comment");
      } else if (startsWith('<![CDATA[')) {
        pos += 9;
        el.text += skipUntil(']]>', 'CDATA section');
      } else if (startsWith('<?')) {
        pos += 2;
        skipUntil('?>', 'processing instruction');
      } else if (source[pos] === '<') {
        el.children.push(parseElement());
      } else {
        const next = source.indexOf('<', pos);
        const raw = source.slice(pos, next < 0 ? source.length : next);
        if (raw.includes(']]>')) fail("']]>' in text");
        const at = pos;
        el.text += decode(raw, () => lineAt(at));
        pos += raw.length;
      }
    }
  };

  skipMisc();
  if (source[pos] !== '<') fail('no root element');
  const root = parseElement();
  skipMisc();
  if (pos < source.length) fail('content after the root element');
  return root;
}

/** Every element of the tree, depth first, root included. */
export function walk(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(walk)];
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
