/** Attribute values; `undefined` leaves the attribute out. */
type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

/** What `<Gather>` and `<Dial>` hold. */
type Child = {
  readonly name: string;
  readonly attrs: Attrs;
  readonly text: string | null;
  readonly children: readonly Child[];
};

/** The nouns of `<Dial>`. */
export class DialBuilder {
  readonly children: Child[] = [];

  number(number: string, attrs: Attrs = {}): this {
    this.children.push(leaf('Number', attrs, number));
    return this;
  }

  sip(uri: string, attrs: Attrs = {}): this {
    this.children.push(leaf('Sip', attrs, uri));
    return this;
  }

  conference(name: string, attrs: Attrs = {}): this {
    this.children.push(leaf('Conference', attrs, name));
    return this;
  }

  queue(name: string, attrs: Attrs = {}): this {
    this.children.push(leaf('Queue', attrs, name));
    return this;
  }
}

/** The prompts a `<Gather>` may hold. */
export class PromptBuilder {
  readonly children: Child[] = [];

  say(text: string, attrs: Attrs = {}): this {
    this.children.push(leaf('Say', attrs, text));
    return this;
  }

  play(url: string, attrs: Attrs = {}): this {
    this.children.push(leaf('Play', attrs, url));
    return this;
  }

  pause(attrs: Attrs = {}): this {
    this.children.push(leaf('Pause', attrs, null));
    return this;
  }
}

/**
 * A TeXML document, verb by verb, with every text and attribute escaped:
 *
 * @example
 * texml.response()
 *   .gather({ action: '/menu', numDigits: 1 }, (g) => g.say('Press 1 for sales'))
 *   .say('We did not hear you.')
 *   .hangup()
 *   .toString();
 */
export class TexmlResponse extends PromptBuilder {
  gather(attrs: Attrs = {}, prompts?: (gather: PromptBuilder) => unknown): this {
    const inner = new PromptBuilder();
    prompts?.(inner);
    this.children.push({ name: 'Gather', attrs, text: null, children: inner.children });
    return this;
  }

  /** `dial('+1…')` for one number, or `dial({…}, (d) => d.number(…).sip(…))`. */
  dial(target: string | Attrs, nouns?: (dial: DialBuilder) => unknown): this {
    if (typeof target === 'string') {
      this.children.push(leaf('Dial', {}, target));
      return this;
    }
    const inner = new DialBuilder();
    nouns?.(inner);
    this.children.push({ name: 'Dial', attrs: target, text: null, children: inner.children });
    return this;
  }

  record(attrs: Attrs = {}): this {
    return this.#verb('Record', attrs, null);
  }

  redirect(url: string, attrs: Attrs = {}): this {
    return this.#verb('Redirect', attrs, url);
  }

  enqueue(queue: string, attrs: Attrs = {}): this {
    return this.#verb('Enqueue', attrs, queue);
  }

  leave(): this {
    return this.#verb('Leave', {}, null);
  }

  hangup(): this {
    return this.#verb('Hangup', {}, null);
  }

  reject(attrs: Attrs = {}): this {
    return this.#verb('Reject', attrs, null);
  }

  /** `<Start><Stream url …/></Start>`. */
  startStream(attrs: Attrs): this {
    this.children.push({
      name: 'Start',
      attrs: {},
      text: null,
      children: [leaf('Stream', attrs, null)],
    });
    return this;
  }

  stopStream(attrs: Attrs = {}): this {
    this.children.push({
      name: 'Stop',
      attrs: {},
      text: null,
      children: [leaf('Stream', attrs, null)],
    });
    return this;
  }

  override toString(): string {
    return `<?xml version="1.0" encoding="UTF-8"?><Response>${this.children.map(render).join('')}</Response>`;
  }

  #verb(name: string, attrs: Attrs, text: string | null): this {
    this.children.push(leaf(name, attrs, text));
    return this;
  }
}

/** Builds TeXML documents: `texml.response()…toString()`. */
export const texml = {
  response: (): TexmlResponse => new TexmlResponse(),
};

function leaf(name: string, attrs: Attrs, text: string | null): Child {
  return { name, attrs, text, children: [] };
}

function render(child: Child): string {
  const attrs = Object.entries(child.attrs)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  const inner = child.text === null ? child.children.map(render).join('') : escapeXml(child.text);
  return inner === ''
    ? `<${child.name}${attrs}/>`
    : `<${child.name}${attrs}>${inner}</${child.name}>`;
}

/** Escapes the five XML specials, so any text or URL is safe in content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
