/** Attribute values: what XML would otherwise change (quotes, markup, and line breaks and tabs). */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Text content: markup characters, and carriage returns (which XML turns into line feeds). */
export function escapeText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attributes in the order given; `undefined` values are left out. */
export type Attributes = readonly (readonly [string, string | number | boolean | undefined])[];

/**
 * Builds indented XML line by line: `open` and `close` around children, `leaf` for an element
 * without children (or with text only). The result is deterministic: the same calls, the same text.
 */
export class XmlWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  line(text: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }

  open(tag: string, attributes: Attributes = []): void {
    this.line(`<${tag}${formatAttributes(attributes)}>`);
    this.depth += 1;
  }

  close(tag: string): void {
    this.depth -= 1;
    this.line(`</${tag}>`);
  }

  leaf(tag: string, attributes: Attributes = [], text?: string): void {
    const head = `<${tag}${formatAttributes(attributes)}`;
    this.line(text === undefined ? `${head} />` : `${head}>${escapeText(text)}</${tag}>`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function formatAttributes(attributes: Attributes): string {
  return attributes
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join('');
}
