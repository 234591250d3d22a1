import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An XML element with its namespace resolved: compare `ns` URIs, never prefixes. */
export interface XmlElement {
  /** The namespace URI, or null for none. */
  ns: string | null;
  /** The local name, without prefix. */
  name: string;
  /** Attributes without a prefix, by name (prefixed ones are dropped: Atom's are all unprefixed). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** All text inside the element, descendants included, entities decoded, as written. */
  text: string;
}

const XMLNS = 'xmlns';

/**
 * fast-xml-parser in document order with attributes, and nothing converted: values stay strings.
 * NOTE: `htmlEntities` is what makes it decode numeric references (`&#233;`); named HTML entities
 * come with it, harmless in feeds that never use them. DOCTYPE entities keep the parser's limits.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: true,
});

/** Thrown for text that is not well-formed XML. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

/**
 * Parses a whole document and resolves every element's prefix against the `xmlns` declarations
 * in scope, so `<arxiv:comment>` declared once on the feed and `<arxiv:comment xmlns:arxiv=…>`
 * declared on the element itself (arXiv's two formats), or any other prefix, read the same.
 * Throws {@link XmlSyntaxError} for anything not well-formed, a truncated document included.
 *
 * @example parseXml('<feed xmlns="http://www.w3.org/2005/Atom"/>'); // { ns: 'http://www.w3.org/2005/Atom', name: 'feed', … }
 */
export function parseXml(xml: string): XmlElement {
  // NOTE: the parser itself accepts unclosed tags silently; the validator is what catches a cut-off answer.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlSyntaxError(`line ${valid.err.line}: ${valid.err.msg}`);
  const roots = toElements(parser.parse(xml) as unknown[], new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
  if (roots.length !== 1) throw new XmlSyntaxError(`expected one root element, found ${roots.length}`);
  return roots[0]!;
}

/** Child elements of `parent` in namespace `ns` named `name`. */
export function childrenNamed(parent: XmlElement, ns: string, name: string): XmlElement[] {
  return parent.children.filter((child) => child.ns === ns && child.name === name);
}

/** The first such child, or undefined. */
export function childNamed(parent: XmlElement, ns: string, name: string): XmlElement | undefined {
  return parent.children.find((child) => child.ns === ns && child.name === name);
}

/** fast-xml-parser's ordered nodes (`{ tag: [...children], ':@': attrs }` and `{ '#text': … }`) as elements. */
function toElements(nodes: unknown[], scope: ReadonlyMap<string | null, string>): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    const tag = Object.keys(node).find((key) => key !== ':@' && !key.startsWith('#') && !key.startsWith('?') && !key.startsWith('!'));
    if (tag === undefined) continue;
    const rawAttrs = isRecord(node[':@']) ? node[':@'] : {};
    const inner = new Map(scope);
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(rawAttrs)) {
      const text = String(value);
      if (key === XMLNS) inner.set(null, text);
      else if (key.startsWith(`${XMLNS}:`)) inner.set(key.slice(XMLNS.length + 1), text);
      else if (!key.includes(':')) attrs[key] = text;
    }
    const colon = tag.indexOf(':');
    const prefix = colon >= 0 ? tag.slice(0, colon) : null;
    const name = colon >= 0 ? tag.slice(colon + 1) : tag;
    // An undeclared prefix has no namespace we could match: such an element is ignored by readers.
    const ns = inner.get(prefix) ?? (prefix === null ? null : `urn:undeclared-prefix:${prefix}`);
    const content = Array.isArray(node[tag]) ? (node[tag] as unknown[]) : [];
    const children = toElements(content, inner);
    elements.push({ ns: ns || null, name, attrs, children, text: textOf(content) });
  }
  return elements;
}

function textOf(nodes: unknown[]): string {
  let text = '';
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === '#text') text += String(value);
      else if (key !== ':@' && Array.isArray(value)) text += textOf(value);
    }
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
