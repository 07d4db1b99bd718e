import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GraphSidePanel } from '../../../src/components/graph/graph-side-panel';
import { getComponent, type ComponentId } from '../../../src/shared/constants/components';
import { CATALOG_INDEX } from '../../../src/shared/lib/catalog-graph';
import { installMethod } from '../../../src/shared/lib/install-method';
import { defaultChoice, resolveSelection } from '../../../src/shared/lib/resolve-selection';
import { renderWithProviders } from '../../render';

const resolved = resolveSelection(CATALOG_INDEX, [...defaultChoice(CATALOG_INDEX), 'librechat']);

function panel(id: ComponentId) {
  renderWithProviders(
    <GraphSidePanel
      id={id}
      resolved={resolved}
      onOpen={vi.fn()}
      onToggle={vi.fn()}
      onClose={vi.fn()}
    />,
  );
}

/** The panel states `value` under the term `term` (a dt/dd pair of its list). */
function expectRow(term: string, value: string | RegExp) {
  expect(screen.getByText(term)).toHaveRole('term');
  expect(screen.getByText(value)).toHaveRole('definition');
}

describe('GraphSidePanel: how it is installed', () => {
  it('says how and where LibreChat is installed', () => {
    panel('librechat');
    expectRow('Installed as', installMethod(getComponent('librechat')).how);
    expectRow('Runs on', 'Workload (rtz) clusters');
  });

  it('says the bootstrap runs OpenTofu, on no cluster', () => {
    panel('opentofu');
    expectRow('Installed as', 'Run by the bootstrap API (phase 0); not installed on a cluster');
    expect(screen.queryByText('Runs on')).not.toBeInTheDocument();
  });

  it('names the management clusters for an mgt component', () => {
    panel('keycloak');
    expectRow('Runs on', 'Management clusters');
    expectRow('Installed as', /^(Helm chart|Catalyst Blueprint bp-keycloak)/);
  });
});
