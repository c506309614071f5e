import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

/** One element of a document as fast-xml-parser's ordered mode gives it. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | { readonly text: string };

/** Deeper than this only SSML could go, and no SSML needs it; it also bounds recursion. */
export const MAX_DEPTH = 32;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  commentPropName: false,
});

export type XmlResult =
  | { readonly ok: true; readonly roots: readonly XmlElement[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Parses well-formed XML into ordered elements. A DOCTYPE is refused before parsing: TeXML
 * needs none, and refusing it closes off entity-expansion documents.
 */
export function readXml(xml: string): XmlResult {
  if (xml.trim() === '') return { ok: true, roots: [] };
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, reason: 'a DOCTYPE is not allowed' };
  let raw: unknown[];
  try {
    SyntaxValidator.validate(xml);
    raw = parser.parse(xml) as unknown[];
  } catch (error) {
    // Both libraries report a malformed document by throwing; that is a bad document, not a
    // fault of ours.
    const reserved = reservedName(xml, (error as Error).message);
    if (reserved !== null) return { ok: false, reason: reserved };
    const line = (error as { line?: unknown }).line;
    const where = typeof line === 'number' ? ` (line ${line})` : '';
    return { ok: false, reason: `not well-formed XML${where}: ${(error as Error).message}` };
  }
  const nodes = toNodes(raw, 0);
  if (nodes === null) return { ok: false, reason: `elements nested deeper than ${MAX_DEPTH}` };
  return { ok: true, roots: nodes.filter(isElement) };
}

/**
 * The parser refuses `constructor`, `__proto__` and the like as names; no TeXML element or
 * attribute has one, so the document is refused for naming what TeXML does not have.
 */
function reservedName(xml: string, message: string): string | null {
  const name = /^\[SECURITY\] Invalid name: "([^"]+)"/.exec(message)?.[1];
  if (name === undefined) return null;
  const asElement =
    xml.includes(`<${name}>`) || xml.includes(`<${name}/>`) || xml.includes(`<${name} `);
  return asElement ? `<${name}> is not a TeXML verb` : `no TeXML attribute is called ${name}`;
}

export function isElement(node: XmlNode): node is XmlElement {
  return 'name' in node;
}

/** The text of a node and its descendants, words separated by single spaces. */
export function textOf(element: XmlElement): string {
  const parts: string[] = [];
  const walk = (nodes: readonly XmlNode[]): void => {
    for (const node of nodes) {
      if (isElement(node)) walk(node.children);
      else parts.push(node.text);
    }
  };
  walk(element.children);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function toNodes(raw: readonly unknown[], depth: number): XmlNode[] | null {
  if (depth > MAX_DEPTH) return null;
  const nodes: XmlNode[] = [];
  for (const item of raw) {
    const node = toNode(item as Record<string, unknown>, depth);
    if (node === null) return null;
    if (node !== undefined) nodes.push(node);
  }
  return nodes;
}

function toNode(item: Record<string, unknown>, depth: number): XmlNode | null | undefined {
  if ('#text' in item) return { text: String(item['#text']) };
  const name = Object.keys(item).find((key) => key !== ':@');
  if (name === undefined || name.startsWith('?')) return undefined;
  const children = toNodes((item[name] as unknown[] | undefined) ?? [], depth + 1);
  if (children === null) return null;
  const attributes = (item[':@'] as Record<string, string> | undefined) ?? {};
  return { name, attributes, children };
}
