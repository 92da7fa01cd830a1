import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../src-shared/contract/contract';
import { BatonError } from '../../src-shared/contract/errors';
import { BatonCore, createInProcessClient } from './BatonCore';

let core: BatonCore;
let client: Client;

beforeEach(() => {
  core = new BatonCore({ workspacePath: ':memory:', mode: 'in-process', runInBackground: false });
  client = createInProcessClient(core);
});
afterEach(() => core.close());

const importExample = (name: string) =>
  client['workflows.import']({ text: readFileSync(`assets/examples/${name}.json`, 'utf8') });

async function failureOf(call: Promise<unknown>): Promise<BatonError> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BatonError);
  return error as BatonError;
}

describe('workflows.exportFor', () => {
  it('given a flow, when exported to ASL, then a validated definition named after it comes back with its report', async () => {
    const { id } = await importExample('kyc-onboarding');

    const exported = await client['workflows.exportFor']({ id, format: 'asl' });

    expect(exported.fileName).toBe('KYC onboarding.asl.json');
    expect(exported.mimeType).toBe('application/json');
    expect(JSON.parse(exported.text)).toMatchObject({ QueryLanguage: 'JSONata' });
    expect(exported.report.map((item) => item.code)).toContain('ASL001');
  });

  it('given a map, when exported to AsyncAPI, then its payloads come from the workspace catalog', async () => {
    const { id } = await importExample('choreography-saga');

    const exported = await client['workflows.exportFor']({ id, format: 'asyncapi' });

    expect(exported.fileName).toBe('Choreography saga.asyncapi.json');
    const document = JSON.parse(exported.text) as {
      components: { messages: Record<string, { payload: { properties: object } }> };
    };
    const [first] = Object.values(document.components.messages);
    expect(Object.keys(first!.payload.properties).length).toBeGreaterThan(1);
  }, 60_000);

  it('given a flow, when exported as an XState module, then a TypeScript file comes back', async () => {
    const { id } = await importExample('order-saga');

    const exported = await client['workflows.exportFor']({ id, format: 'xstate-ts' });

    expect(exported.fileName).toBe('Order saga.machine.ts');
    expect(exported.text).toContain('export const machine = setup({');
  });

  it('given a map, when exported to ASL, then it is refused with invalid-input saying why', async () => {
    const { id } = await importExample('order-fanout');

    const error = await failureOf(client['workflows.exportFor']({ id, format: 'asl' }));

    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('choreography map');
  });

  it('given an unknown format, when invoked, then the arguments are refused', async () => {
    const { id } = await importExample('order-saga');

    const envelope = await core.invoke('workflows.exportFor', { id, format: 'bpel' });

    expect(envelope.ok).toBe(false);
    expect(envelope.ok ? '' : envelope.error.code).toBe('invalid-input');
  });
});
