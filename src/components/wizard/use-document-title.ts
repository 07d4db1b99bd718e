import { useEffect } from 'react';

/** Sets the tab title to "<page> · Catalyst Bootstrap". */
export function useDocumentTitle(page: string | undefined): void {
  useEffect(() => {
    document.title = page ? `${page} · Catalyst Bootstrap` : 'Catalyst Bootstrap';
  }, [page]);
}
