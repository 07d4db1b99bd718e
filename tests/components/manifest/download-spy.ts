// Captures downloads at the browser boundary: the Blob handed to URL.createObjectURL and the
// file name of the link that is clicked. Nothing of the app is mocked.
import { vi } from 'vitest';

export interface CapturedDownload {
  name: string;
  blob: Blob;
}

/** Starts capturing; returns the list that fills as the app downloads files. */
export function captureDownloads(): CapturedDownload[] {
  const blobs = new Map<string, Blob>();
  const downloads: CapturedDownload[] = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((obj: Blob | MediaSource) => {
    const url = `blob:http://localhost/${++n}`;
    blobs.set(url, obj as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href);
    if (blob && this.download) downloads.push({ name: this.download, blob });
  });
  return downloads;
}
