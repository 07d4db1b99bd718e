// Saving generated content as a file in the browser: an object URL on a temporary link, no network.

/** How long the object URL outlives the click that starts the download. */
export const REVOKE_AFTER_MS = 40_000;

/** Starts a download of `blob` named `filename` and releases the object URL afterwards. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download before the browser has read the blob (seen in
  // Chromium under load); FileSaver.js waits 40 s for the same reason.
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** Starts a download of `text` as a UTF-8 file of the given media type. */
export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), filename);
}
