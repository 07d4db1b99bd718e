import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ComponentCard } from '../../../src/components/catalog/component-card';
import { getComponent, type ComponentId } from '../../../src/shared/constants/components';
import { installMethod } from '../../../src/shared/lib/install-method';
import { renderWithProviders } from '../../render';

function card(id: ComponentId) {
  const c = getComponent(id);
  renderWithProviders(
    <ul>
      <ComponentCard
        id={id}
        name={c.name}
        role={c.role}
        tier={c.tier}
        kind="not-installed"
        installed={false}
        fixed={false}
        statusText="Not installed"
        onToggle={vi.fn()}
      />
    </ul>,
  );
  return screen.getByRole('listitem', { name: c.name });
}

describe('ComponentCard: how it is installed', () => {
  it('says how LibreChat is installed and that it runs on workload clusters', () => {
    const li = card('librechat');
    const { how } = installMethod(getComponent('librechat'));
    expect(within(li).getByText(`${how} · Workload (rtz) clusters`)).toBeVisible();
  });

  it('says the bootstrap runs OpenTofu and nothing installs it on a cluster', () => {
    const li = card('opentofu');
    // The whole line, with no "· <where>" after it.
    expect(
      within(li).getByText('Run by the bootstrap API (phase 0); not installed on a cluster'),
    ).toBeVisible();
  });
});
