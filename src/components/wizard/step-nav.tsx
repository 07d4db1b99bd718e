import { Button } from '../ui/button';

export interface StepNavProps {
  backLabel?: string | undefined;
  nextLabel?: string | undefined;
  onBack?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
}

/** Back and Next; either is left out when there is nowhere to go. */
export function StepNav({ backLabel, nextLabel, onBack, onNext }: StepNavProps) {
  return (
    <div className="flex items-center justify-between gap-2 border-t border-border pt-4">
      {onBack ? (
        <Button onClick={onBack}>
          <span aria-hidden="true">←</span> Back{backLabel ? `: ${backLabel}` : ''}
        </Button>
      ) : (
        <span />
      )}
      {onNext ? (
        <Button variant="primary" onClick={onNext}>
          Next{nextLabel ? `: ${nextLabel}` : ''} <span aria-hidden="true">→</span>
        </Button>
      ) : null}
    </div>
  );
}
