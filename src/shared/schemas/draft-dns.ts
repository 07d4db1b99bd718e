// The DNS step of the wizard draft: pool subdomain or own domain, failover policy, DNSSEC and the
// TLS issuer (zod/mini, like the other steps in draft.ts).
import * as z from 'zod/mini';
import {
  DNS_LABEL_PATTERN,
  DNS_MODE_IDS,
  LUA_POLICY_IDS,
  POOL_DOMAINS,
  REGISTRAR_IDS,
  TLS_ISSUER_IDS,
} from '../constants/domain';
import { domainProblem } from '../lib/domain-name';
import { enumOf } from './mini';

export const dnsSchema = z
  .object({
    mode: enumOf(DNS_MODE_IDS),
    poolDomain: enumOf(POOL_DOMAINS),
    subdomain: z.string(),
    domain: z.string(),
    registrar: enumOf(REGISTRAR_IDS),
    luaPolicy: enumOf(LUA_POLICY_IDS),
    dnssec: z.boolean(),
    tlsIssuer: enumOf(TLS_ISSUER_IDS),
    /** The Secret holding the corporate CA's tls.crt and tls.key (issuer corporate-ca only). */
    caSecretName: z.optional(z.string()),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.tlsIssuer === 'corporate-ca' && !DNS_LABEL_PATTERN.test(d.caSecretName ?? '')) {
        ctx.issues.push({
          code: 'custom',
          input: d.caSecretName,
          path: ['caSecretName'],
          message: d.caSecretName
            ? 'CA Secret: a Kubernetes name (lowercase letters, digits, hyphens)'
            : "CA Secret: name the Secret with your CA's certificate and key, or choose Let's Encrypt",
        });
      }
      if (d.mode === 'pool') {
        if (!d.subdomain) {
          ctx.issues.push({
            code: 'custom',
            input: d.subdomain,
            path: ['subdomain'],
            message: 'Subdomain is required',
          });
        } else if (!DNS_LABEL_PATTERN.test(d.subdomain)) {
          ctx.issues.push({
            code: 'custom',
            input: d.subdomain,
            path: ['subdomain'],
            message:
              'Subdomain: lowercase letters, digits and hyphens, at most 63, not starting or ending with a hyphen',
          });
        }
      } else if (!d.domain) {
        ctx.issues.push({
          code: 'custom',
          input: d.domain,
          path: ['domain'],
          message: 'Domain is required',
        });
      } else {
        const problem = domainProblem(d.domain);
        if (problem)
          ctx.issues.push({ code: 'custom', input: d.domain, path: ['domain'], message: problem });
      }
    }),
  );
export type DnsDraft = z.infer<typeof dnsSchema>;
