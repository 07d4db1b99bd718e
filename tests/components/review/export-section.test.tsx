import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOKEN_CLASS } from '../../../src/components/manifest/yaml-code';
import { ExportSection } from '../../../src/components/review/export-section';
import { buildManifest, draftSecretsFromManifest } from '../../../src/shared/lib/manifest';
import { parseManifestText } from '../../../src/shared/lib/manifest/io';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';
import { renderWithProviders, WizardRoutes } from '../../render';
import { validDraft } from '../../shared/lib/manifest-fixtures';
import { captureDownloads, type CapturedDownload } from '../manifest/download-spy';

const TOKEN = 'A1b2C3d4'.repeat(8);
const COLD_KEY = 'AKIAEXAMPLEKEY123456';
const COLD_SECRET = 'secret-access-key-0123456789';

let downloads: CapturedDownload[];
beforeEach(() => {
  useDraftStore.getState().replaceDraft(validDraft());
  useSecretsStore.getState().clearSecrets();
  const s = useSecretsStore.getState();
  s.setSecret('providerToken', TOKEN);
  s.setSecret('coldAccessKeyId', COLD_KEY);
  s.setSecret('coldSecretAccessKey', COLD_SECRET);
  downloads = captureDownloads();
});
afterEach(() => {
  vi.restoreAllMocks();
  useDraftStore.getState().reset();
});

const lastText = async () => {
  const last = downloads[downloads.length - 1];
  if (!last) throw new Error('nothing was downloaded');
  return { name: last.name, text: await last.blob.text() };
};

describe('Export section', () => {
  it('downloads YAML and JSON that parse back to the same manifest, without secrets', async () => {
    const { user } = renderWithProviders(<ExportSection />);
    await user.click(screen.getByRole('button', { name: 'Download YAML' }));
    const yaml = await lastText();
    expect(yaml.name).toBe('acme.sovereign.yaml');
    expect(yaml.text).toMatch(/^# yaml-language-server: \$schema=/);
    const fromYaml = parseManifestText(yaml.text);
    expect(fromYaml.ok).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    const json = await lastText();
    expect(json.name).toBe('acme.sovereign.json');
    const fromJson = parseManifestText(json.text);
    const expected = buildManifest(validDraft());
    for (const parsed of [fromYaml, fromJson]) {
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const { $schema: _schema, ...manifest } = parsed.manifest;
      expect(manifest).toEqual(expected);
    }
    for (const text of [yaml.text, json.text]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(COLD_SECRET);
      expect(text).not.toMatch(/^secrets:/m);
    }
  });

  it('includes secrets only after the warning is confirmed', async () => {
    const { user } = renderWithProviders(<ExportSection />);
    const box = screen.getByRole('checkbox', { name: /Include secrets/ });

    await user.click(box);
    const warning = screen.getByRole('dialog', { name: 'Include secrets in the export?' });
    expect(warning).toHaveTextContent(/tokens in\s+clear text/);
    await user.click(within(warning).getByRole('button', { name: 'Cancel' }));
    expect(box).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Download YAML' }));
    expect((await lastText()).text).not.toContain(TOKEN);

    await user.click(box);
    await user.click(
      within(screen.getByRole('dialog', { name: /Include secrets/ })).getByRole('button', {
        name: 'Include secrets',
      }),
    );
    expect(box).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Download YAML' }));
    const withSecrets = await lastText();
    // Named apart from the plain download, so one never overwrites or passes for the other.
    expect(withSecrets.name).toBe('acme.sovereign.with-secrets.yaml');
    const parsed = parseManifestText(withSecrets.text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(draftSecretsFromManifest(parsed.manifest)).toEqual({
      providerToken: TOKEN,
      registrarToken: '',
      coldAccessKeyId: COLD_KEY,
      coldSecretAccessKey: COLD_SECRET,
    });

    await user.click(box);
    expect(box).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Download JSON' }));
    expect((await lastText()).text).not.toContain(TOKEN);
  });

  it('copies the YAML and a curl command that names the file but holds no secret', async () => {
    const { user } = renderWithProviders(<ExportSection />);
    await user.click(screen.getByRole('button', { name: 'Copy YAML' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Copied the manifest (YAML)');
    const copied = await navigator.clipboard.readText();
    expect(parseManifestText(copied).ok).toBe(true);
    expect(copied).not.toContain(TOKEN);

    await user.click(screen.getByRole('checkbox', { name: /Include secrets/ }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Include secrets' }),
    );
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/curl command/));
    const curl = await navigator.clipboard.readText();
    expect(curl).toMatch(
      new RegExp(
        `^curl -X POST ${window.location.origin}/api/v1/deployments \\\\\\n  -H 'Content-Type: application/yaml'`,
      ),
    );
    expect(curl).toMatch(
      /-H 'Idempotency-Key: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'/,
    );
    expect(curl).toContain('--data-binary @acme.sovereign.with-secrets.yaml');
    for (const secret of [TOKEN, COLD_KEY, COLD_SECRET]) expect(curl).not.toContain(secret);

    // Copying again for the same manifest keeps the key, so a re-run cannot submit twice.
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }));
    expect(await navigator.clipboard.readText()).toBe(curl);
  });

  it('shows a highlighted YAML preview on request, never with secret values', async () => {
    const { user } = renderWithProviders(<ExportSection />);
    const toggle = screen.getByRole('button', { name: 'Preview the manifest (YAML)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const preview = screen.getByRole('region', { name: 'acme.sovereign.yaml preview' });
    expect(preview).toHaveTextContent('kind: Sovereign');
    expect(within(preview).getByText('apiVersion')).toHaveClass(TOKEN_CLASS.key);
    expect(preview.textContent).not.toContain(TOKEN);
  });

  it('loads lazily in the Review page slot', async () => {
    renderWithProviders(<WizardRoutes />, { route: '/wizard/review' });
    const slot = screen.getByRole('region', { name: 'Export' });
    expect(
      await within(slot).findByRole('button', { name: 'Download YAML' }, { timeout: 10_000 }),
    ).toBeVisible();
  });
});
