/**
 * Opens a `<dialog>` as a modal (focus trapped, Escape closes) unless it is open already. jsdom
 * has no `showModal`; there an `open` attribute is the same to assistive technology.
 */
export function showModal(dialog: HTMLDialogElement | null): void {
  if (!dialog || dialog.open) return;
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
}
