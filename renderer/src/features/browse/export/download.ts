/**
 * Saves a file through the browser's download path: a Blob and a link with `download`. In
 * Electron the same download raises will-download, whose default is the native save dialog, so no
 * extra API channel is needed.
 */
export function downloadFile(parts: BlobPart[], fileName: string, mime: string): void {
  const blob = new Blob(parts, { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob by then; keep the URL a while for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
