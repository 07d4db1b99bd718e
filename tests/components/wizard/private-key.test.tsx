// Secrets stay secret (issue 11, item 4): a private key pasted into the SSH public key field, or
// into any other field, is recognised at once, never reaches the draft or localStorage, and the
// field is left empty.
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { isPrivateKey } from '../../../src/shared/lib/private-key';
import { parseSshPublicKey } from '../../../src/shared/lib/ssh-key';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { useSecretsStore } from '../../../src/shared/store/secrets-store';
import { renderWithProviders, WizardRoutes } from '../../render';

const BODY = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
const OPENSSH = `-----BEGIN OPENSSH PRIVATE KEY-----\n${BODY}\nQyNTUxOQAAACCaWLb8s6Hve8/CSlzlkausEDczOyWB1oKLo\n-----END OPENSSH PRIVATE KEY-----\n`;
const PEM_SECRET = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7PLANTED';
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_SECRET}\n-----END RSA PRIVATE KEY-----`;
const MESSAGE = 'This is a private key; paste the .pub file';

const saved = () => Object.values({ ...localStorage }).join('\n');

beforeEach(() => {
  useDraftStore.getState().reset();
  useSecretsStore.getState().clearSecrets();
});

describe('isPrivateKey', () => {
  it.each([
    ['OpenSSH', OPENSSH],
    ['PEM RSA', PEM],
    ['PKCS#8', '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----'],
    ['encrypted PKCS#8', '-----BEGIN ENCRYPTED PRIVATE KEY-----'],
    ['EC', '-----BEGIN EC PRIVATE KEY-----'],
    ['PGP', '-----BEGIN PGP PRIVATE KEY BLOCK-----'],
    ['OpenSSH body without armour', BODY],
    ['PuTTY', 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none'],
  ])('recognises %s', (_, text) => expect(isPrivateKey(text)).toBe(true));

  it.each([
    [
      'an ed25519 public key',
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJpYtvyzoe97z8JKXOWRq7AQ3MM7jYHWgou6hwWqffZ/ ops@acme',
    ],
    ['a public key block', '-----BEGIN PUBLIC KEY-----'],
    ['a name', 'acme-prod'],
  ])('leaves %s alone', (_, text) => expect(isPrivateKey(text)).toBe(false));

  it('is what the SSH key check says of a stored private key', () => {
    expect(parseSshPublicKey(OPENSSH)).toEqual({
      ok: false,
      error: 'this is a private key; paste the .pub file',
    });
  });
});

describe('a private key pasted into a field', () => {
  it('SSH public key: says so at once, keeps the field empty and the key out of storage', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const field = await screen.findByLabelText('SSH public key');
    await user.click(field);
    await user.paste(OPENSSH);

    expect(await screen.findByRole('alert')).toHaveTextContent(MESSAGE);
    expect(field).toHaveValue('');
    expect(field).toHaveAccessibleDescription(new RegExp(MESSAGE.replace('.', '\\.')));
    expect(useDraftStore.getState().draft.infrastructure.sshPublicKey).toBe('');
    await waitFor(() => expect(localStorage.length).toBeGreaterThan(0));
    expect(saved()).not.toContain(BODY);
  });

  it('SSH public key: a key typed or dropped in some other way is cleared as it arrives', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const field = await screen.findByLabelText('SSH public key');
    await user.type(field, '-----BEGIN EC PRIVATE KEY-----');
    expect(field).toHaveValue('');
    expect(screen.getByRole('alert')).toHaveTextContent(MESSAGE);
    expect(saved()).not.toContain('PRIVATE KEY');
  });

  it('any field, a secret one too: the provider token and the organisation name refuse it', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const token = await screen.findByLabelText('Hetzner Cloud API token');
    await user.click(token);
    await user.paste(PEM);
    expect(token).toHaveValue('');
    expect(useSecretsStore.getState().secrets.providerToken).toBe('');
    expect(screen.getByRole('alert')).toHaveTextContent(MESSAGE);

    const org = screen.getByLabelText('Organisation name');
    await user.click(org);
    await user.paste(PEM);
    expect(org).toHaveValue('');
    expect(useDraftStore.getState().draft.infrastructure.organization.name).toBe('');
    expect(saved()).not.toContain(PEM_SECRET);
  });

  it('a pasted public key still lands and shows its fingerprint', async () => {
    const { user } = renderWithProviders(<WizardRoutes />, { route: '/wizard/infrastructure' });
    const field = await screen.findByLabelText('SSH public key');
    await user.click(field);
    await user.paste(
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJpYtvyzoe97z8JKXOWRq7AQ3MM7jYHWgou6hwWqffZ/ ops@acme',
    );
    expect(await screen.findByText(/fingerprint/)).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
