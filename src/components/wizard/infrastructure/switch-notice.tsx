import { useEffect } from 'react';

/** The switch rules and their words, loaded with the Infrastructure step but not the first paint. */
let switches: Promise<typeof import('../../../shared/lib/switches')> | undefined;
export const loadSwitches = () => (switches ??= import('../../../shared/lib/switches'));

/** Starts loading the switch rules once the picker is on screen, so a click finds them loaded. */
export function usePreloadSwitches(): void {
  useEffect(() => void loadSwitches(), []);
}

/**
 * What the last provider or topology switch reset, as a polite status message (always in the
 * DOM, so screen readers hear it change); nothing is shown while nothing was reset.
 */
export function SwitchNotice({ id, lines }: { id: string; lines: readonly string[] }) {
  return (
    <div id={id} role="status" className="text-sm">
      {lines.length > 0 ? (
        <div className="mt-3 rounded-md border border-border bg-muted p-3">
          <p className="font-medium">{lines[0]}</p>
          {lines.length > 1 ? (
            <ul className="mt-1 list-inside list-disc text-fg-muted">
              {lines.slice(1).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
