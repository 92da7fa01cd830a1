import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { exportAsl } from '../../src-shared/interchange/asl/exportAsl';
import type { AslState } from '../../src-shared/interchange/asl/aslTypes';
import { loadExamples } from '../../test/shared/exampleFiles';
import { evaluate } from '../runtime/expressions';

/** Evaluates an ASL JSONata template (`{% … %}`) with `$states` bound, as Step Functions does. */
async function evaluateTemplate(template: unknown, states: Record<string, unknown>) {
  const source = String(template).replace(/^\{% /, '').replace(/ %\}$/, '');
  return (await jsonata(source).evaluate({}, { states })) as unknown;
}

/** What Baton's runtime gives for a mapping over `input` (it must evaluate). */
async function runtimeValue(source: string, input: unknown): Promise<unknown> {
  const evaluated = await evaluate(source, input);
  if (!evaluated.ok) throw new Error(`${source}: ${evaluated.message}`);
  return evaluated.value;
}

const data = {
  orderId: 'o-1',
  customerId: 'c-7',
  items: [{ sku: 'A', qty: 2 }],
  amount: 120,
  currency: 'EUR',
  shippingAddress: { city: 'Lyon' },
  customerEmail: 'c@example.com',
  reservationId: 'r-1',
  paymentId: 'p-1',
  trackingNumber: 't-1',
};
const result = { reservationId: 'r-2', paymentId: 'p-2', trackingNumber: 't-2' };

/**
 * The mappings go to Step Functions as they are (JSONata on both sides): evaluated there over
 * the state's input, they give what Baton's runtime gives over the instance data.
 */
describe.each(loadExamples('flow'))('the mappings of %s in ASL', (_name, doc) => {
  const definition = exportAsl(doc).definition!;
  const tasks = new Map<string, AslState>();
  const visit = (states: Record<string, AslState>) => {
    for (const [name, state] of Object.entries(states)) {
      tasks.set(name, state);
      for (const branch of state.Branches ?? []) visit(branch.States);
    }
  };
  visit(definition.States);
  const serviceTasks = doc.model.elements.flatMap((e) => (e.type === 'serviceTask' ? [e] : []));

  it.each(serviceTasks.map((task) => [task.id, task] as const))(
    '%s: Arguments and Output match the runtime',
    async (id, task) => {
      const state = tasks.get(id)!;
      const args = await evaluateTemplate(state.Arguments, { input: data });
      const input = task.input === undefined ? data : await runtimeValue(task.input, data);
      expect(args).toEqual(input);

      const output = await evaluateTemplate(state.Output, { input: data, result });
      const mapped =
        task.output === undefined ? result : await runtimeValue(task.output, { data, result });
      expect(output).toEqual({ ...data, ...(mapped as object) });
    },
  );

  const undone = serviceTasks.filter((task) => tasks.has(`__undo_${task.id}`));

  it('undoes every compensable step that a later step can fail after', () => {
    const compensable = serviceTasks.filter((task) => task.compensation && !task.pivot);
    // Only the last step of the flow cannot fail after it completed.
    expect(undone.length).toBeGreaterThanOrEqual(Math.max(0, compensable.length - 1));
  });

  it.each(undone.map((task) => [task.id, task] as const))(
    '%s: its undo gets the compensation input',
    async (id, task) => {
      const args = await evaluateTemplate(tasks.get(`__undo_${id}`)!.Arguments, { input: data });
      const source = task.compensation?.input;
      expect(args).toEqual(source === undefined ? data : await runtimeValue(source, data));
    },
  );
});
