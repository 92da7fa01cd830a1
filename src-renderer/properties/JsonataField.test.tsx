import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ElementOf, WorkflowDocument } from '../../src-shared/model/document';
import { renderProperties } from '../../test/helpers/propertiesHarness';
import { panelFlow } from '../../test/helpers/propertiesDocuments';

let panel: Awaited<ReturnType<typeof renderProperties>> | undefined;
afterEach(async () => {
  await panel?.close();
  panel = undefined;
});
const openCharge = async () => {
  panel = await renderProperties(panelFlow(), { selection: ['charge'] });
  return panel;
};
const charge = (doc: WorkflowDocument) =>
  doc.model.elements.find((element) => element.id === 'charge') as ElementOf<'serviceTask'>;

describe('a JSONata field', () => {
  it('shows a syntax error with its line and column as the user types', async () => {
    await openCharge();
    const input = screen.getByRole('textbox', { name: 'Input' });

    // When the user leaves out the closing brace
    await userEvent.clear(input);
    await userEvent.type(input, '{{ "a": b ');

    // Then, after a pause, the mistake is named with its position and linked to the field
    const message = await screen.findByText(
      'line 1, column 9: Expected "}" before end of expression',
    );
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');

    // And it goes away once the expression parses
    await userEvent.type(input, '}');
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(screen.queryByText(/line 1, column 9/)).toBeNull();
  });

  it('counts lines and columns in a multi-line expression', async () => {
    await openCharge();
    const output = screen.getByRole('textbox', { name: 'Output' });
    await userEvent.type(output, 'a{Enter}+ + b');
    expect(
      await screen.findByText(
        'line 2, column 3: The symbol "+" cannot be used as a unary operator',
      ),
    ).toBeTruthy();
  });

  it('applies the expression with one command when the field is left, and undo restores it', async () => {
    const { doc, steps, editor } = await openCharge();
    const before = doc();
    const input = screen.getByRole('textbox', { name: 'Input' });
    await userEvent.clear(input);
    await userEvent.type(input, '{{ "orderId": orderId, "amount": total }');
    expect(steps()).toBe(0);
    await userEvent.tab();

    expect(charge(doc()).input).toBe('{ "orderId": orderId, "amount": total }');
    expect(steps()).toBe(1);
    act(() => editor.getState().undo());
    expect(doc()).toBe(before);
    expect(screen.getByRole('textbox', { name: 'Input' })).toHaveProperty(
      'value',
      '{ "orderId": orderId }',
    );
  });

  it('applies with Ctrl+Enter, keeps Enter for new lines, and Escape puts the stored one back', async () => {
    const { doc, steps } = await openCharge();
    const output = screen.getByRole('textbox', { name: 'Output' });
    await userEvent.type(output, '{{{Enter}  "id": result.id{Enter}}');
    expect(steps()).toBe(0);
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(charge(doc()).output).toBe('{\n  "id": result.id\n}');

    await userEvent.type(output, ' & "x"');
    await userEvent.keyboard('{Escape}');
    expect(output).toHaveProperty('value', '{\n  "id": result.id\n}');
    expect(steps()).toBe(1);
  });

  it('previews the result against sample instance data, and evaluation errors in words', async () => {
    await openCharge();
    await userEvent.click(screen.getByRole('button', { name: 'Preview Input' }));
    const sample = screen.getByRole('textbox', {
      name: "Sample instance data (JSON, as a scenario's input)",
    });
    expect(sample).toHaveProperty('value', '{}');
    const result = screen.getByRole('status', { name: 'Preview result' });
    // { "orderId": orderId } over {}: the key is left out
    expect(await within(result).findByText('{}')).toBeTruthy();

    // When the user types instance data like a scenario's input
    await userEvent.clear(sample);
    await userEvent.type(sample, '{{ "orderId": "o-1", "amount": 120 }');
    await within(result).findByText(/"orderId": "o-1"/);
    expect(JSON.parse(result.textContent ?? '')).toEqual({ orderId: 'o-1' });

    // And an expression that fails at run time says why
    const input = screen.getByRole('textbox', { name: 'Input' });
    await userEvent.clear(input);
    await userEvent.type(input, '$number("x") + $undefinedFunction()');
    expect(await within(result).findByText(/^Error: /)).toBeTruthy();

    // And an expression that finds nothing says so
    await userEvent.clear(input);
    await userEvent.type(input, 'customer.email');
    expect(
      await within(result).findByText('No value: the expression finds nothing in this sample.'),
    ).toBeTruthy();

    // And sample data that is not JSON is named as such
    await userEvent.type(sample, ',');
    expect(await within(result).findByText(/^The sample data is not JSON/)).toBeTruthy();
  });
});
