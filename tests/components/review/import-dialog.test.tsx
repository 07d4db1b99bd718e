import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportSection } from '../../../src/components/review/export-section';
import { createDefaultDraft } from '../../../src/shared/lib/draft';
import { buildManifest, draftFromManifest, withSecrets } from '../../../src/shared/lib/manifest';
import { serializeManifest } from '../../../src/shared/lib/manifest/io';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';
import { renderWithProviders, WizardRoutes } from '../../render';
import { validDraft } from '../../shared/lib/manifest-fixtures';

const TOKEN = 'A1b2C3d4'.repeat(8);

/** A valid draft that differs from the store's default one. */
function importedDraft() {
  const d = validDraft();
  d.infrastructure.sovereignName = 'imported';
  d.components.chosen = ['temporal', 'clickhouse'];
  return d;
}
const validYaml = () => serializeManifest(buildManifest(importedDraft()), 'yaml');

const snapshot = () => JSON.stringify(useDraftStore.getState().draft);

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
  useSecretsStore.getState().setSecret('providerToken', 'typed-before-import');
});
afterEach(() => useDraftStore.getState().reset());

async function openImport(user: ReturnType<typeof renderWithProviders>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Import…' }, { timeout: 10_000 }));
  return screen.getByRole('dialog', { name: 'Import a manifest' });
}

