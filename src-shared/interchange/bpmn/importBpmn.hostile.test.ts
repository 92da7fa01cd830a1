import { describe, expect, it } from 'vitest';
import { MAX_BPMN_TEXT_LENGTH } from './checkBpmnText';
import { importBpmn } from './importBpmn';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';

/** A minimal definitions element around `body`. */
const definitions = (body: string, prolog = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${prolog}<bpmn:definitions ${NS} id="d" targetNamespace="t">${body}</bpmn:definitions>`;

async function refusal(xml: string): Promise<string> {
  const result = await importBpmn(xml);
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.problems.length).toBeGreaterThan(0);
  return result.message;
}

describe('importing hostile BPMN', () => {
  it('refuses the billion laughs (entity expansion) before parsing', async () => {
    const entities = Array.from(
      { length: 10 },
      (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`,
    ).join('');
    const xml = definitions(
      '<bpmn:process id="p"><bpmn:task id="t" name="&lol10;"/></bpmn:process>',
      `<!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]>`,
    );
    expect(await refusal(xml)).toMatch(/DOCTYPE declaration.*billion laughs/);
  });

  it('refuses external entities', async () => {
    const xml = definitions(
      '<bpmn:process id="p"><bpmn:task id="t" name="&xxe;"/></bpmn:process>',
      '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    expect(await refusal(xml)).toMatch(/DOCTYPE declaration.*external entities/);
  });

  it('refuses 100,000 elements with a clear word, without parsing them', async () => {
    const tasks = Array.from({ length: 100_000 }, (_, n) => `<bpmn:task id="t${n}"/>`).join('');
    const started = performance.now();
    expect(await refusal(definitions(`<bpmn:process id="p">${tasks}</bpmn:process>`))).toMatch(
      /more than 100,000 XML elements/,
    );
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses 10,000 levels of nesting', async () => {
    const open = '<bpmn:subProcess id="s">'.repeat(10_000);
    const close = '</bpmn:subProcess>'.repeat(10_000);
    const message = await refusal(
      definitions(`<bpmn:process id="p">${open}${close}</bpmn:process>`),
    );
    expect(message).toMatch(/nest deeper than 200 levels/);
  });

  it.each([
    ['an id', '<bpmn:task id="__proto__"/>'],
    ['a constructor id', '<bpmn:task id="constructor"/>'],
    [
      'a reference',
      '<bpmn:task id="a"/><bpmn:sequenceFlow id="f" sourceRef="a" targetRef="prototype"/>',
    ],
    [
      'a reference in text',
      '<bpmn:task id="a"><bpmn:incoming>__proto__</bpmn:incoming></bpmn:task>',
    ],
    [
      'an element name',
      '<bpmn:task id="a"><bpmn:extensionElements><x:__proto__ xmlns:x="urn:x" /></bpmn:extensionElements></bpmn:task>',
    ],
    ['an attribute name', '<bpmn:task id="a" x:constructor="1" xmlns:x="urn:x" />'],
  ])('refuses __proto__, constructor and prototype as %s', async (_, body) => {
    expect(await refusal(definitions(`<bpmn:process id="p">${body}</bpmn:process>`))).toMatch(
      /names a property of every JavaScript object/,
    );
  });

  it('accepts those words where people write them (a name)', async () => {
    const result = await importBpmn(
      definitions('<bpmn:process id="p"><bpmn:task id="a" name="constructor"/></bpmn:process>'),
    );
    expect(result.ok).toBe(true);
  });

  it('refuses a file over the size limit', async () => {
    const padding = `<!--${' '.repeat(MAX_BPMN_TEXT_LENGTH)}-->`;
    expect(await refusal(definitions('', padding))).toMatch(/too large/);
  });

  it.each([
    ['text that is not XML', 'not xml at all'],
    ['XML that is not BPMN', '<?xml version="1.0"?><html><body/></html>'],
    ['BPMN without a process', definitions('')],
  ])('refuses %s with a clear message', async (_, text) => {
    expect(await refusal(text)).toMatch(/^Cannot (read|import) the BPMN file: \S/);
  });
});

describe('importing large BPMN', () => {
  it('gives the tasks of a file with more than 500 distinct task names operations a service can hold', async () => {
    const tasks = Array.from({ length: 700 }, (_, n) => `<bpmn:task id="t${n}" name="Task ${n}"/>`);
    const result = await importBpmn(
      definitions(`<bpmn:process id="p">${tasks.join('')}</bpmn:process>`),
    );
    if (!result.ok) throw new Error(result.message);
    const operations = result.document.catalog?.services[0]?.operations ?? [];
    expect(operations.length).toBe(500);
    expect(result.document.model.elements).toHaveLength(700);
  });
});
