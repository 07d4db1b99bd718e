import type { ReactNode } from 'react';
import { Card } from '../ui/card';

/**
 * A titled region of the Review page that another feature fills in (graph, export, provision).
 * The heading and its id stay stable so tests and links can find the slot.
 */
export function ReviewSlot({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <section aria-labelledby={id} className="space-y-3">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </section>
    </Card>
  );
}
