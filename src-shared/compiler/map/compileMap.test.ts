import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { map, mapCases, orderSaga, react } from '../../../test/fixtures/compiler/maps';
import { flow } from '../../../test/fixtures/compiler/cases';
import { DEFAULT_BROKER, type WorkflowDocument } from '../../model/document';
import { compileMap, serializeCompiledMap } from './compileMap';
import type { CompiledMap } from './mapTypes';

const goldenDir = join(__dirname, '../../../test/fixtures/compiler/golden/maps');
const update = process.env.BATON_UPDATE_GOLDEN === '1';

function compiledOf(doc: WorkflowDocument): CompiledMap {
  const { compiled, diagnostics } = compileMap(doc);
  if (!compiled) throw new Error(`no compiled map: ${diagnostics[0]?.message}`);
  return compiled;
}

describe('compiled maps match their golden files', () => {
  it.each(Object.entries(mapCases))('%s', (name, doc) => {
    // Given a map exercising one compiler feature
    const { compiled, diagnostics } = compileMap(doc);

    // Then it compiles cleanly, to exactly the pinned JSON, the same bytes every time
    expect(diagnostics).toEqual([]);
    const text = serializeCompiledMap(compiled!);
    expect(serializeCompiledMap(compiledOf(structuredClone(doc)))).toBe(text);
    const golden = join(goldenDir, `${name}.map.json`);
    if (update) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(golden, text);
    }
    expect(
      text,
      `golden ${name} differs; rerun with BATON_UPDATE_GOLDEN=1 if the change is intended`,
    ).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('the shape of a compiled map', () => {
  it('keys services and event types in document order, one machine per service node', () => {
    const compiled = compiledOf(orderSaga);

    expect(Object.keys(compiled.services)).toEqual(['shop', 'payment', 'inventory', 'shipping']);
    expect(Object.keys(compiled.broker.subscriptions)).toEqual(
      orderSaga.model.elements.filter((e) => e.type === 'eventType').map((e) => e.id),
    );
    expect(compiled.broker.subscriptions.stockUnavailable).toEqual([
      { service: 'payment', reaction: 'e10', idempotent: true, concurrency: 1 },
    ]);
    expect(compiled.broker.initialEvents).toEqual(['orderPlaced']);
    expect(compiled.broker.terminalEvents).toEqual({
      orderConfirmed: 'completed',
      orderCancelled: 'compensated',
      orderRejected: 'failed',
    });
  });

  it('gives a service a state per reaction and per initial event it publishes, ids that cannot clash', () => {
    const { shop, payment } = compiledOf(orderSaga).services;

    expect(Object.keys(payment?.states ?? {})).toEqual(['__idle', 'react_e2', 'react_e10']);
    expect(Object.keys(shop?.states ?? {})).toEqual(['__idle', 'react_e12', 'start_e1']);
  });

  it('fills in the default broker when the map sets none', () => {
    expect(compiledOf(orderSaga).broker.settings).toEqual(DEFAULT_BROKER);
    expect(DEFAULT_BROKER).toEqual({
      delivery: 'at-least-once',
      duplicateRate: 0,
      maxDeliveries: 5,
      deadLetterQueue: true,
    });
  });
});

describe('a service machine depends only on its own reactions and publish edges', () => {
  it('adding a consumer to an event changes no other service’s machine, byte for byte', () => {
    // Given the order saga compiled
    const before = compiledOf(orderSaga);

    // When an auditing service subscribes to three events the saga already publishes
    const withAudit = structuredClone(orderSaga);
    withAudit.model.elements.push({
      type: 'service',
      id: 'audit',
      name: 'Audit',
      service: 'Audit',
    });
    withAudit.diagram.shapes.audit = { x: 0, y: 400 };
    for (const source of ['orderPlaced', 'paymentCaptured', 'orderCancelled']) {
      withAudit.model.connections.push({
        id: `audit_${source}`,
        source,
        target: 'audit',
        reaction: react({ operations: [{ operation: 'record' }], idempotent: false }),
      });
    }
    const after = compiledOf(withAudit);

    // Then every other service's machine is the same text, and only the wiring knows the audit
    const text = (compiled: CompiledMap, id: string) => JSON.stringify(compiled.services[id]);
    for (const id of Object.keys(before.services)) expect(text(after, id)).toBe(text(before, id));
    expect(Object.keys(after.services)).toEqual([...Object.keys(before.services), 'audit']);
    expect(after.broker.subscriptions.orderPlaced?.map((s) => s.service)).toEqual([
      'payment',
      'audit',
    ]);
    expect(JSON.stringify(after.tracker)).toBe(JSON.stringify(before.tracker));
  });
});

describe('what stops a map from compiling', () => {
  const reactionOnPublishEdge = map(
    [
      ['svc', 'service'],
      ['evt', 'eventType'],
    ],
    [['svc', 'evt', react({})]],
  );
  const emitsAService = map(
    [
      ['svc', 'service'],
      ['evt', 'eventType'],
    ],
    [['evt', 'svc', react({ emitsOnSuccess: ['svc', 'ghost'] })]],
  );

  it.each([
    ['MAP001', flow([], []), 'this document is a flow, not a map'],
    [
      'MAP002',
      reactionOnPublishEdge,
      'edge "e1" has a reaction but does not lead from an event type to a service',
    ],
    [
      'MAP003',
      emitsAService,
      'the reaction on edge "e1" emits "svc", which is not an event type on this map',
    ],
  ])('%s: returns the diagnostic and nothing compiled, without throwing', (code, doc, message) => {
    const result = compileMap(doc);

    expect(result.compiled).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({ code, severity: 'error', message });
    for (const diagnostic of result.diagnostics) expect(diagnostic.help.length).toBeGreaterThan(10);
  });

  it('MAP004: an edge that neither publishes nor reacts stops the map compiling, as validation does', () => {
    const doc = map(
      [
        ['a', 'service'],
        ['b', 'service'],
        ['evt', 'eventType'],
      ],
      [
        ['a', 'b'],
        ['evt', 'a'],
      ],
    );

    const { compiled, diagnostics } = compileMap(doc);

    expect(diagnostics.map((d) => [d.code, d.severity, d.elementId])).toEqual([
      ['MAP004', 'error', 'e1'],
      ['MAP004', 'error', 'e2'],
    ]);
    expect(compiled).toBeNull();
  });
});
