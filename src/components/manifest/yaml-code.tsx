import { memo, useMemo } from 'react';
import { cx } from '../ui/cx';
import { tokenizeYaml, type YamlTokenKind } from './yaml-tokens';

/** Theme colours of each token kind (they follow light and dark mode): what the reader sees. */
export const TOKEN_CLASS: Record<YamlTokenKind, string> = {
  key: 'text-accent',
  string: 'text-ok',
  number: 'text-warn',
  keyword: 'text-violet-700 dark:text-violet-300',
  comment: 'text-fg-muted italic',
  punct: 'text-fg-muted',
  plain: '',
};

export interface YamlCodeProps {
  text: string;
  /** Accessible name of the scrollable code region. */
  label: string;
  /** Highlight as YAML; false shows plain text (e.g. a Markdown file). */
  highlight?: boolean;
  className?: string;
}

/** Read-only YAML with syntax colours, in a focusable scroll region so keyboards can scroll it. */
export const YamlCode = memo(function YamlCode({
  text,
  label,
  highlight = true,
  className,
}: YamlCodeProps) {
  const lines = useMemo(() => (highlight ? tokenizeYaml(text) : null), [text, highlight]);
  return (
    <pre
      // A focusable region: keyboard users scroll the code with the arrow keys.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label={label}
      className={cx(
        'max-h-[28rem] overflow-auto rounded-md border border-border bg-muted p-3 font-mono text-xs leading-5 focus-visible:outline-2 focus-visible:outline-focus',
        className,
      )}
    >
      <code>
        {lines
          ? lines.map((tokens, i) => (
              <span key={i} className="block min-h-5 whitespace-pre">
                {tokens.map((t, j) =>
                  t.kind === 'plain' ? (
                    t.text
                  ) : (
                    <span key={j} className={TOKEN_CLASS[t.kind]}>
                      {t.text}
                    </span>
                  ),
                )}
              </span>
            ))
          : text}
      </code>
    </pre>
  );
});
