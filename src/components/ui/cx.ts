import { clsx, type ClassValue } from 'clsx';

/**
 * Joins class names without resolving Tailwind conflicts. The primitives on the first page use
 * it instead of `cn`, keeping tailwind-merge (about 8 kB gzip) out of the first load; their
 * callers pass classes that add to the base ones rather than override them.
 */
export function cx(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
