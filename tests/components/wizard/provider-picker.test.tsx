import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProviderPicker } from '../../../src/components/wizard/infrastructure/provider-picker';
import { PROVIDERS } from '../../../src/shared/constants/domain';
import { useDraftStore } from '../../../src/shared/store/draft-store';
import { renderWithProviders } from '../../render';

describe('the provider cards', () => {
  it('say "Plan only: no OpenTofu module yet" on every provider without a module, before it is picked', () => {
    expect(useDraftStore.getState().draft.infrastructure.provider).toBe('hetzner');
    renderWithProviders(<ProviderPicker />);
    for (const p of PROVIDERS) {
      const radio = screen.getByRole('radio', { name: new RegExp(`^${p.name}`) });
      if (p.hasModule) expect(radio, p.name).not.toHaveAccessibleName(/Plan only/);
      else expect(radio, p.name).toHaveAccessibleName(/Plan only: no OpenTofu module yet$/);
    }
    expect(PROVIDERS.filter((p) => p.hasModule).map((p) => p.id)).toEqual(['hetzner']);
  });
});
