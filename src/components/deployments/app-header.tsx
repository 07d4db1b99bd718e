import { NavLink } from 'react-router';
import { cx } from '../ui/cx';
import { ROUTES } from '../../shared/constants/routes';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  cx(
    'text-sm underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-focus',
    isActive ? 'font-medium text-fg' : 'text-accent',
  );

/** The header of the deployment pages: the app's name and links back to the wizard. */
export function DeploymentsHeader({ subtitle }: { subtitle: string }) {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <p className="font-semibold">
          Catalyst Bootstrap <span className="font-normal text-fg-muted">· {subtitle}</span>
        </p>
        <nav aria-label="Main" className="flex items-center gap-4">
          <NavLink to={ROUTES.deployments} end className={linkClass}>
            Deployments
          </NavLink>
          <NavLink to={ROUTES.wizard} className={linkClass}>
            Wizard
          </NavLink>
        </nav>
      </div>
    </header>
  );
}
