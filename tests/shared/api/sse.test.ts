import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SseParser } from '../../../src/shared/api/sse';

const STREAM =
  ': heartbeat\n\nid: 1\ndata: {"seq":1}\n\nid: 2\r\nevent: done\r\ndata: line one\r\ndata: line two\r\n\r\n';

describe('SseParser', () => {
  it('parses ids, event names, multi-line data, CRLF and comments', () => {
    expect(new SseParser().push(STREAM)).toEqual([
      { id: '1', event: 'message', data: '{"seq":1}' },
      { id: '2', event: 'done', data: 'line one\nline two' },
    ]);
  });

  it('keeps an incomplete message until its blank line arrives', () => {
    const p = new SseParser();
    expect(p.push('id: 7\ndata: par')).toEqual([]);
    expect(p.push('tial\n')).toEqual([]);
    expect(p.push('\n')).toEqual([{ id: '7', event: 'message', data: 'partial' }]);
  });

  it('gives the same messages however the stream is split into chunks', () => {
    const whole = new SseParser().push(STREAM.replace(/\r\n/g, '\n'));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: STREAM.length }), { maxLength: 8 }),
        (cuts) => {
          const text = STREAM.replace(/\r\n/g, '\n');
          const points = [...new Set(cuts.map((c) => c % text.length))].sort((a, b) => a - b);
          const p = new SseParser();
          const got = [];
          let from = 0;
          for (const at of [...points, text.length]) {
            got.push(...p.push(text.slice(from, at)));
            from = at;
          }
          expect(got).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });
});
