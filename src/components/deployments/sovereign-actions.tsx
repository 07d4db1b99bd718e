import { Link } from 'react-router';
import { ChangeSovereignButton } from '../sovereigns/change-sovereign-button';
import { sovereignRoute } from '../../shared/constants/routes';

/** On a deployment's page: its Sovereign's page (revisions, compare) and "Change this Sovereign". */
export function SovereignActions({ name }: { name: string }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <Link
        to={sovereignRoute(name)}
        className="inline-flex h-10 items-center text-sm text-accent underline focus-visible:outline-2 focus-visible:outline-focus"
      >
        Sovereign page
      </Link>
      <ChangeSovereignButton name={name} variant="secondary" />
    </div>
  );
}
