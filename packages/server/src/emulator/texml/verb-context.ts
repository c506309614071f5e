import { Attributes } from './texml-attributes.js';
import { isElement, textOf, type XmlElement } from './xml-nodes.js';

/** What a verb parser needs: the document's URL (for relative URLs) and a place for problems. */
export class VerbContext {
  readonly problems: string[] = [];
  readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  /** The element's attributes; their problems land in this context when `done` is called. */
  attributes(element: XmlElement): Attributes {
    return new Attributes(element.name, element.attributes, this.base);
  }

  done(attributes: Attributes): void {
    this.problems.push(...attributes.problems);
  }

  problem(element: XmlElement, text: string): void {
    this.problems.push(`<${element.name}> ${text}`);
  }

  /** Child elements; stray text inside a verb that takes none is ignored. */
  children(element: XmlElement): XmlElement[] {
    return element.children.filter(isElement);
  }

  text(element: XmlElement): string {
    return textOf(element);
  }
}
