import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowDocument } from '../../src-shared/model/document';
import {
  brokenFixture,
  createProblemsWorkspace,
  elementOf,
} from '../../test/helpers/problemsHarness';
import { ElementNode } from '../canvas/ElementNode';
import { toNodes } from '../canvas/toFlow';
import { ProblemBadge } from './ProblemBadge';

const noTimeout = brokenFixture('FLOW301.no-timeout');

/** FLOW301's flow whose task also calls a service the catalog lacks (FLOW102). */
const twoProblems: WorkflowDocument = {
  ...noTimeout,
  model: {
    ...noTimeout.model,
    elements: noTimeout.model.elements.map((element) =>
      element.type === 'serviceTask' ? { ...element, service: 'Stock' } : element,
    ),
  },
};

const nodeTypes = { element: ElementNode };

describe('the problem badge (jsdom, real services on in-memory SQLite)', () => {
  let workspace: ReturnType<typeof createProblemsWorkspace>;
  beforeEach(() => {
    workspace = createProblemsWorkspace();
  });
  afterEach(async () => {
    cleanup();
    await workspace.close();
  });

  it('counts the problems of its element, red for an error, and lists them in its title', async () => {
    const { withProblems } = await workspace.open(twoProblems);
    render(<ProblemBadge elementId="reserveStock" />, { wrapper: withProblems });

    const badge = await screen.findByRole('img', { name: /^1 error, 1 warning: / });
    expect(badge.textContent).toBe('2');
    expect(badge.className).toContain('problem-badge-error');
    expect(badge.getAttribute('title')?.split('\n')).toEqual([
      'Error FLOW102: Service task "Reserve stock" (reserveStock) calls service Stock, which is not in the catalog',
      'Warning FLOW301: Service task "Reserve stock" (reserveStock) has no timeout: a call that never answers blocks the instance',
    ]);
  });

  it('is amber when the worst is a warning, and absent without problems', async () => {
    const { editor, withProblems } = await workspace.open(noTimeout);
    render(
      <>
        <ProblemBadge elementId="reserveStock" />
        <ProblemBadge elementId="orderDone" />
      </>,
      { wrapper: withProblems },
    );

    const badge = await screen.findByRole('img', { name: /^1 warning: Warning FLOW301/ });
    expect(badge.textContent).toBe('1');
    expect(badge.className).toContain('problem-badge-warning');
    expect(screen.getAllByRole('img')).toHaveLength(1);

    // When the task gets a timeout, its badge goes
    const task = elementOf(editor.getState().editor.doc, 'reserveStock', 'serviceTask');
    editor.getState().run({ type: 'elements.update', element: { ...task, timeoutMs: 5000 } });
    await waitFor(() => expect(screen.queryByRole('img')).toBeNull());
  });

  it('shows on the element node of the canvas', async () => {
    const { editor, withProblems } = await workspace.open(twoProblems);
    const nodes = toNodes(editor.getState().editor.doc, []);
    const { container } = render(
      <ReactFlowProvider>
        <div style={{ width: 800, height: 600 }}>
          <ReactFlow nodes={nodes} edges={[]} nodeTypes={nodeTypes} />
        </div>
      </ReactFlowProvider>,
      { wrapper: withProblems },
    );

    // jsdom measures nothing, so React Flow keeps its nodes hidden, and hidden elements have no
    // accessible name: find the badge by its title.
    const node = (id: string) =>
      within(container.querySelector<HTMLElement>(`[data-element-id="${id}"]`)!);
    const badge = await waitFor(() => node('reserveStock').getByTitle(/^Error FLOW102: /));
    expect(badge.textContent).toBe('2');
    expect(badge.getAttribute('aria-label')).toMatch(/^1 error, 1 warning: /);
    expect(node('orderReceived').queryByTitle(/FLOW/)).toBeNull();
  });
});
