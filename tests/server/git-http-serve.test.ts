// The Sovereign's repository over git smart HTTP, tried with the real git CLI against the real
// server (setup: git-http-harness.ts): a clone with the read token gets exactly the committed tree;
// wrong, missing and other Sovereigns' tokens, pushes and unknown names are refused; the token
// never reaches the log (clone URLs and configuration: git-http-urls.test.ts).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../server/git';
import { gitReadToken } from '../../server/git-credentials';
import {
  basic,
  commits,
  filesUnder,
  git,
  gitUrl,
  ids,
  KEY,
  LS_REFS,
  t,
  TOKEN,
  uploadPackPost,
  useGitServer,
  withCredentials,
  work,
} from './git-http-harness';

useGitServer();
let cloneMs = 0;

describe('cloning with the read token', () => {
  it('clones exactly the committed tree (protocol v2, token in a header)', async () => {
    const dir = path.join(work, 'v2');
    const t0 = performance.now();
    const res = await git(['clone', '--quiet', gitUrl('alpha'), dir], {
      auth: basic('catalyst', TOKEN.alpha),
    });
    cloneMs = performance.now() - t0;
    expect(res, res.stderr).toMatchObject({ code: 0 });
    expect((await git(['rev-parse', 'HEAD'], { cwd: dir })).stdout).toBe(commits.alpha);
    const bare = repoPath(t.dataDir, 'alpha');
    const committed = await git([
      '--git-dir',
      bare,
      'ls-tree',
      '-r',
      '--name-only',
      commits.alpha!,
    ]);
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(10);
    expect(files).toEqual(committed.stdout.split('\n').sort());
    // Same bytes: the checked-out files, staged afresh, hash to the commit's tree.
    const tree = await git(['--git-dir', bare, 'rev-parse', `${commits.alpha}^{tree}`]);
    expect((await git(['add', '--all', '--renormalize'], { cwd: dir })).code).toBe(0);
    expect((await git(['write-tree'], { cwd: dir })).stdout).toBe(tree.stdout);
    // Under a few seconds on this machine; the report quotes the measured figure.
    expect(cloneMs).toBeLessThan(15_000);
    console.info(`git clone over smart HTTP (v2): ${Math.round(cloneMs)} ms`);
  });

  it('clones over protocol v0 with the credentials in the URL (the 401 challenge path)', async () => {
    const dir = path.join(work, 'v0');
    const url = withCredentials('alpha', TOKEN.alpha);
    const res = await git(['-c', 'protocol.version=0', 'clone', '--quiet', url, dir]);
    expect(res, res.stderr).toMatchObject({ code: 0 });
    expect((await git(['rev-parse', 'HEAD'], { cwd: dir })).stdout).toBe(commits.alpha);
  });

  it('advertises refs with the smart HTTP content type, no caching, v0 service header', async () => {
    const res = await fetch(`${gitUrl('alpha')}/info/refs?service=git-upload-pack`, {
      headers: { authorization: basic('catalyst', TOKEN.alpha) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-git-upload-pack-advertisement');
    expect(res.headers.get('cache-control')).toMatch(/no-cache/);
    const body = await res.text();
    expect(body.startsWith('001e# service=git-upload-pack\n0000')).toBe(true);
    expect(body).toContain(`${commits.alpha} refs/heads/main`);
  });

  it('answers a gzip-encoded upload-pack request (git gzips bodies over 1 KB)', async () => {
    const res = await uploadPackPost('alpha', gzipSync(LS_REFS), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-git-upload-pack-result');
    expect(await res.text()).toContain(`${commits.alpha} refs/heads/main`);
  });

  it('refuses corrupt gzip, unknown encodings, other media types and oversized bodies', async () => {
    const corrupt = await uploadPackPost('alpha', Buffer.from('not gzip'), {
      'content-encoding': 'gzip',
    });
    expect(corrupt.status).toBe(400);
    expect((await uploadPackPost('alpha', LS_REFS, { 'content-encoding': 'br' })).status).toBe(415);
    expect(
      (await uploadPackPost('alpha', LS_REFS, { 'content-type': 'application/json' })).status,
    ).toBe(415);
    // 2 MiB of zeros gzip to ~2 KB: the limit applies to what the body expands to.
    const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect((await uploadPackPost('alpha', bomb, { 'content-encoding': 'gzip' })).status).toBe(413);
    expect((await uploadPackPost('alpha', Buffer.alloc(1024 * 1024 + 1), {})).status).toBe(413);
  });
});

describe('refusals', () => {
  const infoRefs = (name: string, authorization?: string, service = 'git-upload-pack') =>
    fetch(`${t.url}/git/${name}/info/refs?service=${service}`, {
      headers: authorization ? { authorization } : {},
    });

  it('answers 401 with a Basic challenge for a wrong or missing token, and git fails', async () => {
    for (const auth of [
      basic('catalyst', 'x'.repeat(43)),
      basic('admin', TOKEN.alpha),
      undefined,
    ]) {
      const res = await infoRefs('alpha.git', auth);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Basic realm="catalyst-gitops"');
    }
    // URL credentials: git answers the 401 with them once, then reports the failure.
    const wrong = await git([
      'clone',
      withCredentials('alpha', 'x'.repeat(43)),
      path.join(work, 'wrong'),
    ]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/Authentication failed/);
    const none = await git(['clone', gitUrl('alpha'), path.join(work, 'none')]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/401|terminal prompts disabled|could not read Username/);
  });

  it("does not open one Sovereign with another's token", async () => {
    expect((await infoRefs('alpha.git', basic('catalyst', TOKEN.bravo))).status).toBe(401);
    expect((await infoRefs('bravo.git', basic('catalyst', TOKEN.bravo))).status).toBe(200);
    const res = await git([
      'clone',
      withCredentials('alpha', TOKEN.bravo),
      path.join(work, 'cross'),
    ]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/Authentication failed/);
  });

  it('refuses pushes and every service but upload-pack with 403', async () => {
    const dir = path.join(work, 'push');
    const auth = basic('catalyst', TOKEN.alpha);
    expect((await git(['clone', '--quiet', gitUrl('alpha'), dir], { auth })).code).toBe(0);
    writeFileSync(path.join(dir, 'PUSHED.md'), 'should never arrive\n');
    await git(['add', 'PUSHED.md'], { cwd: dir });
    expect((await git(['commit', '--quiet', '-m', 'try'], { cwd: dir })).code).toBe(0);
    const push = await git(['push', 'origin', 'HEAD:main'], { cwd: dir, auth });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/403/);
    const head = await git(['--git-dir', repoPath(t.dataDir, 'alpha'), 'rev-parse', 'main']);
    expect(head.stdout).toBe(commits.alpha);

    expect((await infoRefs('alpha.git', auth, 'git-receive-pack')).status).toBe(403);
    expect((await infoRefs('alpha.git', auth, 'git-upload-archive')).status).toBe(403);
    const post = await fetch(`${gitUrl('alpha')}/git-receive-pack`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/x-git-receive-pack-request' },
      body: '0000',
    });
    expect(post.status).toBe(403);
    expect(await post.text()).toMatch(/read-only/);
  });

  it('answers 404 for unknown Sovereigns (even with their token) and malformed names', async () => {
    expect(
      (await infoRefs('nosuch.git', basic('catalyst', gitReadToken(KEY, 'nosuch')))).status,
    ).toBe(404);
    for (const name of ['Alpha.git', 'alpha', 'a.git', '..%2Falpha.git', 'alpha.git.git']) {
      expect((await infoRefs(name, basic('catalyst', TOKEN.alpha))).status, name).toBe(404);
    }
    const res = await git(['clone', gitUrl('nosuch'), path.join(work, 'nosuch')], {
      auth: basic('catalyst', gitReadToken(KEY, 'nosuch')),
    });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/not found|404/);
    // The dumb protocol is not served either.
    expect((await fetch(`${gitUrl('alpha')}/HEAD`)).status).toBe(404);
  });
});

describe('the operator endpoint and the token', () => {
  it('GET /repository gives the clone URL, user and token, never cached', async () => {
    const res = await fetch(`${t.url}/api/v1/deployments/${ids.alpha}/repository`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      url: `${t.url}/git/alpha.git`,
      username: 'catalyst',
      token: TOKEN.alpha,
      served: 'bootstrap-api',
    });
    expect((await fetch(`${t.url}/api/v1/deployments/${randomUUID()}/repository`)).status).toBe(
      404,
    );
  });

  it('derives a 43-character base64url token per Sovereign from a subkey, not the AES key', () => {
    expect(TOKEN.alpha).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(gitReadToken(KEY, 'alpha')).toBe(TOKEN.alpha);
    expect(TOKEN.bravo).not.toBe(TOKEN.alpha);
    expect(gitReadToken(randomBytes(32), 'alpha')).not.toBe(TOKEN.alpha);
    const withRawKey = createHmac('sha256', KEY).update('gitops-read:alpha').digest('base64url');
    expect(TOKEN.alpha).not.toBe(withRawKey);
  });

  it('never writes a token to the log', () => {
    const log = t.logs.join('');
    // The log did see the git requests (debug logs each request), so absence means something.
    expect(log).toContain('/git/alpha.git/info/refs');
    for (const token of Object.values(TOKEN)) {
      expect(log).not.toContain(token);
      expect(log).not.toContain(Buffer.from(`catalyst:${token}`).toString('base64'));
    }
  });
});
