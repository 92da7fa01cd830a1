/**
 * Offers `blob` to the user as a downloaded file named `fileName` (the browser's downloads, or
 * Electron's save dialog), through a temporary `<a download>`, as `downloadText` does for text.
 */
export function downloadBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
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
