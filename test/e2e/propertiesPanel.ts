// Driving the properties panel of the document in front by its labels, as a person does: pick a
// choice, type and commit with the key the field documents (Enter, Ctrl+Enter, Tab).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { front } from './harness';

/** A duration as a person types it: a number, and the unit chosen next to it. */
export interface Duration {
  readonly value: string;
  readonly unit: 'ms' | 's' | 'min' | 'h';
}

export const properties = (page: Page) =>
  front(page).getByRole('complementary', { name: 'Properties' });

/** Selects an element on the canvas and waits until the properties panel shows it. */
export async function select(page: Page, id: string) {
  await front(page).locator(`.react-flow__node[data-id="${id}"]`).click();
  await expect
    .poll(() => properties(page).getByRole('textbox', { name: 'Id', exact: true }).inputValue())
    .toBe(id);
}

/** Renames the selected element: types its name and presses Enter. */
export async function rename(page: Page, name: string) {
  await typeAndCommit(page, 'Name', name, 'Enter');
}

/** Picks an option of a select (applied at once). */
export async function choose(page: Page, label: string, value: string) {
  await properties(page).getByRole('combobox', { name: label, exact: true }).selectOption(value);
}

/** Types into a text field and commits with `key`: Enter, Ctrl+Enter (multi-line) or Tab. */
export async function typeAndCommit(page: Page, label: string, text: string, key: string) {
  const field = properties(page).getByRole('textbox', { name: label, exact: true });
  await field.fill(text);
  await field.press(key);
}

/** Types a number and applies it by choosing its unit, or with Enter when that unit is shown. */
export async function typeDuration(page: Page, label: string, { value, unit }: Duration) {
  const field = properties(page).getByRole('textbox', { name: label, exact: true });
  const picker = properties(page).getByRole('combobox', { name: `${label} unit`, exact: true });
  await field.fill(value);
  if ((await picker.inputValue()) === unit) await field.press('Enter');
  else await picker.selectOption(unit);
}
