// Defers mounting heavy content until its place comes near the viewport, or until the user asks
// for it with the button, so a page's first paint does not wait for it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';
import { cx } from './cx';

export interface WhenVisibleProps {
  children: ReactNode;
  /** Label of the button that mounts the content at once. */
  showLabel: string;
  /** Classes of the placeholder: give it the content's height so nothing shifts. */
  className?: string;
}

/** Mounts `children` once the placeholder is within 200 px of the viewport or the button is pressed. */
export function WhenVisible({ children, showLabel, className }: WhenVisibleProps) {
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (shown || !el) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);

  if (shown) return <>{children}</>;
  return (
    <div
      ref={ref}
      className={cx(
        'flex items-center justify-center rounded-lg border border-border bg-surface',
        className,
      )}
    >
      <Button onClick={() => setShown(true)}>{showLabel}</Button>
    </div>
  );
}
