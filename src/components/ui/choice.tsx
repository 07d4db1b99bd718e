import type { InputHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

const boxClass =
  'size-4 shrink-0 accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  description?: ReactNode;
}

/** A native checkbox with its label beside it. */
export function Checkbox({ label, description, className, id, ...props }: CheckboxProps) {
  return (
    <div className={cx('flex items-start gap-2', className)}>
      <input type="checkbox" id={id} className={cx(boxClass, 'mt-0.5')} {...props} />
      <label htmlFor={id} className="text-sm">
        <span className="font-medium">{label}</span>
        {description ? <span className="block text-xs text-fg-muted">{description}</span> : null}
      </label>
    </div>
  );
}

export interface RadioOption<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
}

export interface RadioCardsProps<V extends string> {
  name: string;
  legend: ReactNode;
  options: readonly RadioOption<V>[];
  value: V;
  onChange: (value: V) => void;
  /** The id of the first radio, so an error link can focus the group. */
  firstId?: string;
  columns?: string;
  className?: string;
}

/** A fieldset of native radios drawn as cards; arrow keys move between them as usual. */
export function RadioCards<V extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  firstId,
  columns = 'sm:grid-cols-2 lg:grid-cols-3',
  className,
}: RadioCardsProps<V>) {
  return (
    <fieldset className={cx('flex flex-col gap-2', className)}>
      <legend className="mb-2 text-base font-semibold">{legend}</legend>
      <div className={cx('grid gap-2', columns)}>
        {options.map((o, i) => {
          const id = i === 0 && firstId ? firstId : `${name}-${o.value}`;
          return (
            <label
              key={o.value}
              htmlFor={id}
              className="flex cursor-pointer items-start gap-2 rounded-lg border border-border bg-surface p-3 has-checked:border-accent has-checked:ring-1 has-checked:ring-accent has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus"
            >
              <input
                type="radio"
                id={id}
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
                className="mt-0.5 size-4 shrink-0 accent-accent focus-visible:outline-none"
              />
              <span className="text-sm">
                <span className="font-medium">{o.label}</span>
                {o.description ? (
                  <span className="block text-xs text-fg-muted">{o.description}</span>
                ) : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
