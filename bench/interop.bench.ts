// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- bpmn-moddle ships no types at its main entry; its declaration lives with the import code
/// <reference path="../src-shared/interchange/bpmn/bpmnModdle.d.ts" />
// BPMN interchange (issue 8): the time Baton takes to import a BPMN file, per 1,000 elements,
// against the reference measured in the same run on the same text: bpmn-moddle's own parse
// (`fromXML`), the part of the import Baton does not write. Two kinds of file: what Baton exports
// (with its extension) and plain BPMN as another tool writes it (no extension). Export is measured
// against bpmn-moddle writing the same definitions (`toXML`).
import { performance } from 'node:perf_hooks';
import { BpmnModdle } from 'bpmn-moddle';
import { exportBpmn } from '../src-shared/interchange/bpmn/exportBpmn';
import { importBpmn } from '../src-shared/interchange/bpmn/importBpmn';
import { flowToBpmnXml } from './flowToBpmnXml';
import { generateFlow } from './generateFlow';

const RUNS = 9;

async function medianMs(work: () => unknown): Promise<number> {
  for (let i = 0; i < 2; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const round = (value: number) => Math.round(value * 100) / 100;

async function importFigure(name: string, xml: string, elements: number) {
  const check = await importBpmn(xml);
  if (!check.ok) throw new Error(`${name}: the import is refused: ${check.message}`);
  if (check.document.model.elements.length < elements) {
    throw new Error(`${name}: only ${check.document.model.elements.length} elements imported`);
  }
  const perThousand = 1_000 / elements;
  const reference = (await medianMs(() => new BpmnModdle().fromXML(xml))) * perThousand;
  const value = (await medianMs(() => importBpmn(xml))) * perThousand;
  return {
    name,
    value: round(value),
    unit: 'ms per 1,000 elements',
    reference: round(reference),
    ratio: round(value / reference),
    bar: '<= 3',
    barOn: 'ratio',
  };
}

export async function run() {
  const figures = [];
  for (const size of [1_000, 5_000]) {
    const doc = generateFlow(size, { blocksPerRow: 'grid' });
    const label = size.toLocaleString('en');
    figures.push(
      await importFigure(`import ${label} elements exported by Baton`, exportBpmn(doc), size),
      await importFigure(`import ${label} elements of plain BPMN`, flowToBpmnXml(doc), size),
    );
  }
  const doc = generateFlow(1_000, { blocksPerRow: 'grid' });
  const { rootElement } = await new BpmnModdle().fromXML(exportBpmn(doc));
  const moddle = new BpmnModdle() as unknown as {
    toXML(element: unknown): Promise<{ xml: string }>;
  };
  const reference = await medianMs(() => moddle.toXML(rootElement));
  const value = await medianMs(() => exportBpmn(doc));
  figures.push({
    name: 'export 1,000 elements',
    value: round(value),
    unit: 'ms',
    reference: round(reference),
    ratio: round(value / reference),
    bar: '<= 1',
    barOn: 'ratio',
  });
  return figures;
}
