/** The longest BPMN text Baton reads: 20 million characters. */
export const MAX_BPMN_TEXT_LENGTH = 20_000_000;
/** The most XML elements (tags) a BPMN file may hold: some 20,000 BPMN elements with their DI. */
export const MAX_BPMN_XML_ELEMENTS = 100_000;
/** The deepest nesting of XML elements Baton reads. */
export const MAX_BPMN_DEPTH = 200;

/** Values that would reach an object's prototype if used as a key: refused as ids and references. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

const TEXT_REFERENCE = /^\s*(__proto__|constructor|prototype)\s*$/;
/** Elements whose text is a reference to an id (`<incoming>`, `<flowNodeRef>`, `<sourceRef>`…). */
const REFERENCE_ELEMENT = /(^|:)(incoming|outgoing|[A-Za-z]*Ref|[A-Za-z]*Refs)$/;
/** Attributes that hold words for people, not ids: any value is allowed there. */
const FREE_TEXT_ATTRIBUTES = new Set(['name', 'value', 'text', 'errorCode', 'language', 'label']);

/**
 * Checks BPMN text from outside before any parser sees it, and returns why it is refused, or
 * `null`. Refused: text over the size limit; a DOCTYPE or ENTITY declaration (the billion-laughs
 * and external-entity tricks live there, and BPMN never needs one); more XML elements or deeper
 * nesting than Baton reads (a parser and the code after it would take too long or overflow the
 * stack); and `__proto__`, `constructor` or `prototype` as an id, a reference, an element or
 * an attribute name, which code that keys objects by id could turn against itself. One pass over the text.
 */
export function checkBpmnText(text: string): string | null {
  if (text.length > MAX_BPMN_TEXT_LENGTH) {
    return `the file is too large: ${text.length.toLocaleString('en')} characters (Baton reads BPMN files of at most ${MAX_BPMN_TEXT_LENGTH.toLocaleString('en')})`;
  }
  let elements = 0;
  let depth = 0;
  let lastOpened = '';
  let lastEnd = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', lastEnd)) {
    if (REFERENCE_ELEMENT.test(lastOpened) && TEXT_REFERENCE.test(text.slice(lastEnd, at))) {
      return `the reference "${text.slice(lastEnd, at).trim()}" is refused: it names a property of every JavaScript object`;
    }
    lastOpened = '';
    const skipped = skipSpecial(text, at);
    if (typeof skipped === 'string') return skipped;
    if (skipped !== null) {
      lastEnd = skipped;
      continue;
    }
    if (text.charCodeAt(at + 1) === SLASH) {
      depth -= 1;
      lastEnd = endOf(text, '>', at);
      continue;
    }
    const tag = readTag(text, at);
    if (typeof tag === 'string') return tag;
    if (FORBIDDEN_NAMES.has(tag.name.replace(/^.*:/, ''))) {
      return `the element name <${tag.name}> is refused: it names a property of every JavaScript object`;
    }
    lastEnd = tag.end;
    elements += 1;
    if (elements > MAX_BPMN_XML_ELEMENTS) {
      return `the file has more than ${MAX_BPMN_XML_ELEMENTS.toLocaleString('en')} XML elements, more than Baton imports`;
    }
    if (!tag.selfClosing) {
      lastOpened = tag.name;
      depth += 1;
      if (depth > MAX_BPMN_DEPTH) {
        return `the XML elements nest deeper than ${MAX_BPMN_DEPTH} levels (at <${tag.name}>), deeper than Baton reads`;
      }
    }
  }
  return null;
}

const SLASH = 0x2f;
const GREATER = 0x3e;
const EQUALS = 0x3d;

/** The index after `marker` from `from` on (the end of the text when it is missing). */
function endOf(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from);
  return found === -1 ? text.length : found + marker.length;
}

/**
 * Skips a comment, CDATA section, processing instruction or declaration starting at `at`:
 * the index after it, `null` when a tag starts there, or why the text is refused.
 */
function skipSpecial(text: string, at: number): number | string | null {
  if (text.startsWith('<!--', at)) return endOf(text, '-->', at + 4);
  if (text.startsWith('<![CDATA[', at)) return endOf(text, ']]>', at + 9);
  if (text.startsWith('<?', at)) return endOf(text, '?>', at + 2);
  if (text.startsWith('<!', at)) {
    const kind = /^[A-Za-z]*/.exec(text.slice(at + 2, at + 12))?.[0].toUpperCase() ?? '';
    if (kind === 'DOCTYPE' || kind === 'ENTITY') {
      return `the file has a ${kind} declaration, which BPMN never needs and which can hide entity expansion (billion laughs) or external entities: refused`;
    }
    return endOf(text, '>', at + 2);
  }
  return null;
}

/** XML white space: space, tab, line feed, carriage return. */
const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** Reads the start tag at `at`: its name, whether it closes itself, and where it ends. */
function readTag(
  text: string,
  at: number,
): { name: string; selfClosing: boolean; end: number } | string {
  let index = at + 1;
  while (
    index < text.length &&
    !isSpace(text.charCodeAt(index)) &&
    text.charCodeAt(index) !== GREATER &&
    text.charCodeAt(index) !== SLASH
  )
    index += 1;
  const name = text.slice(at + 1, index);
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === GREATER)
      return { name, selfClosing: text.charCodeAt(index - 1) === SLASH, end: index + 1 };
    if (code === EQUALS) {
      const nameEnd = index;
      let nameStart = nameEnd;
      while (nameStart > at && isSpace(text.charCodeAt(nameStart - 1))) nameStart -= 1;
      const attributeEnd = nameStart;
      while (nameStart > at && !isSpace(text.charCodeAt(nameStart - 1))) nameStart -= 1;
      index += 1;
      while (index < text.length && isSpace(text.charCodeAt(index))) index += 1;
      const quote = text[index];
      if (quote !== '"' && quote !== "'") continue;
      const valueEnd = text.indexOf(quote, index + 1);
      if (valueEnd === -1) return { name, selfClosing: false, end: text.length };
      const problem = checkAttribute(
        text.slice(nameStart, attributeEnd),
        text.slice(index + 1, valueEnd),
      );
      if (problem) return problem;
      index = valueEnd + 1;
      continue;
    }
    index += 1;
  }
  return { name, selfClosing: false, end: text.length };
}

const FORBIDDEN_TEXT = /__proto__|constructor|prototype/;

function checkAttribute(name: string, rawValue: string): string | null {
  const local = name.replace(/^.*:/, '');
  if (FORBIDDEN_NAMES.has(local)) {
    return `the attribute name "${name}" is refused: it names a property of every JavaScript object`;
  }
  if (!FORBIDDEN_TEXT.test(rawValue)) return null;
  if (FREE_TEXT_ATTRIBUTES.has(local) || name.startsWith('xmlns')) return null;
  const value = rawValue.trim();
  if (value.split(/\s+/).some((word) => FORBIDDEN_NAMES.has(word))) {
    return `the value "${value.slice(0, 40)}" of ${name} is refused: "${value}" names a property of every JavaScript object, so it cannot be an id or a reference`;
  }
  return null;
}
