/**
 * Offers `text` to the user as a downloaded file named `fileName` (the browser's downloads, or
 * Electron's save dialog), through a Blob and a temporary `<a download>`.
 */
export function downloadText(fileName: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; revoking it on the next task is safe.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
