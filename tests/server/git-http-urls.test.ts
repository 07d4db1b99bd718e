// Where the Sovereign's repository is cloned from: clone URLs composed from PUBLIC_URL or
// GITOPS_REMOTE_URL, PUBLIC_URL read and defaulted, and the operator endpoint behind the API token
// (serving and refusing over git smart HTTP: git-http-serve.test.ts).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultPublicUrl, loadConfig } from '../../server/config';
import { gitCloneUrl, repositoryUrlFor } from '../../server/git-credentials';
import { bareDeployment, startServer } from './harness';

describe('URLs and configuration', () => {
  it('composes clone URLs from PUBLIC_URL, or from GITOPS_REMOTE_URL when set', () => {
    expect(gitCloneUrl('https://boot.example.com/base', 'acme')).toBe(
      'https://boot.example.com/base/git/acme.git',
    );
    const publicUrl = 'https://boot.example.com';
    expect(repositoryUrlFor({ publicUrl, gitopsRemoteUrl: undefined }, 'acme')).toEqual({
      url: 'https://boot.example.com/git/acme.git',
      served: 'bootstrap-api',
    });
    expect(
      repositoryUrlFor(
        { publicUrl, gitopsRemoteUrl: 'https://git.example.com/ops/{name}.git' },
        'acme',
      ),
    ).toEqual({ url: 'https://git.example.com/ops/acme.git', served: 'remote' });
  });

  it('reads PUBLIC_URL, defaulting to HOST:PORT with wildcards named by loopback', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://boot.example.com/base/' }).publicUrl).toBe(
      'https://boot.example.com/base',
    );
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_URL: 'https://u:p@boot.example.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://boot.example.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: 'boot.example.com' })).toThrow(ConfigError);
    expect(defaultPublicUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
    expect(defaultPublicUrl('0.0.0.0', 8080)).toBe('http://127.0.0.1:8080');
    expect(defaultPublicUrl('::', 8080)).toBe('http://[::1]:8080');
  });

  it('the endpoint sits behind the API token and hands out no credential for a remote', async () => {
    const apiToken = 'api-token-0123456789abcdef';
    const s = await startServer({
      env: {
        CATALYST_API_TOKEN: apiToken,
        GITOPS_REMOTE_URL: 'https://git.example.com/{name}.git',
      },
    });
    try {
      const id = randomUUID();
      await s.server.repo.createDeployment(bareDeployment(id, 'remote-one', 'not run'));
      const url = `${s.url}/api/v1/deployments/${id}/repository`;
      expect((await fetch(url)).status).toBe(401);
      const res = await fetch(url, { headers: { authorization: `Bearer ${apiToken}` } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        url: 'https://git.example.com/remote-one.git',
        username: null,
        token: null,
        served: 'remote',
      });
    } finally {
      await s.close();
    }
  });
});
