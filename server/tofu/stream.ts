// OpenTofu's machine-readable UI (`-json`: one JSON object per line, the message types OpenTofu and
// Terraform document: version, planned_change, change_summary, apply_start, apply_progress,
// apply_complete, apply_errored, diagnostic, outputs) turned into what the deployment shows:
// "resource N of M: <address>" progress and diagnostics in plain words. Pure, no I/O.

export interface TofuResource {
  addr: string;
  resource_type?: string;
}

export interface TofuDiagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail?: string;
  address?: string;
  range?: { filename?: string; start?: { line?: number } };
}

export interface TofuOutput {
  sensitive: boolean;
  value?: unknown;
}

/** The messages the executor reads; every other type is kept as `other`. */
export type TofuMessage =
  | { type: 'version'; version: string }
  | { type: 'planned_change'; addr: string; action: string }
  | { type: 'change_summary'; add: number; change: number; remove: number; operation: string }
  | {
      type: 'apply_start' | 'apply_progress' | 'apply_complete' | 'apply_errored';
      addr: string;
      action: string;
      elapsed?: number;
      id?: string;
    }
  | { type: 'diagnostic'; diagnostic: TofuDiagnostic }
  | { type: 'outputs'; outputs: Record<string, TofuOutput> }
  | { type: 'other'; message: string };

const HOOKS = new Set(['apply_start', 'apply_progress', 'apply_complete', 'apply_errored']);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function hookMessage(type: string, hook: Record<string, unknown>): TofuMessage {
  const resource = (hook.resource ?? {}) as Partial<TofuResource>;
  return {
    type: type as 'apply_start',
    addr: str(resource.addr),
    action: str(hook.action),
    ...(typeof hook.elapsed_seconds === 'number' ? { elapsed: hook.elapsed_seconds } : {}),
    ...(typeof hook.id_value === 'string' ? { id: hook.id_value } : {}),
  };
}

/** One line of `-json` output; undefined for a line that is not a JSON object (init's text). */
export function parseTofuLine(line: string): TofuMessage | undefined {
  const text = line.trim();
  if (!text.startsWith('{')) return undefined;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const type = str(raw.type);
  if (type === 'version') return { type, version: str(raw.tofu) || str(raw.terraform) };
  if (type === 'planned_change') {
    const change = (raw.change ?? {}) as Record<string, unknown>;
    const resource = (change.resource ?? {}) as Partial<TofuResource>;
    return { type, addr: str(resource.addr), action: str(change.action) };
  }
  if (type === 'change_summary') {
    const c = (raw.changes ?? {}) as Record<string, unknown>;
    return {
      type,
      add: num(c.add),
      change: num(c.change),
      remove: num(c.remove),
      operation: str(c.operation),
    };
  }
  if (HOOKS.has(type)) return hookMessage(type, (raw.hook ?? {}) as Record<string, unknown>);
  if (type === 'diagnostic' && raw.diagnostic && typeof raw.diagnostic === 'object') {
    const d = raw.diagnostic as Record<string, unknown>;
    const diagnostic: TofuDiagnostic = {
      severity: d.severity === 'warning' ? 'warning' : 'error',
      summary: str(d.summary),
      ...(str(d.detail) ? { detail: str(d.detail) } : {}),
      ...(str(d.address) ? { address: str(d.address) } : {}),
      ...(d.range && typeof d.range === 'object'
        ? { range: d.range as TofuDiagnostic['range'] }
        : {}),
    };
    return { type, diagnostic };
  }
  if (type === 'outputs' && raw.outputs && typeof raw.outputs === 'object') {
    return { type, outputs: raw.outputs as Record<string, TofuOutput> };
  }
  return { type: 'other', message: str(raw['@message']) };
}

/** One diagnostic in plain words: summary, where (resource address or file:line), the detail. */
export function describeDiagnostic(d: TofuDiagnostic): string {
  const where = d.address
    ? ` (resource ${d.address})`
    : d.range?.filename
      ? ` (${d.range.filename}${d.range.start?.line ? `:${d.range.start.line}` : ''})`
      : '';
  const detail = (d.detail ?? '').replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  const clipped = detail.length > 400 ? `${detail.slice(0, 397)}...` : detail;
  return `${d.summary.replace(/\.$/, '')}${where}${clipped ? `: ${clipped}` : ''}`;
}

/** Every error diagnostic of a run in one paragraph (warnings are left out). */
export function summariseDiagnostics(diags: readonly TofuDiagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error');
  if (errors.length === 0) return '';
  const parts = errors.slice(0, 3).map(describeDiagnostic);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more error(s))` : '';
  return `${parts.join('; ')}${more}`;
}

/**
 * Counts an apply's progress: M is the plan's change_summary (add + change + remove), N the
 * resources completed or failed so far. `total` may be set from the plan before the apply starts.
 */
export class ApplyProgress {
  done = 0;
  readonly failed: string[] = [];
  constructor(public total = 0) {}

  /** The sentence for a message worth an event, else undefined (progress ticks, other). */
  onMessage(msg: TofuMessage): string | undefined {
    switch (msg.type) {
      case 'change_summary':
        if (msg.operation === 'apply') return undefined;
        this.total = msg.add + msg.change + msg.remove;
        return `Plan: ${msg.add} to add, ${msg.change} to change, ${msg.remove} to destroy`;
      case 'apply_start':
        return `resource ${Math.min(this.done + 1, this.total || this.done + 1)} of ${this.total || '?'}: ${msg.addr} (${msg.action} started)`;
      case 'apply_complete':
        this.done++;
        return `resource ${this.done} of ${this.total || '?'}: ${msg.addr} (${msg.action} complete${msg.elapsed !== undefined ? ` after ${msg.elapsed} s` : ''})`;
      case 'apply_errored':
        this.done++;
        this.failed.push(msg.addr);
        return `resource ${this.done} of ${this.total || '?'}: ${msg.addr} (${msg.action} failed)`;
      default:
        return undefined;
    }
  }
}
