import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderProperties } from '../../../test/helpers/propertiesHarness';
import { panelFlow } from '../../../test/helpers/propertiesDocuments';

type Panel = Awaited<ReturnType<typeof renderProperties>>;
let panel: Panel | undefined;
afterEach(async () => {
  await panel?.close();
  panel = undefined;
});

describe('the properties panel: a connection’s route', () => {
  it('given a routed connection selected, when Reset route is pressed, then its bends go in one undoable step', async () => {
    const doc = panelFlow();
    const id = doc.model.connections[0]!.id;
    const routed = {
      ...doc,
      diagram: { ...doc.diagram, edges: { [id]: { waypoints: [{ x: 10, y: 300 }] } } },
    };
    panel = await renderProperties(routed, { selection: [id] });
    expect(screen.getByText('Drawn through 1 bend.')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Reset route' }));

    expect(panel.doc().diagram.edges).toBeUndefined();
    expect(panel.steps()).toBe(1);
    expect(screen.queryByRole('button', { name: 'Reset route' })).toBeNull();
  });

  it('given a connection without a route, then there is nothing to reset', async () => {
    const doc = panelFlow();
    panel = await renderProperties(doc, { selection: [doc.model.connections[0]!.id] });
    expect(screen.queryByRole('button', { name: 'Reset route' })).toBeNull();
  });
});