describe('Import dialog', () => {
  it('lists every problem of a broken file with its path and changes nothing', async () => {
    const { user } = renderWithProviders(<ExportSection />);
    const before = snapshot();
    const dialog = await openImport(user);
    const broken = validYaml()
      .replace('subdomain: acme', 'subdomain: Not_A_Label')
      .replace('id: kserve', 'id: veloro');
    await user.upload(
      within(dialog).getByLabelText('Manifest file'),
      new File([broken], 'broken.sovereign.yaml', { type: 'application/yaml' }),
    );
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(/broken\.sovereign\.yaml cannot be imported/);
    expect(alert).toHaveTextContent('Nothing was changed');
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^spec\.components\[\d+\]\.id: unknown component "veloro"/),
        expect.stringMatching(/^spec\.dns\.subdomain: /),
      ]),
    );
    expect(within(dialog).getByRole('button', { name: 'Replace draft…' })).toBeDisabled();
    expect(snapshot()).toBe(before);
    expect(useSecretsStore.getState().secrets.providerToken).toBe('typed-before-import');
  });

  it('refuses another apiVersion with the validator message and migrates v1alpha0', async () => {
    const { user } = renderWithProviders(<ExportSection />);
    const dialog = await openImport(user);
    const paste = within(dialog).getByLabelText('Or paste the manifest');
    await user.click(paste);
    await user.paste(validYaml().replace('catalyst.openova.io/v1alpha1', 'catalyst.openova.io/v2'));
    await user.click(within(dialog).getByRole('button', { name: 'Check pasted text' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'apiVersion: "catalyst.openova.io/v2" is not supported',
    );

    const old = buildManifest(importedDraft());
    const v0 = {
      ...old,
      apiVersion: 'catalyst.openova.io/v1alpha0',
      spec: { ...old.spec, components: ['temporal', 'clickhouse'], installOrder: undefined },
    };
    await user.clear(paste);
    await user.click(paste);
    await user.paste(JSON.stringify(v0));
    await user.click(within(dialog).getByRole('button', { name: 'Check pasted text' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Valid manifest (migrated from v1alpha0)',
    );
  });

  it('replaces the draft only after confirming, clears secrets and says which to enter again', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/review' });
    const before = snapshot();
    const dialog = await openImport(user);
    await user.click(within(dialog).getByLabelText('Or paste the manifest'));
    await user.paste(validYaml());
    await user.click(within(dialog).getByRole('button', { name: 'Check pasted text' }));
    const summary = within(dialog).getByRole('status');
    expect(summary).toHaveTextContent('Nameimported');
    expect(summary).toHaveTextContent('ProviderHetzner Cloud');
    expect(summary).toHaveTextContent(
      `Regions${importedDraft()
        .infrastructure.regions.map((r) => r.cloudRegion)
        .join(', ')}`,
    );
    expect(summary).toHaveTextContent(
      `Components${buildManifest(importedDraft()).spec.components.length} installed`,
    );

    await user.click(within(dialog).getByRole('button', { name: 'Replace draft…' }));
    const confirm = screen.getByRole('dialog', { name: 'Replace the current draft?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(snapshot()).toBe(before);

    await user.click(within(dialog).getByRole('button', { name: 'Replace draft…' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Replace the current draft?' })).getByRole(
        'button',
        { name: 'Replace draft' },
      ),
    );
    expect(useDraftStore.getState().draft).toEqual(importedDraft());
    expect(useSecretsStore.getState().secrets.providerToken).toBe('');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const notice = screen.getByRole('status', { name: /^Imported “imported”/ });
    await waitFor(() => expect(notice).toHaveFocus());
    const again = within(notice)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(again).toEqual([
      'Hetzner Cloud API token',
      'Cold-tier access key id',
      'Cold-tier secret access key',
    ]);
    expect(notice).toHaveTextContent('(provider-credentials)');
    // Review's own problem list asks for the same secrets.
    const problems = screen.getByRole('region', { name: /problems? remains?/ });
    expect(problems).toHaveTextContent('Hetzner Cloud API token is required');
    expect(problems).toHaveTextContent('Cold-tier access key id: at least 16 characters');
    expect(screen.getByRole('status', { name: 'location' })).toHaveTextContent('/wizard/review');
  });

  it('puts the secrets an exported file carries into memory only, and says so', async () => {
    const { user } = renderWithProviders(<ExportSection />);
    const dialog = await openImport(user);
    const m = withSecrets(buildManifest(importedDraft()), {
      providerToken: TOKEN,
      registrarToken: '',
      coldAccessKeyId: '',
      coldSecretAccessKey: '',
    });
    await user.upload(
      within(dialog).getByLabelText('Manifest file'),
      new File([serializeManifest(m, 'json', { includeSecrets: true })], 'with-secrets.json'),
    );
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      /carries secret values for Hetzner Cloud API token \(provider-credentials\)/,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Replace draft…' }));
    await user.click(screen.getByRole('button', { name: 'Replace draft' }));
    expect(useSecretsStore.getState().secrets.providerToken).toBe(TOKEN);
    expect(JSON.stringify({ ...localStorage })).not.toContain(TOKEN);
    expect(screen.getByText(/The file carried secret values for Hetzner/)).toBeVisible();
  });

  it('never throws and never changes the draft for ~200 random or mutated texts', async () => {
    const { user } = renderWithProviders(<ExportSection />);
    const dialog = await openImport(user);
    const paste = within(dialog).getByLabelText('Or paste the manifest');
    const check = within(dialog).getByRole('button', { name: 'Check pasted text' });
    const base = [validYaml(), serializeManifest(buildManifest(importedDraft()), 'json')];
    const mutated = fc
      .record({
        doc: fc.constantFrom(...base),
        at: fc.nat(),
        cut: fc.nat({ max: 40 }),
        insert: fc.string({ maxLength: 12 }),
      })
      .map(({ doc, at, cut, insert }) => {
        const i = at % doc.length;
        return doc.slice(0, i) + insert + doc.slice(i + cut);
      });
    const text = fc.oneof(fc.string({ minLength: 1 }), fc.string({ unit: 'binary' }), mutated);
    const before = snapshot();
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        fireEvent.change(paste, { target: { value: t } });
        if (!t.trim()) return;
        fireEvent.click(check);
        const result = within(dialog).queryByRole('alert') ?? within(dialog).getByRole('status');
        if (result.getAttribute('role') === 'alert') {
          expect(within(result).getAllByRole('listitem')[0]).toHaveTextContent(/^\S+: \S/);
        }
        expect(snapshot()).toBe(before);
      }),
      { numRuns: 200 },
    );
    await waitFor(() => expect(snapshot()).toBe(before));
    expect(JSON.parse(before)).toEqual(createDefaultDraft());
  });
});

it('imports what draftFromManifest reads (sanity of the fixture)', () => {
  expect(draftFromManifest(buildManifest(importedDraft()))).toEqual(importedDraft());
});
