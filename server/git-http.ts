// The server side of git's smart HTTP protocol, fetch only: `git upload-pack --stateless-rpc`
// answers the ref advertisement and each negotiation round, so protocol v0 and v2, shallow and
// partial clones behave exactly as git itself implements them. Nothing here decides who may read;
// routes/git.ts does that before calling in.
import { spawn } from 'node:child_process';
import os from 'node:os';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

export const UPLOAD_PACK_REQUEST = 'application/x-git-upload-pack-request';
export const UPLOAD_PACK_ADVERTISEMENT = 'application/x-git-upload-pack-advertisement';
export const UPLOAD_PACK_RESULT = 'application/x-git-upload-pack-result';

/**
 * Largest upload-pack request, after decompression. A clone sends a few hundred bytes of `want`
 * lines; later fetches add `have` lines (50 bytes each), so 1 MiB is ample and bounds what a
 * gzip'd body may expand to.
 */
export const GIT_REQUEST_LIMIT = 1024 * 1024;

/** Seconds of inactivity after which upload-pack gives up (a stalled client holds a process). */
const UPLOAD_PACK_TIMEOUT_S = 120;

/** The headers git's own http-backend sends, so no proxy caches refs or packs. */
export const NO_CACHE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-cache, max-age=0, must-revalidate',
  pragma: 'no-cache',
  expires: 'Fri, 01 Jan 1980 00:00:00 GMT',
};

/** A refusal with the HTTP status to answer it with. */
export class GitHttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const gunzipAsync = promisify(gunzip);

/** Whether the client asked for protocol v2 (`Git-Protocol: version=2`, possibly among other keys). */
export function wantsProtocolV2(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(':') : (header ?? '');
  return value.split(':').includes('version=2');
}

/** A pkt-line: four hex digits of length (itself included), then the payload. */
function pktLine(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  return Buffer.concat([Buffer.from((body.length + 4).toString(16).padStart(4, '0')), body]);
}

/**
 * The environment of upload-pack: no system or user configuration (HOME is a temp folder), no
 * prompts, and GIT_PROTOCOL only with the one value we understand, never the client's raw header.
 */
function uploadPackEnv(protocolV2: boolean): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    ...(protocolV2 ? { GIT_PROTOCOL: 'version=2' } : {}),
  };
}

/** Reads an upload-pack request body (gzip'd or not) into memory, at most GIT_REQUEST_LIMIT bytes. */
export async function readUploadPackRequest(
  stream: Readable,
  contentEncoding: string | undefined,
): Promise<Buffer> {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (!['identity', 'gzip', 'x-gzip'].includes(encoding)) {
    throw new GitHttpError(415, `Content-Encoding ${encoding.slice(0, 40)} is not supported`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    // The compressed size is bounded too, so a slow endless body is cut off early.
    if (size > GIT_REQUEST_LIMIT) throw new GitHttpError(413, 'The request is too large');
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  if (encoding === 'identity') return raw;
  try {
    // maxOutputLength stops a small gzip bomb from expanding past the limit in memory.
    return await gunzipAsync(raw, { maxOutputLength: GIT_REQUEST_LIMIT });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new GitHttpError(413, 'The request is too large once decompressed');
    }
    throw new GitHttpError(400, 'The gzip request body is corrupt');
  }
}

export interface UploadPackRun {
  /** What upload-pack writes: the response body. */
  output: Readable;
  /** Kills upload-pack if it still runs (the client went away). */
  abort(): void;
  /** Settles once upload-pack has exited and its stdio is closed (after any onFailure call). */
  closed: Promise<void>;
}

/**
 * Starts `git upload-pack --stateless-rpc` on a bare repository, with `input` as its standard
 * input (the advertisement takes none). `onFailure` gets its stderr when it exits non-zero.
 */
function startUploadPack(
  repo: string,
  opts: { advertise: boolean; protocolV2: boolean; input?: Buffer },
  onFailure: (detail: string) => void,
): UploadPackRun {
  const args = ['upload-pack', '--stateless-rpc', '--strict', `--timeout=${UPLOAD_PACK_TIMEOUT_S}`];
  if (opts.advertise) args.push('--advertise-refs');
  const child = spawn('git', [...args, repo], {
    env: uploadPackEnv(opts.protocolV2),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    if (stderr.length < 4096) stderr += c.toString('utf8');
  });
  // upload-pack may exit before reading all of its input (a malformed request): not our error.
  child.stdin.on('error', () => {});
  child.stdin.end(opts.input ?? Buffer.alloc(0));
  child.on('error', (err) => {
    onFailure(err.message);
    child.stdout.destroy(err);
  });
  const closed = new Promise<void>((resolve) => {
    child.on('close', (code, signal) => {
      if (code !== 0) onFailure(stderr.trim() || `exited with ${code ?? signal}`);
      resolve();
    });
  });
  return {
    closed,
    output: child.stdout,
    abort: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * The body of `GET info/refs?service=git-upload-pack`. Protocol v0 starts with the
 * `# service=git-upload-pack` pkt-line and a flush, which upload-pack leaves to the HTTP server;
 * v2 starts with the capability advertisement itself. Read whole (it is small) so a failure is a
 * clean 500 rather than a truncated 200.
 */
export async function advertiseRefs(repo: string, protocolV2: boolean): Promise<Buffer> {
  let failure: string | undefined;
  const run = startUploadPack(repo, { advertise: true, protocolV2 }, (d) => (failure = d));
  // Waiting for the exit too, so a non-zero status counts even after some output.
  const [refs] = await Promise.all([collect(run.output), run.closed]);
  if (failure !== undefined || refs.length === 0) {
    throw new Error(`git upload-pack --advertise-refs failed: ${failure ?? 'no output'}`);
  }
  if (protocolV2) return refs;
  return Buffer.concat([pktLine('# service=git-upload-pack\n'), Buffer.from('0000'), refs]);
}

/** Answers one `POST git-upload-pack` round: the request in, the response (often a pack) streamed out. */
export function uploadPack(
  repo: string,
  request: Buffer,
  protocolV2: boolean,
  onFailure: (detail: string) => void,
): UploadPackRun {
  return startUploadPack(repo, { advertise: false, protocolV2, input: request }, onFailure);
}
