// Retries with jittered exponential backoff for failures that pass on their own: too many open
// files, a full disk being cleaned up, a busy database, a git lock held by another process. Anything
// else fails at once (retrying a bad manifest or a bug only delays the same answer).

/** errno codes of resources that come back: file descriptors, disk space, a busy device, EAGAIN. */
const TRANSIENT_CODES = new Set([
  'EMFILE',
  'ENFILE',
  'ENOSPC',
  'EAGAIN',
  'EBUSY',
  // better-sqlite3 (SqliteError.code): another connection holds the lock.
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_BUSY_TIMEOUT',
  'SQLITE_LOCKED',
  'SQLITE_LOCKED_SHAREDCACHE',
  // PostgreSQL SQLSTATE (pg DatabaseError.code): serialization failure, deadlock, lock not
  // available, too many connections, starting up / shutting down.
  '40001',
  '40P01',
  '55P03',
  '53300',
  '57P03',
]);

/** Messages of the same conditions where the code is lost (git's stderr, wrapped errors). */
const TRANSIENT_MESSAGES: readonly RegExp[] = [
  /\b(EMFILE|ENFILE|ENOSPC|EAGAIN|EBUSY)\b/,
  /too many open files/i,
  /no space left on device/i,
  /resource temporarily unavailable/i,
  /database is locked|database table is locked|SQLITE_BUSY/i,
  /cannot lock ref/i,
  /index\.lock/,
  /Unable to create '[^']*\.lock'/,
];

function codeOf(err: object): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * True when `err` (or an error in its `cause` chain) is a condition that passes on its own:
 * EMFILE, ENFILE, ENOSPC, EAGAIN, EBUSY, a busy or locked database, a held git lock.
 */
export function isTransientError(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 8 && e !== null && e !== undefined; depth++) {
    if (typeof e === 'string') return TRANSIENT_MESSAGES.some((re) => re.test(e as string));
    if (typeof e !== 'object') return false;
    const code = codeOf(e);
    if (code !== undefined && TRANSIENT_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && TRANSIENT_MESSAGES.some((re) => re.test(message))) {
      return true;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface RetryOptions {
  /** Tries in all, the first included (1: no retry). */
  attempts: number;
  /** Delay before the first retry, doubled for each next one (before jitter). */
  baseMs: number;
  /** Longest delay between two tries (default 10 s). */
  maxMs?: number;
  /** Which failures are retried (default isTransientError); others are thrown at once. */
  isTransient?: (err: unknown) => boolean;
  /**
   * Told before each wait: the failure, the try that failed (from 1) and the delay. When it throws
   * (the pipeline's guarded retry event: the lease is lost), nothing is retried and withRetry
   * throws that error.
   */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void | Promise<void>;
  /** For tests: the wait and the random source. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * The wait after try `attempt` (from 1): base·2^(attempt-1), at most maxMs, then "equal jitter"
 * (between half and all of it), so replicas hitting one limit together do not retry in step.
 */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs = 10_000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The error a retried call finally failed with, saying how many tries it took. */
export class RetriesExhaustedError extends Error {
  override name = 'RetriesExhaustedError';
  constructor(
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`${message} (after ${attempts} attempts)`, { cause });
  }
}

/**
 * Runs fn; on a transient failure waits (jittered exponential backoff) and tries again, up to
 * `attempts` tries. A non-transient failure is thrown as is, at once; the last transient one as a
 * RetriesExhaustedError (its message ends with the number of attempts, its cause is the error).
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: RetryOptions,
): Promise<T> {
  const isTransient = opts.isTransient ?? isTransientError;
  const attempts = Math.max(1, Math.floor(opts.attempts));
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!isTransient(err)) throw err;
      if (attempt >= attempts) {
        if (attempts === 1) throw err;
        throw new RetriesExhaustedError(attempt, err);
      }
      const delay = backoffMs(attempt, opts.baseMs, opts.maxMs, opts.random);
      await opts.onRetry?.(err, attempt, delay);
      await (opts.sleep ?? wait)(delay);
    }
  }
}
