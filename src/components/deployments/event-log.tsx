import type { DeploymentEvent } from '../../shared/schemas/api';
import { cx } from '../ui/cx';

const LEVEL_CLASS: Record<DeploymentEvent['level'], string> = {
  info: 'text-fg-muted',
  warn: 'text-warn',
  error: 'text-danger font-medium',
};

const timeOf = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString(undefined, { hour12: false });
};

/** The deployment's events, oldest first: time, level, message. */
export function EventLog({ events }: { events: readonly DeploymentEvent[] }) {
  return (
    <section aria-labelledby="events-heading" className="space-y-3">
      <h2 id="events-heading" className="text-lg font-semibold">
        Event log
      </h2>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be keyboard-scrollable */}
      <div tabIndex={0} className="max-h-96 overflow-auto rounded-lg border border-border">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Events of this deployment, oldest first</caption>
          <thead className="sticky top-0 bg-muted text-xs text-fg-muted">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Time
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Level
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Message
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {events.map((e) => (
              <tr key={e.seq}>
                <td className="px-3 py-1 align-top whitespace-nowrap text-fg-muted tabular-nums">
                  <time dateTime={e.time}>{timeOf(e.time)}</time>
                </td>
                <td className={cx('px-3 py-1 align-top', LEVEL_CLASS[e.level])}>{e.level}</td>
                <td className="px-3 py-1 align-top break-words">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
