import type { EventsConnection } from '../../shared/api/events';
import { cx } from '../ui/cx';

const TEXT: Record<EventsConnection, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
  closed: 'Finished',
};

const DOT: Record<EventsConnection, string> = {
  connecting: 'bg-fg-muted',
  open: 'bg-ok',
  reconnecting: 'bg-warn animate-pulse',
  closed: 'bg-fg-muted',
};

/** Whether the live event stream is connected, announced politely when it changes. */
export function ConnectionStatus({ connection }: { connection: EventsConnection }) {
  return (
    <p role="status" className="inline-flex items-center gap-2 text-sm text-fg-muted">
      <span aria-hidden="true" className={cx('size-2 rounded-full', DOT[connection])} />
      {TEXT[connection]}
    </p>
  );
}
