/** The longest BPMN text Baton reads: 20 million characters. */
export const MAX_BPMN_TEXT_LENGTH = 20_000_000;
/** The most XML elements (tags) a BPMN file may hold: some 20,000 BPMN elements with their DI. */
export const MAX_BPMN_XML_ELEMENTS = 100_000;
/** The deepest nesting of XML elements Baton reads. */
export const MAX_BPMN_DEPTH = 200;

/** Values that would reach an object's prototype if used as a key: refused as ids and references. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A tag, a comment, a CDATA section, a processing instruction or a declaration. Attribute values
 * are matched as quoted strings so that a `>` inside one does not end the tag.
 */
const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!([A-Za-z]+)|<(\/?)([^\s/>!?]+)((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
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
 * stack); and `__proto__`, `constructor` or `prototype` as an id, a reference or an attribute
 * name, which code that keys objects by id could turn against itself. One pass over the text.
 */
export function checkBpmnText(text: string): string | null {
  if (text.length > MAX_BPMN_TEXT_LENGTH) {
    return `the file is too large: ${text.length.toLocaleString('en')} characters (Baton reads BPMN files of at most ${MAX_BPMN_TEXT_LENGTH.toLocaleString('en')})`;
  }
  let elements = 0;
  let depth = 0;
  let lastEnd = 0;
  let lastOpened = '';
  for (const match of text.matchAll(MARKUP)) {
    const [whole, declaration, closing, name, attributes, selfClosing] = match;
    const between = text.slice(lastEnd, match.index);
    lastEnd = match.index + whole.length;
    if (REFERENCE_ELEMENT.test(lastOpened) && TEXT_REFERENCE.test(between)) {
      return `the reference "${between.trim()}" is refused: it names a property of every JavaScript object`;
    }
    if (declaration !== undefined) {
      const kind = declaration.toUpperCase();
      if (kind === 'DOCTYPE' || kind === 'ENTITY') {
        return `the file has a ${kind} declaration, which BPMN never needs and which can hide entity expansion (billion laughs) or external entities: refused`;
      }
      continue;
    }
    if (name === undefined) continue;
    if (closing) {
      depth -= 1;
      continue;
    }
    elements += 1;
    lastOpened = name;
    if (elements > MAX_BPMN_XML_ELEMENTS) {
      return `the file has more than ${MAX_BPMN_XML_ELEMENTS.toLocaleString('en')} XML elements, more than Baton imports`;
    }
    const problem = checkAttributes(attributes ?? '');
    if (problem) return problem;
    if (!selfClosing) {
      depth += 1;
      if (depth > MAX_BPMN_DEPTH) {
        return `the XML elements nest deeper than ${MAX_BPMN_DEPTH} levels (at <${name}>), deeper than Baton reads`;
      }
    }
  }
  return null;
}

function checkAttributes(attributes: string): string | null {
  for (const [, name, double, single] of attributes.matchAll(ATTRIBUTE)) {
    const value = (double ?? single ?? '').trim();
    const local = (name ?? '').replace(/^.*:/, '');
    if (FORBIDDEN_NAMES.has(local)) {
      return `the attribute name "${name}" is refused: it names a property of every JavaScript object`;
    }
    if (FREE_TEXT_ATTRIBUTES.has(local) || (name ?? '').startsWith('xmlns')) continue;
    if (value.split(/\s+/).some((word) => FORBIDDEN_NAMES.has(word))) {
      return `the value "${value.slice(0, 40)}" of ${name} is refused: "${value}" names a property of every JavaScript object, so it cannot be an id or a reference`;
    }
  }
  return null;
}
