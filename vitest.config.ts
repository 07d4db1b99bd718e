import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { chartValidators } from './scripts/vite-chart-validators.ts';

export default defineConfig({
  plugins: [react(), chartValidators()],
  test: {
    // Two workers even on two cores (the default is cores - 1 = one): many tests wait on child
    // servers, git and databases rather than on the CPU.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'tests/shared/**/*.test.ts',
            'tests/server/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/build/**/*.test.ts',
            'tests/components/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: [
            'tests/components/**/*.test.tsx',
            'tests/pages/**/*.test.tsx',
            'tests/shared/**/*.test.tsx',
          ],
          setupFiles: ['tests/setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
