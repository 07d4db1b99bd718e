import { useId } from 'react';
import { draftNoticeText } from '../../shared/store/persisted-draft';
import { useDraftStore } from '../../shared/store/draft-store';
import { Button } from '../ui/button';
import { focusHeading } from './focus';

/**
 * Tells the user, once, that their saved draft did not load as it was (unreadable, or some
 * fields reset to their defaults). A status, not an alert: nothing is blocked, the wizard goes
 * on with what was kept. Dismissing it returns focus to the step's heading, below it.
 */
export function DraftResetNotice() {
  const notice = useDraftStore((s) => s.draftNotice);
  const dismiss = useDraftStore((s) => s.dismissDraftNotice);
  const textId = useId();
  if (!notice) return null;
  return (
    <div
      role="status"
      aria-labelledby={textId}
      // Alert's warn look, written out: <Alert> merges classes with tailwind-merge, which the
      // first page (where this shows) does not load otherwise (see ui/cx.ts).
      className="flex flex-wrap items-center justify-between gap-3 rounded-lg border-l-4 border-warn bg-surface p-4 text-sm"
    >
      <p id={textId}>{draftNoticeText(notice)}</p>
      <Button
        size="sm"
        onClick={() => {
          dismiss();
          focusHeading();
        }}
      >
        Dismiss
      </Button>
    </div>
  );
}
