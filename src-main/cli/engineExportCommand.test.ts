import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'baton-cli-engines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function baton(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const saga = 'assets/examples/order-saga.json';
const kyc = 'assets/examples/kyc-onboarding.json';
const map = 'assets/examples/choreography-saga.json';
const noEvents = 'assets/examples/travel-booking.json';

describe('baton export --to xstate as TypeScript', () => {
  it('-o machine.ts writes the module that needs only xstate', async () => {
    const out = join(dir, 'machine.ts');
    const result = await baton('export', saga, '--to', 'xstate', '-o', out);
    expect(result.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain("import { assign, setup } from 'xstate';");
    expect(text).toContain('export const machine = setup({');
    expect(text).toContain('"id": "chargePayment"');
  });

  it('--to xstate-ts prints it; -o x.json keeps the JSON machine', async () => {
    const printed = await baton('export', map, '--to', 'xstate-ts');
    expect(printed.code).toBe(0);
    expect(printed.out).toContain('export const services = {');
    const json = join(dir, 'machine.json');
    expect((await baton('export', saga, '--to', 'xstate', '-o', json)).code).toBe(0);
    expect(readFileSync(json, 'utf8')).toBe((await baton('compile', saga)).out);
  });
});

describe('baton export --to asl', () => {
  it('writes the Step Functions definition and reports what it approximates on stderr', async () => {
    const result = await baton('export', kyc, '--to', 'asl');
    expect(result.code).toBe(0);
    const definition = JSON.parse(result.out) as { QueryLanguage: string; StartAt: string };
    expect(definition).toMatchObject({ QueryLanguage: 'JSONata', StartAt: 'applicationSubmitted' });
    expect(result.err).toContain(`${kyc}: approximated ASL001 [managerApproval]`);
    expect(result.err).toContain(`${kyc}: note ASL100`);
  });

  it('refuses a choreography map with exit 2 and a clear word', async () => {
    const out = join(dir, 'map.asl.json');
    const result = await baton('export', map, '--to', 'asl', '-o', out);
    expect(result.code).toBe(2);
    expect(result.err).toContain('a choreography map has no coordinator');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 with the validator messages when the result does not validate', async () => {
    // A gateway condition that is not JSONata: Baton's validation warns, ASL cannot take it.
    const doc = JSON.parse(readFileSync(kyc, 'utf8')) as {
      model: { connections: { id: string; condition?: string }[] };
    };
    doc.model.connections.find((c) => c.id === 'flow_risk_review')!.condition = 'riskScore >=';
    const file = join(dir, 'broken-condition.json');
    const out = join(dir, 'broken.asl.json');
    writeFileSync(file, JSON.stringify(doc));
    const result = await baton('export', file, '--to', 'asl', '-o', out);
    expect(result.code).toBe(1);
    expect(result.err).toContain('does not validate');
    expect(result.err).toMatch(/SCHEMA_VALIDATION_FAILED/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 with the diagnostics when the flow does not compile', async () => {
    const result = await baton(
      'export',
      'test/fixtures/broken/FLOW001.no-start.json',
      '--to',
      'asl',
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('not exported');
  });
});

describe('baton export --to asyncapi', () => {
  it('writes the AsyncAPI 3.0 document of a map', async () => {
    const out = join(dir, 'saga.asyncapi.json');
    const result = await baton('export', map, '--to', 'asyncapi', '-o', out);
    expect(result.code).toBe(0);
    const document = JSON.parse(readFileSync(out, 'utf8')) as { asyncapi: string };
    expect(document.asyncapi).toBe('3.0.0');
  }, 60_000);

  it('refuses a flow with no events with exit 2', async () => {
    const result = await baton('export', noEvents, '--to', 'asyncapi');
    expect(result.code).toBe(2);
    expect(result.err).toContain('neither publishes nor awaits events');
  });
});
