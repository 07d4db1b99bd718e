import { Link, useNavigate } from 'react-router';
import type { ApiError } from '../../shared/api/client';
import { getStep } from '../../shared/constants/steps';
import { fieldId } from '../../shared/lib/draft-defaults';
import { useDraftStore } from '../../shared/store/draft-store';
import { ChangeSovereignButton } from '../sovereigns/change-sovereign-button';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ROUTES, deploymentRoute } from '../../shared/constants/routes';

const linkClass =
  'inline-flex items-center rounded-md border border-border px-3 py-2 text-sm font-medium text-accent underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

/**
 * The API refused a second deployment of a Sovereign name (409 `sovereign_exists`): one name is
 * one Sovereign and one repository. Offers three ways on: change it ("Change this Sovereign" opens
 * its latest revision in revision mode), open the existing Sovereign, or go back and choose
 * another name (the name field focused). Nothing is submitted again by itself.
 */
export function NameTakenNotice({
  error,
  onStartNew,
}: {
  error: ApiError;
  onStartNew: () => void;
}) {
  const navigate = useNavigate();
  const name = useDraftStore((s) => s.draft.infrastructure.sovereignName);
  const existing = error.existing;
  const nameField = fieldId('infrastructure.sovereignName');
  return (
    <Alert tone="danger" role="alert" className="space-y-2">
      <p className="font-semibold">A Sovereign named “{existing?.name ?? name}” already exists</p>
      <p>
        {error.message.replace(/\.$/, '')}. Provisioning it again would write a second history into
        the same repository. Is this that Sovereign, or a different one that needs its own name?
      </p>
      <div className="flex flex-wrap items-start gap-2">
        <ChangeSovereignButton name={existing?.name ?? name} />
        <Link
          className={linkClass}
          to={existing ? deploymentRoute(existing.id) : ROUTES.deployments}
        >
          Open the existing Sovereign
        </Link>
        <Button
          onClick={() => {
            // The draft will change: its next submit is a new request with a new key.
            onStartNew();
            void navigate(`${getStep('infrastructure').path}#${nameField}`);
          }}
        >
          Choose another name
        </Button>
      </div>
    </Alert>
  );
}
