import { fieldId, type FieldError } from '../../shared/lib/draft-defaults';

/** The list of the step's problems, each a link that focuses its field. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  const count = errors.length === 1 ? 'one problem' : `${errors.length} problems`;
  return (
    // A labelled region, not an alert: Next moves focus to the first invalid field, whose error
    // is read with it; an alert would re-announce the whole list on every keystroke.
    <section
      aria-labelledby="error-summary-title"
      className="rounded-lg border-2 border-danger bg-surface p-4"
    >
      <h2 id="error-summary-title" className="font-semibold text-danger">
        This step has {count}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {errors.map((e) => (
          <li key={`${e.path}:${e.message}`}>
            <a
              href={`#${fieldId(e.path)}`}
              className="text-danger underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
              onClick={(ev) => {
                const target = document.getElementById(fieldId(e.path));
                if (!target) return;
                ev.preventDefault();
                target.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
