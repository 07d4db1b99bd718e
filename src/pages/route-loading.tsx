/**
 * What a route shows while its lazily loaded code arrives on the first page load (React Router's
 * HydrateFallback): a quiet status line, and no "No HydrateFallback element" console warning.
 */
export function RouteLoading() {
  return (
    <p role="status" className="px-4 py-6 text-sm text-fg-muted">
      Loading…
    </p>
  );
}
