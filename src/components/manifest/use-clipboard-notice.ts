import { useCallback, useState } from 'react';

export type Notice = { tone: 'ok' | 'danger'; text: string } | null;

/** Copies text to the clipboard and keeps a visible message saying whether it worked. */
export function useClipboardNotice() {
  const [notice, setNotice] = useState<Notice>(null);
  const copy = useCallback(async (text: string, done: string) => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setNotice({ tone: 'ok', text: done });
    } catch {
      setNotice({
        tone: 'danger',
        text: 'The browser did not allow copying to the clipboard. Download the file instead, or select the text and copy it.',
      });
    }
  }, []);
  return { notice, setNotice, copy };
}
