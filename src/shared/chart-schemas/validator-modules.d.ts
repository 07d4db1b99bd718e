// `./<id>.json?validator`: a chart values schema compiled at build time (scripts/vite-chart-validators.ts).
declare module '*.json?validator' {
  import type { AjvLikeError } from '../lib/chart-values-check';
  const validate: ((data: unknown) => boolean) & { errors?: AjvLikeError[] | null };
  export default validate;
}
