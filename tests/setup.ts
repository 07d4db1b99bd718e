import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { fakeMediaQueryList } from './media-query';
import { useDraftStore } from '../src/shared/store/draft-store';
import { useSecretsStore } from '../src/shared/store/secrets-store';
import { useServerProblemsStore } from '../src/shared/store/server-problems-store';

// findBy* waits up to 5 s, not 1 s: a lazily loaded part's first dynamic import is transformed
// on demand and can take over a second on a loaded two-core machine.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no matchMedia; components that pick a layout by viewport read it. Default: no match.
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query: string) => fakeMediaQueryList(query, false);
}

// jsdom has no ResizeObserver or IntersectionObserver; React Flow and lazy sections use them.
// Neither ever reports: nothing has a size or comes into view in jsdom.
class NoopObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
if (typeof window !== 'undefined') {
  window.ResizeObserver ??= NoopObserver as unknown as typeof ResizeObserver;
  window.IntersectionObserver ??= NoopObserver as unknown as typeof IntersectionObserver;
}

// Every test starts from a fresh draft, no secrets, no server verdict and empty storage.
afterEach(() => {
  cleanup();
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
  useServerProblemsStore.getState().clearServerProblems();
  localStorage.clear();
  sessionStorage.clear();
});
