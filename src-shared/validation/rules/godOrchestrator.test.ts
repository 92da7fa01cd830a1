import { describe, expect, it } from 'vitest';
import { chain, el, flowOf, path } from '../../../test/shared/flows';
import type { Catalog } from '../../model/catalog';
import type { Element } from '../../model/document';
import { indexFlow } from '../flowIndex';
import { booleanOperators, checkGodOrchestrator, godOrchestratorLimits } from './godOrchestrator';

const line = (...steps: Element[]) =>
  flowOf([el.start('s'), ...steps, el.end('e')], chain('s', ...steps.map((step) => step.id), 'e'));

describe('god orchestrator (FLOW306, FLOW307)', () => {
  const services = (count: number): Catalog => ({
    services: Array.from({ length: count }, (_, i) => ({
      name: `S${i}`,
      operations: [{ name: 'run', mock: { latencyMs: 1, failRate: 0, honoursIdempotency: true } }],
    })),
  });
  const calling = (count: number) => {
    const steps = Array.from({ length: count }, (_, i) =>
      el.task(`t${i}`, { service: `S${i}`, operation: 'run' }),
    );
    return flowOf(
      [el.start('s'), ...steps, el.end('e')],
      chain('s', ...steps.map((t) => t.id), 'e'),
      services(count),
    );
  };

  it.each([
    [godOrchestratorLimits.maxServices, []],
    [godOrchestratorLimits.maxServices + 1, [['FLOW306', undefined]]],
  ])('given a flow calling %i services, when linted, then it finds %j', (count, expected) => {
    const findings = checkGodOrchestrator(indexFlow(calling(count))).map((d) => [
      d.code,
      d.elementId,
    ]);

    expect(findings).toEqual(expected);
  });

  it('given many tasks calling one service, when linted, then the service counts once', () => {
    const steps = Array.from({ length: 20 }, (_, i) => el.task(`t${i}`));

    expect(checkGodOrchestrator(indexFlow(line(...steps)))).toEqual([]);
  });

  const gated = (condition: string) =>
    flowOf(
      [el.start('s'), el.xor('g', { default: 'g-e' }), el.end('e')],
      [path('s', 'g'), path('g', 'e'), path('g', 'e', { id: 'rule', condition })],
    );
  it.each([
    ['a short rule', 'amount > 100 and country = "FR"', []],
    ['four operators', 'a and b or c and d or e', []],
    ['five operators', 'a and b or c and d or e and f', [['FLOW307', 'rule']]],
    ['operators inside strings, which do not count', '"a and b or c and d or e and f" = x', []],
    ['a condition over 200 characters', `x = "${'y'.repeat(200)}"`, [['FLOW307', 'rule']]],
  ])('given %s (%j), when linted, then it finds %j', (_, condition, expected) => {
    const findings = checkGodOrchestrator(indexFlow(gated(condition))).map((d) => [
      d.code,
      d.elementId,
    ]);

    expect(findings).toEqual(expected);
  });

  it.each([
    ['a and b', 1],
    ['brand = "x" or band', 1],
    ['$exists(order) and order.orderly', 1],
    ['\'and\' & "or" & `and`', 0],
  ])('given %j, when counting boolean operators, then there are %i', (expression, count) => {
    expect(booleanOperators(expression)).toBe(count);
  });
});
