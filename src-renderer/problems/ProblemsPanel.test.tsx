import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../src-shared/model/document';
import { brokenFixture, createProblemsWorkspace } from '../../test/helpers/problemsHarness';
import { ProblemsPanel } from './ProblemsPanel';

const deadEnd = brokenFixture('FLOW004.dead-end');
const noTimeout = brokenFixture('FLOW301.no-timeout');

/**
 * FLOW301's flow with two more mistakes: a condition on a path that leaves no split (FLOW012, a
 * warning whose code sorts before the error's) and a task calling a service the catalog lacks
 * (FLOW102, an error).
 */
const mixed: WorkflowDocument = {
  ...noTimeout,
  model: {
    elements: noTimeout.model.elements.map((element) =>
      element.type === 'serviceTask' ? { ...element, service: 'Stock' } : element,
    ),
    connections: noTimeout.model.connections.map((connection) =>
      connection.id === 'flow_1' ? { ...connection, condition: 'amount > 10' } : connection,
    ),
  },
};

const rows = (panel: HTMLElement) =>
  within(within(panel).getByRole('list')).getAllByRole('listitem');
const rowCodes = (panel: HTMLElement) =>
  rows(panel).map((row) => /FLOW\d{3}/.exec(row.textContent ?? '')?.[0]);

describe('the problems panel (jsdom, real services on in-memory SQLite)', () => {
  let workspace: ReturnType<typeof createProblemsWorkspace>;
  beforeEach(() => {
    workspace = createProblemsWorkspace();
  });
  afterEach(async () => {
    cleanup();
    await workspace.close();
  });

  it('lists errors before warnings and counts them in its heading', async () => {
    const { withProblems } = await workspace.open(mixed);
    render(<ProblemsPanel />, { wrapper: withProblems });

    const panel = screen.getByRole('region', { name: 'Problems' });
    await within(panel).findByRole('heading', { name: 'Problems 1 error, 2 warnings' });
    expect(rowCodes(panel)).toEqual(['FLOW102', 'FLOW012', 'FLOW301']);
    // Each row names its element by its business name; a path by where it goes
    expect(
      within(panel).getByRole('button', { name: /^Error FLOW102 .* on Reserve stock$/ }),
    ).toBeTruthy();
    expect(
      within(panel).getByRole('button', {
        name: /^Warning FLOW012 .* on Order received → Reserve stock$/,
      }),
    ).toBeTruthy();
  });

  it('filters by severity', async () => {
    const { withProblems } = await workspace.open(mixed);
    render(<ProblemsPanel />, { wrapper: withProblems });
    const panel = screen.getByRole('region', { name: 'Problems' });
    await within(panel).findByRole('heading', { name: 'Problems 1 error, 2 warnings' });
    const filters = within(panel).getByRole('group', { name: 'Show' });

    await userEvent.click(within(filters).getByRole('button', { name: 'Warnings' }));
    expect(rowCodes(panel)).toEqual(['FLOW012', 'FLOW301']);
    expect(
      within(filters).getByRole('button', { name: 'Warnings' }).getAttribute('aria-pressed'),
    ).toBe('true');

    await userEvent.click(within(filters).getByRole('button', { name: 'Errors' }));
    expect(rowCodes(panel)).toEqual(['FLOW102']);

    await userEvent.click(within(filters).getByRole('button', { name: 'All' }));
    expect(rowCodes(panel)).toHaveLength(3);
  });

  it('asks the canvas to select and centre the element of a problem clicked', async () => {
    const { editor, withProblems } = await workspace.open(mixed);
    render(<ProblemsPanel />, { wrapper: withProblems });
    const panel = screen.getByRole('region', { name: 'Problems' });

    await userEvent.click(await within(panel).findByRole('button', { name: /^Error FLOW102/ }));
    expect(editor.getState().focusRequest).toEqual({ id: 'reserveStock', serial: 1 });

    await userEvent.click(within(panel).getByRole('button', { name: /^Warning FLOW012/ }));
    expect(editor.getState().focusRequest).toEqual({ id: 'flow_1', serial: 2 });
  });

  it('shows a problem of the whole document without a button, and its help on demand', async () => {
    const { editor, withProblems } = await workspace.open({
      ...deadEnd,
      model: { elements: [], connections: [] },
      diagram: { shapes: {} },
    });
    render(<ProblemsPanel />, { wrapper: withProblems });
    const panel = screen.getByRole('region', { name: 'Problems' });
    await within(panel).findByRole('heading', { name: 'Problems 1 error, 0 warnings' });

    const [row] = rows(panel);
    expect(row?.textContent).toContain('FLOW001');
    expect(within(row!).queryByRole('button', { name: /^Error FLOW001/ })).toBeNull();
    const help = 'Add a start event at the top level of the flow.';
    expect(within(row!).getByTitle(help).textContent).toContain('FLOW001');

    const toggle = within(row!).getByRole('button', { name: 'Help on FLOW001' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(row!).getByText(help).hidden).toBe(true);
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(row!).getByText(help).hidden).toBe(false);
    expect(editor.getState().focusRequest).toBeNull();
  });

  it('says "No problems" once the document is fixed', async () => {
    const { editor, withProblems } = await workspace.open(deadEnd);
    render(<ProblemsPanel />, { wrapper: withProblems });
    const panel = screen.getByRole('region', { name: 'Problems' });
    await within(panel).findByRole('button', { name: /^Error FLOW004 .* on Cool down$/ });

    editor.getState().run({
      type: 'connections.create',
      connection: { id: 'flow_4', source: 'coolDown', target: 'orderDone' },
    });

    await waitFor(() => expect(within(panel).getByText('No problems')).toBeTruthy());
    expect(
      within(panel).getByRole('heading', { name: 'Problems 0 errors, 0 warnings' }),
    ).toBeTruthy();
  });
});
