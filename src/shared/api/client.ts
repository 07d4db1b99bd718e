// The one HTTP client of the browser: the only module that calls fetch. It adds the API token,
// bounds every request with a timeout, turns every failure into an ApiError and parses every
// success body with its zod schema.
import { apiErrorSchema, type ExistingSovereign, type Problem } from '../schemas/api';

/** sessionStorage key of the bearer token (CATALYST_API_TOKEN), asked for after a 401. */
export const API_TOKEN_STORAGE_KEY = 'catalyst-bootstrap-api-token';

/** How long a request may take before it fails with kind 'timeout'. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** What went wrong: an HTTP error answer, no answer at all, no answer in time, or a bad body. */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response';

/** Every failure of an API call, with the server's code, sentence and field problems if any. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status; 0 when there was no response. */
  readonly status: number;
  /** The server's stable error code (`invalid_manifest`, `unauthorized`...) or the kind. */
  readonly error: string;
  readonly problems: readonly Problem[];
  /** With a `sovereign_exists` 409: the deployment that already has the name. */
  readonly existing: ExistingSovereign | undefined;

  constructor(opts: {
    kind: ApiErrorKind;
    status?: number;
    error?: string;
    message: string;
    problems?: readonly Problem[];
    existing?: ExistingSovereign | undefined;
  }) {
    super(opts.message);
    this.kind = opts.kind;
    this.status = opts.status ?? 0;
    this.error = opts.error ?? opts.kind;
    this.problems = opts.problems ?? [];
    this.existing = opts.existing;
  }

  /** The server's error code (same as `error`). */
  get code(): string {
    return this.error;
  }

  /** True when sending the same request again may succeed (no answer, or a 5xx / 429). */
  get retryable(): boolean {
    return this.kind !== 'http' || this.status >= 500 || this.status === 429;
  }
}

/** The stored API token, or null. */
export function getApiToken(): string | null {
  try {
    return sessionStorage.getItem(API_TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Stores (or with null, forgets) the API token for this browser tab. */
export function setApiToken(token: string | null): void {
  if (token) sessionStorage.setItem(API_TOKEN_STORAGE_KEY, token);
  else sessionStorage.removeItem(API_TOKEN_STORAGE_KEY);
}

/** Request headers with the bearer token when one is stored. */
function authHeaders(extra: HeadersInit = {}): Headers {
  const headers = new Headers(extra);
  const token = getApiToken();
  if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  return headers;
}

/** Request options: fetch's, plus a timeout. */
export interface ApiInit extends RequestInit {
  timeoutMs?: number;
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    return new ApiError({ kind: 'http', status: res.status, ...parsed.data });
  }
  return new ApiError({
    kind: 'http',
    status: res.status,
    error: `http_${res.status}`,
    message: `The server answered ${res.status} ${res.statusText}`.trim(),
  });
}

interface Parser<T> {
  parse(data: unknown): T;
}

const isParser = (v: unknown): v is Parser<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as Parser<unknown>).parse === 'function';

/**
 * Sends a request to the API (same origin) and resolves with the Response when it is 2xx, or,
 * given a schema, with the JSON body parsed by it; otherwise rejects with an ApiError. Adds
 * `Authorization: Bearer` when a token is stored.
 */
export function apiFetch(path: string, init?: ApiInit): Promise<Response>;
export function apiFetch<T>(path: string, schema: Parser<T>, init?: ApiInit): Promise<T>;
export async function apiFetch<T>(
  path: string,
  schemaOrInit?: Parser<T> | ApiInit,
  maybeInit?: ApiInit,
): Promise<Response | T> {
  if (isParser(schemaOrInit)) return apiJson(path, schemaOrInit, maybeInit);
  return send(path, schemaOrInit ?? {});
}

async function send(path: string, init: ApiInit): Promise<Response> {
  const { timeoutMs = REQUEST_TIMEOUT_MS, signal, headers: given, ...rest } = init;
  const headers = authHeaders(given);
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(path, { ...rest, headers, signal: combined });
  } catch (err) {
    if (timeout.aborted) {
      throw new ApiError({
        kind: 'timeout',
        message: `The server did not answer within ${Math.round(timeoutMs / 1000)} seconds`,
      });
    }
    if (signal?.aborted) throw err;
    throw new ApiError({ kind: 'network', message: 'The bootstrap API cannot be reached' });
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

/** GETs or sends JSON and parses the answer with `schema` (never a cast). */
export async function apiJson<T>(path: string, schema: Parser<T>, init: ApiInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const res = await send(path, { ...init, headers });
  try {
    return schema.parse(await res.json());
  } catch {
    throw new ApiError({
      kind: 'invalid-response',
      status: res.status,
      message: `The server's answer to ${path} is not what this app understands`,
    });
  }
}
