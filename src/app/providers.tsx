import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

/** A QueryClient with the app's defaults; tests make a fresh one per render. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Once, except a 404: an unknown id stays unknown, so its page says so at once.
        retry: (failures, error) => (error as { status?: unknown }).status !== 404 && failures < 1,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** App-wide providers (server state via TanStack Query). */
export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
