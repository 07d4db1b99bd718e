// A canonical JSON text (object keys sorted) so that the same manifest sent as JSON or YAML, with
// keys in any order, is the same request for Idempotency-Key purposes. The text is part of stored
// request hashes: it must stay byte for byte what it has been (keys in UTF-16 code-unit order,
// undefined members left out, undefined array items as null).

/** JSON with sorted keys; call only on validated (bounded-depth) values. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
  } else if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      write(value[i], out);
    }
    out.push(']');
  } else {
    const record = value as Record<string, unknown>;
    let first = true;
    out.push('{');
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      out.push(first ? '' : ',', JSON.stringify(key), ':');
      first = false;
      write(member, out);
    }
    out.push('}');
  }
}
