import { memo } from 'react';
import type { Tier } from '../../shared/constants/catalog-types';
import { getComponent, type ComponentId } from '../../shared/constants/components';
import { installMethod } from '../../shared/lib/install-method';
import { missingGpuNote, planHasGpu } from '../../shared/lib/hardware';
import { useDraftStore } from '../../shared/store/draft-store';
import { SettingsDisclosure } from '../settings/settings-disclosure';
import { cn } from '../ui/cn';
import type { StatusKind } from './component-status';
import { TierBadge } from './tier-badge';

export interface ComponentCardProps {
  id: ComponentId;
  name: string;
  role: string;
  tier: Tier;
  kind: StatusKind;
  installed: boolean;
  /** Mandatory or locked: the toggle is disabled and `statusText` says why. */
  fixed: boolean;
  statusText: string;
  /** Settings or chart values differ from the defaults. */
  changed?: boolean;
  /** Must be stable (the card is memoised on its primitive props). */
  onToggle: (id: ComponentId, install: boolean) => void;
}

const STATUS_CLASS: Record<StatusKind, string> = {
  mandatory: 'text-fg-muted',
  locked: 'text-fg-muted',
  chosen: 'text-accent',
  dependency: 'text-ok',
  'not-installed': 'text-fg-muted',
};

/** The DOM id of a component's install toggle, so focus can return to it. */
export const toggleId = (id: ComponentId) => `install-${id}`;

function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3 shrink-0 fill-current">
      <path d="M5 7V5a3 3 0 0 1 6 0v2h.5A1.5 1.5 0 0 1 13 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 13.5v-5A1.5 1.5 0 0 1 4.5 7H5Zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2Z" />
    </svg>
  );
}

/**
 * One catalog component: logo, name, role, tier, how and where it is installed, why it is (not)
 * installed, and its toggle.
 */
export const ComponentCard = memo(function ComponentCard(props: ComponentCardProps) {
  const { id, name, role, tier, kind, installed, fixed, statusText, changed, onToggle } = props;
  const statusId = `status-${id}`;
  const method = installMethod(getComponent(id));
  const hasGpu = useDraftStore((s) =>
    planHasGpu(s.draft.infrastructure.provider, s.draft.infrastructure.regions),
  );
  const hardwareNote = missingGpuNote(id, hasGpu);
  return (
    <li
      aria-label={name}
      className={cn(
        'flex flex-col gap-2 rounded-lg border bg-surface p-3 shadow-xs',
        installed && !fixed ? 'border-accent/50' : 'border-border',
      )}
    >
      <div className="flex items-start gap-3">
        <img
          src={`/component-logos/${id}.svg`}
          alt=""
          width={40}
          height={40}
          loading="lazy"
          className="size-10 shrink-0 rounded-md"
        />
        <div className="min-w-0 flex-1">
          <div className="flex items-start justify-between gap-2">
            <h3 className="leading-tight font-semibold break-words">{name}</h3>
            <TierBadge tier={tier} />
          </div>
          <p className="mt-0.5 text-sm text-fg-muted">{role}</p>
          <p className="mt-1 text-xs text-fg-muted">
            {method.how}
            {method.where && ` · ${method.where}`}
          </p>
          {hardwareNote && <p className="mt-1 text-xs font-medium text-warn">{hardwareNote}</p>}
          {changed && (
            <p className="mt-1 text-xs font-medium text-accent">Settings changed from defaults</p>
          )}
        </div>
      </div>
      {installed && <SettingsDisclosure id={id} name={name} />}
      <div className="mt-auto flex items-center justify-between gap-2 border-t border-border/60 pt-2">
        <p
          id={statusId}
          className={cn('flex items-center gap-1 text-xs font-medium', STATUS_CLASS[kind])}
        >
          {fixed && <LockIcon />}
          {statusText}
        </p>
        <label
          className={cn(
            'flex shrink-0 items-center gap-1.5 text-sm',
            fixed ? 'cursor-not-allowed text-fg-muted' : 'cursor-pointer',
          )}
        >
          <input
            id={toggleId(id)}
            type="checkbox"
            checked={installed}
            disabled={fixed}
            aria-label={`Install ${name}`}
            aria-describedby={statusId}
            onChange={(e) => onToggle(id, e.currentTarget.checked)}
            className="size-4 accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus disabled:cursor-not-allowed"
          />
          Install
        </label>
      </div>
    </li>
  );
});
