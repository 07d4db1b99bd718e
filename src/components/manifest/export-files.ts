// Names and commands around an exported manifest: file names and the curl that POSTs the file.
import { API_PATHS } from '../../shared/constants/api-paths';

/** A file-name-safe form of the Sovereign name ('sovereign' when empty). */
export function fileBase(name: string): string {
  const safe = name
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '');
  return safe || 'sovereign';
}

/**
 * The exported manifest's file name: `<name>.sovereign.yaml` or `.json`; with secret values in it,
 * `<name>.sovereign.with-secrets.yaml`, so it is never mistaken for (or overwrites) the plain one.
 */
export function manifestFileName(
  name: string,
  format: 'yaml' | 'json',
  withSecrets = false,
): string {
  return `${fileBase(name)}.sovereign.${withSecrets ? 'with-secrets.' : ''}${format}`;
}

/** The GitOps tree archive's file name: `<name>-gitops.zip`. */
export function gitopsZipName(name: string): string {
  return `${fileBase(name)}-gitops.zip`;
}

/**
 * A curl command that POSTs the exported YAML file to the bootstrap API. It refers to the file
 * by name, so no secret value is ever part of the command line.
 */
export function curlCommand(origin: string, fileName: string, idempotencyKey: string): string {
  return [
    `curl -X POST ${origin.replace(/\/+$/, '')}${API_PATHS.deployments}`,
    `  -H 'Content-Type: application/yaml'`,
    `  -H 'Idempotency-Key: ${idempotencyKey}'`,
    `  --data-binary @${fileName}`,
  ].join(' \\\n');
}
