import { fieldId, type FieldError } from '../../shared/lib/draft-defaults';

/** Focuses the control of the first error in document order; true when one was found. */
export function focusFirstInvalid(errors: readonly FieldError[]): boolean {
  const elements = errors
    .map((e) => document.getElementById(fieldId(e.path)))
    .filter((el): el is HTMLElement => el !== null);
  elements.sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
  const first = elements[0];
  first?.focus();
  return first !== undefined;
}

/** Focuses the page's h1 so a screen reader announces the new step. */
export function focusHeading(): void {
  const h1 = document.querySelector<HTMLElement>('main h1');
  if (!h1) return;
  if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
  h1.focus();
}
