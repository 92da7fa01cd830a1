import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { createInProcessPlatform } from '../../test/helpers/inProcessPlatform';
import {
  codeMirrorOf,
  importExample,
  letCodeMirrorMeasure,
  mainSideServes,
  renderInWorkspace,
  replaceCodeMirrorText,
  type InProcessPlatform,
} from '../../test/helpers/runsHarness';
import { RunDialog } from './RunDialog';

const jsonContent = () => screen.getByRole('textbox', { name: 'Scenario JSON' });
const jsonText = () => codeMirrorOf(jsonContent()).state.doc.toString();
const jsonValue = () => JSON.parse(jsonText()) as Record<string, unknown>;
const startButton = () => screen.getByRole('button', { name: /^Start/ });

describe('the run dialog (jsdom, real services on in-memory SQLite)', () => {
  let platform: InProcessPlatform;
  let workflowId: string;
  let doc: WorkflowDocument;
  const onClose = vi.fn();
  beforeAll(letCodeMirrorMeasure);

  beforeEach(async () => {
    platform = createInProcessPlatform();
    ({
      workflow: { id: workflowId },
      document: doc,
    } = await importExample(platform, 'order-saga'));
    onClose.mockReset();
  });
  afterEach(() => platform.core.close());

  const open = (mode: 'run' | 'debug' = 'run') =>
    renderInWorkspace(
      platform,
      <RunDialog
        workflowId={workflowId}
        doc={doc}
        initialMode={mode}
        // The draft is already stored: there is nothing pending to save before the start.
        flush={() => Promise.resolve()}
        onClose={onClose}
      />,
    );

  it('writes what the form sets into the JSON view', async () => {
    // Given the dialog on the order saga, with an empty scenario
    open();
    expect(jsonValue()).toEqual({});
    const mocks = screen.getByRole('table');
    expect(within(mocks).getByRole('rowheader', { name: /Payment\.charge/ })).toBeTruthy();
    expect(within(mocks).getByRole('rowheader', { name: /Payment\.refund/ })).toBeTruthy();

    // When payment is set to fail on its first attempt then succeed, with a latency and a seed
    await userEvent.click(screen.getByRole('button', { name: 'Add an attempt to Payment.charge' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add an attempt to Payment.charge' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Payment.charge latency' }), '10-400');
    await userEvent.type(screen.getByRole('textbox', { name: 'Seed' }), '7');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Input data (JSON)' }),
      '{{"orderId": "o-1", "amount": 120}',
    );

    // Then the JSON view holds the same scenario, and it can be started
    expect(jsonValue()).toEqual({
      mocks: { 'Payment.charge': { outcomes: ['fail', 'ok'], latencyMs: { min: 10, max: 400 } } },
      seed: 7,
      input: { orderId: 'o-1', amount: 120 },
    });
    expect(screen.queryByRole('alert', { name: 'Problems in the scenario' })).toBeNull();
    expect(startButton()).toHaveProperty('disabled', false);

    // When the attempts are removed again, the mock leaves the JSON
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove the last attempt of Payment.charge' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Remove the last attempt of Payment.charge' }),
    );
    await userEvent.clear(screen.getByRole('textbox', { name: 'Payment.charge latency' }));
    expect(jsonValue()).toEqual({ seed: 7, input: { orderId: 'o-1', amount: 120 } });
  });

  it('gives one step a mock of its own, keyed by its element id', async () => {
    open();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Give one step its own mock' }),
      'chargePayment',
    );
    expect(
      screen.getByRole('rowheader', { name: /Charge payment \(chargePayment\)/ }),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add an attempt to chargePayment' }));
    expect(jsonValue()).toEqual({ mocks: { chargePayment: { outcomes: ['fail'] } } });
    await userEvent.click(screen.getByRole('button', { name: 'Remove the mock of chargePayment' }));
    expect(jsonValue()).toEqual({});
  });

  it('decides user tasks, and for a map sets the broker and when services are down', async () => {
    // Given a flow with people in it
    const kyc = await importExample(platform, 'kyc-onboarding');
    const first = renderInWorkspace(
      platform,
      <RunDialog
        workflowId={kyc.workflow.id}
        doc={kyc.document}
        initialMode="run"
        flush={() => Promise.resolve()}
        onClose={onClose}
      />,
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Decision for Manager approval' }),
      'reject',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Decision for Senior review' }),
      'ignore',
    );
    expect(jsonValue()).toEqual({
      approvals: { managerApproval: 'reject', seniorReview: 'ignore' },
    });
    expect(screen.queryByRole('heading', { name: 'Broker' })).toBeNull();
    first.unmount();

    // Given a map
    const map = await importExample(platform, 'choreography-saga');
    renderInWorkspace(
      platform,
      <RunDialog
        workflowId={map.workflow.id}
        doc={map.document}
        initialMode="run"
        flush={() => Promise.resolve()}
        onClose={onClose}
      />,
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Duplicate rate' }), '0.2');
    await userEvent.type(screen.getByRole('textbox', { name: 'Max deliveries' }), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Add a down window for Inventory' }));
    const until = screen.getByRole('textbox', { name: 'Inventory down until (window 1)' });
    await userEvent.clear(until);
    await userEvent.type(until, '30000');
    expect(jsonValue()).toEqual({
      broker: { duplicateRate: 0.2, maxDeliveries: 3 },
      down: { Inventory: [{ fromMs: 0, toMs: 30000 }] },
    });

    // A window that ends before it starts is named
    await userEvent.clear(until);
    expect(screen.getByRole('alert', { name: 'Problems in the scenario' }).textContent).toContain(
      'down.Inventory.0',
    );
  });

  it('shows in the form what is typed in the JSON view', async () => {
    open();
    // When a scenario is pasted into the JSON view
    replaceCodeMirrorText(
      jsonContent(),
      JSON.stringify({
        seed: 42,
        mocks: { 'Inventory.reserve': { outcomes: ['timeout', 'ok'], failRate: 0.25 } },
      }),
    );
    // Then the form shows it
    expect(screen.getByRole('textbox', { name: 'Seed' })).toHaveProperty('value', '42');
    expect(screen.getByRole('combobox', { name: 'Inventory.reserve attempt 1' })).toHaveProperty(
      'value',
      'timeout',
    );
    expect(screen.getByRole('combobox', { name: 'Inventory.reserve attempt 2' })).toHaveProperty(
      'value',
      'ok',
    );
    expect(screen.getByRole('textbox', { name: 'Inventory.reserve fail rate' })).toHaveProperty(
      'value',
      '0.25',
    );

    // And an edit in the form keeps what the JSON had
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Inventory.reserve attempt 2' }),
      'late-ok',
    );
    // (the JSON view takes outside changes once typing in it has paused)
    await waitFor(() =>
      expect(jsonValue()).toEqual({
        seed: 42,
        mocks: { 'Inventory.reserve': { outcomes: ['timeout', 'late-ok'], failRate: 0.25 } },
      }),
    );
  });

  it('names the field of a scenario that fails the check and blocks the start, keeping the text', async () => {
    open();
    // When the JSON holds a fail rate above 1 and an unknown outcome
    const text = '{ "mocks": { "Payment.charge": { "failRate": 2, "outcomes": ["explode"] } } }';
    replaceCodeMirrorText(jsonContent(), text);

    // Then both problems are listed with their field, Start is off, and the text is as typed
    const problems = screen.getByRole('alert', { name: 'Problems in the scenario' });
    expect(problems.textContent).toContain('mocks.Payment.charge.failRate');
    expect(problems.textContent).toContain('mocks.Payment.charge.outcomes.0');
    expect(startButton()).toHaveProperty('disabled', true);
    expect(jsonText()).toBe(text);

    // When the fail rate is fixed in the form and the bad outcome replaced
    const failRate = screen.getByRole('textbox', { name: 'Payment.charge fail rate' });
    await userEvent.clear(failRate);
    await userEvent.type(failRate, '0.5');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Payment.charge attempt 1' }),
      'fail',
    );
    // Then it can be started
    expect(screen.queryByRole('alert', { name: 'Problems in the scenario' })).toBeNull();
    await waitFor(() =>
      expect(jsonValue()).toEqual({
        mocks: { 'Payment.charge': { failRate: 0.5, outcomes: ['fail'] } },
      }),
    );
    expect(startButton()).toHaveProperty('disabled', false);
  });

  it('keeps JSON that does not parse, makes the form read-only, and names the problem', async () => {
    open();
    replaceCodeMirrorText(jsonContent(), '{ "seed": 7, ');
    const problems = screen.getByRole('alert', { name: 'Problems in the scenario' });
    expect(problems.textContent).toMatch(/JSON|end of/i);
    expect(startButton()).toHaveProperty('disabled', true);
    expect(jsonText()).toBe('{ "seed": 7, ');
    expect(screen.getByRole('group', { name: 'Scenario form' })).toHaveProperty('disabled', true);

    // A typed seed that is not a number is named too
    replaceCodeMirrorText(jsonContent(), '{}');
    await userEvent.type(screen.getByRole('textbox', { name: 'Seed' }), 'abc');
    expect(screen.getByRole('alert', { name: 'Problems in the scenario' }).textContent).toContain(
      'seed',
    );
    await waitFor(() => expect(jsonValue()).toEqual({ seed: 'abc' }));
  });

  it('names input data that is not a JSON object, without taking it into the scenario', async () => {
    open();
    await userEvent.type(screen.getByRole('textbox', { name: 'Input data (JSON)' }), '[[1, 2');
    expect(screen.getByRole('alert', { name: 'Problems in the scenario' }).textContent).toMatch(
      /^input: /,
    );
    expect(startButton()).toHaveProperty('disabled', true);
    expect(jsonValue()).toEqual({});
  });

  it('starts a run of the draft with the scenario, and shows it on the canvas', async () => {
    const { store } = open();
    await userEvent.click(screen.getByRole('button', { name: 'Add an attempt to Payment.charge' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Seed' }), '5');

    // When Enter is pressed in a field of the form
    await userEvent.type(screen.getByRole('textbox', { name: 'Seed' }), '{Enter}');

    // Then one run was started with that seed, the dialog closed, and the run is attached
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const runs = await platform.client['runs.list']({});
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ seed: 5, workflowId });
    expect(store.getState().attachedRuns).toEqual({ [workflowId]: runs[0]!.runId });
  });

  it('says why a document that does not compile cannot run', async () => {
    // Given an empty flow (no start event)
    const empty = await platform.client['workflows.create']({ kind: 'flow', name: 'Empty' });
    const opened = await platform.client['workflows.open']({ id: empty.id });
    renderInWorkspace(
      platform,
      <RunDialog
        workflowId={empty.id}
        doc={opened.document}
        initialMode="run"
        flush={() => Promise.resolve()}
        onClose={onClose}
      />,
    );
    await userEvent.click(startButton());
    const failure = await screen.findByRole('alert', { name: 'The run could not start' });
    expect(failure.textContent).toMatch(/start/i);
    expect(onClose).not.toHaveBeenCalled();
    expect(await platform.client['runs.list']({})).toHaveLength(0);
  });

  describe.runIf(mainSideServes('scenarios.save'))(
    'saved scenarios (after the backend merge)',
    () => {
      it('saves the scenario under a name, picks it again, and deletes it', async () => {
        open();
        replaceCodeMirrorText(jsonContent(), '{ "seed": 9 }');
        await userEvent.type(
          screen.getByRole('textbox', { name: 'Scenario name' }),
          'Payment fails',
        );
        await userEvent.click(screen.getByRole('button', { name: 'Save scenario' }));
        await screen.findByText('Saved as “Payment fails”');
        expect(await platform.client['scenarios.list']({ workflowId })).toMatchObject([
          { name: 'Payment fails', scenario: { seed: 9 } },
        ]);

        replaceCodeMirrorText(jsonContent(), '{}');
        await userEvent.selectOptions(
          screen.getByRole('combobox', { name: 'Saved scenario' }),
          'Payment fails',
        );
        await waitFor(() => expect(jsonValue()).toEqual({ seed: 9 }));

        await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
        await screen.findByText('Deleted “Payment fails”');
        expect(await platform.client['scenarios.list']({ workflowId })).toEqual([]);
      });

      it('starts in debug mode with the breakpoints kept for the document', async () => {
        localStorage.setItem(
          `baton.breakpoints.${workflowId}`,
          JSON.stringify([{ kind: 'element', target: 'chargePayment' }]),
        );
        open('debug');
        await userEvent.click(screen.getByRole('button', { name: 'Start debugging' }));
        await waitFor(() => expect(onClose).toHaveBeenCalled());
        const [run] = await platform.client['runs.list']({});
        expect(run).toMatchObject({ mode: 'debug', status: 'paused' });
      });
    },
  );
});
