// "How to apply": with no executor (status ready-to-apply) the steps to apply the OpenTofu module
// by hand, from the clone URL the API serves to what cloud-init and Flux do afterwards. A provider
// without a module gets the plan-only sentence instead.
import { tofuCreatesRecords } from '../../shared/lib/tofu/dns-records';
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod';
import { apiJson } from '../../shared/api/client';
import { deploymentPath } from '../../shared/api/deployments';
import { DNS_MODE_IDS, PROVIDER_IDS } from '../../shared/constants/domain';
import {
  AFTER_APPLY,
  applyCommands,
  planOnlySentence,
  repositoryEndpoint,
  secretVariables,
} from '../../shared/lib/tofu/apply-steps';
import { Card } from '../ui/card';

const repositorySchema = z.object({ url: z.string(), username: z.nullable(z.string()) });
const manifestSchema = z.object({
  metadata: z.object({ name: z.string() }),
  spec: z.object({
    infrastructure: z.object({ provider: z.enum(PROVIDER_IDS) }),
    dns: z.object({ mode: z.enum(DNS_MODE_IDS) }),
  }),
});

/** The How-to-apply section of a deployment that nothing applies. */
export function HowToApply({ id }: { id: string }) {
  const manifest = useQuery({
    queryKey: ['deployments', id, 'manifest-provider'],
    queryFn: ({ signal }) =>
      apiJson(deploymentPath(id, 'manifest'), manifestSchema, {
        signal,
        headers: { Accept: 'application/json' },
      }),
    staleTime: Infinity,
  });
  const repository = useQuery({
    queryKey: ['deployments', id, 'repository-url'],
    queryFn: ({ signal }) =>
      apiJson(deploymentPath(id, 'repository'), repositorySchema, { signal }),
    staleTime: Infinity,
  });
  const m = manifest.data;
  if (!m) return null;
  const provider = m.spec.infrastructure.provider;
  const commands = applyCommands({
    sovereign: m.metadata.name,
    provider,
    cloneUrl: repository.data?.url,
    deploymentId: id,
    dnsRecords: tofuCreatesRecords(m),
  });
  return (
    <Card role="region" aria-label="How to apply" className="space-y-3 text-sm">
      <h2 className="text-base font-semibold">How to apply</h2>
      {commands ? (
        <>
          <p>
            No executor is configured, so nothing has been created yet. Apply the OpenTofu module of
            the repository yourself (OpenTofu and git needed). The clone URL and read token come
            from <code>{repositoryEndpoint(id)}</code>
            {repository.data ? (
              <>
                {' '}
                (<code>{repository.data.url}</code>)
              </>
            ) : null}
            .
          </p>
          <pre
            aria-label="Commands"
            className="rounded-md bg-muted p-3 font-mono text-xs whitespace-pre-wrap wrap-anywhere"
          >
            {commands.join('\n')}
          </pre>
          <ul className="list-disc space-y-1 pl-5">
            {secretVariables(provider, tofuCreatesRecords(m)).map((v) => (
              <li key={v.env}>
                <code>{v.env}</code>: {v.from}
              </li>
            ))}
          </ul>
          <p>After that, {AFTER_APPLY}</p>
        </>
      ) : (
        <p>{planOnlySentence(provider)}</p>
      )}
    </Card>
  );
}
