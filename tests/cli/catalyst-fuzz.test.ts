// The CLI against random and mutated documents and argument lists, in-process: it never throws.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import type { CliIo } from '../../cli/io';
import { noStack, useCliFolder, valid } from './cli-harness';

useCliFolder();

describe('catalyst validate (in-process fuzz)', () => {
  const memoryIo = (files: Record<string, string>) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (t) => void out.push(t),
      err: (t) => void err.push(t),
      readFile: async (p) => {
        if (!(p in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
        return files[p]!;
      },
      writeFile: async () => {},
    };
    return { io, out, err };
  };

  it('never throws and exits 0 or 1 with output for random and mutated documents', async () => {
    const base = readFileSync(valid, 'utf8');
    const doc = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.nat(base.length), fc.nat(base.length), fc.string({ maxLength: 10 }))
        .map(([a, b, s]) => base.slice(0, Math.min(a, b)) + s + base.slice(Math.max(a, b))),
    );
    await fc.assert(
      fc.asyncProperty(doc, async (text) => {
        const { io, out, err } = memoryIo({ 'm.yaml': text });
        const code = await run(['validate', 'm.yaml'], io);
        expect([0, 1]).toContain(code);
        expect((code === 0 ? out : err).join('').length).toBeGreaterThan(0);
        noStack(err.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random argument lists', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              'init',
              'validate',
              'render',
              'diff',
              '--tree',
              'schema',
              '-o',
              '--with',
              '--without',
              '--name',
              'm.yaml',
              '--format',
              'x',
            ),
            fc.string(),
          ),
          { maxLength: 6 },
        ),
        async (args) => {
          const { io } = memoryIo({ 'm.yaml': 'kind: Sovereign' });
          const code = await run(args, io);
          expect(Number.isInteger(code)).toBe(true);
          expect(code).not.toBe(70);
        },
      ),
      { numRuns: 200 },
    );
  });
});
