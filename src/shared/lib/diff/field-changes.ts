// Settings changed between two manifests, found by walking both documents generically (so a
// field added to the manifest later is reported without code here), each with a human label
// and its old and new value as text (provider, topology, backend, policy ... by their names).
import {
  COLD_BACKENDS,
  DNS_MODES,
  LUA_POLICIES,
  PLACEMENT_LABELS,
  PROVIDERS,
  REGISTRARS,
  TLS_ISSUERS,
  TOPOLOGIES,
  findSize,
  type ProviderId,
} from '../../constants/domain';

/** One changed value; `before`/`after` are undefined where the field is absent. */
export interface FieldChange {
  /** The manifest path, as validation names it: `spec.dns.luaPolicy`, `spec.storage.tiers[2].bucket`. */
  readonly path: string;
  readonly label: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly beforeText: string;
  readonly afterText: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalarArray = (v: unknown): v is unknown[] =>
  Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null);

/**
 * The paths where `before` and `after` differ: objects by key (an absent one as {}), object
 * arrays by index, anything else as a whole.
 */
export function walkChanges(
  before: unknown,
  after: unknown,
  path: string,
  skip: (path: string) => boolean = () => false,
): { path: string; before: unknown; after: unknown }[] {
  if (skip(path)) return [];
  const at = (key: string | number) =>
    typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
  const objectOrAbsent = (v: unknown) => isObject(v) || v === undefined;
  // An object that appears or goes is walked against {}, so each of its fields gets its label.
  if ((isObject(before) || isObject(after)) && objectOrAbsent(before) && objectOrAbsent(after)) {
    const a = (before ?? {}) as Record<string, unknown>;
    const b = (after ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => walkChanges(a[k], b[k], at(k), skip));
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    !(isScalarArray(before) && isScalarArray(after))
  ) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) =>
      walkChanges(before[i], after[i], at(i), skip),
    ).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

/** Labels by path pattern; `[]` stands for any index. */
const LABELS: Readonly<Record<string, string>> = {
  $schema: 'JSON Schema URL',
  apiVersion: 'API version',
  kind: 'Kind',
  'metadata.name': 'Sovereign name',
  'metadata.labels': 'Labels',
  'spec.organization.name': 'Organisation name',
  'spec.organization.email': 'Contact email',
  'spec.infrastructure.provider': 'Provider',
  'spec.infrastructure.topology': 'Topology',
  'spec.infrastructure.credentialsSecretRef.name': 'Provider credentials Secret',
  'spec.infrastructure.sshPublicKey': 'SSH public key',
  'spec.infrastructure.regions[].name': 'Region name',
  'spec.infrastructure.regions[].cloudRegion': 'Cloud region',
  'spec.infrastructure.regions[].buildingBlocks': 'Building blocks',
  'spec.infrastructure.regions[].controlPlane.size': 'Control-plane size',
  'spec.infrastructure.regions[].controlPlane.count': 'Control-plane nodes',
  'spec.infrastructure.regions[].workers.size': 'Worker size',
  'spec.infrastructure.regions[].workers.count': 'Workers',
  'spec.infrastructure.regions[].workers.volumeGb': 'Worker volume (GB)',
  'spec.storage.s3Endpoint': 'S3 endpoint',
  'spec.storage.seaweedfs.masterReplicas': 'SeaweedFS master replicas',
  'spec.storage.seaweedfs.volumeReplicas': 'SeaweedFS volume servers',
  'spec.storage.seaweedfs.volumeSizeGi': 'SeaweedFS volume size (GiB)',
  'spec.storage.seaweedfs.filerReplicas': 'SeaweedFS filer replicas',
  'spec.storage.seaweedfs.s3Replicas': 'SeaweedFS S3 gateways',
  'spec.storage.seaweedfs.enableNamePrefix': 'SeaweedFS bucket name prefix',
  'spec.storage.seaweedfs.placement': 'SeaweedFS placement',
  'spec.storage.tiers[0].maxAgeDays': 'Hot tier: days',
  'spec.storage.tiers[1].maxAgeDays': 'Warm tier: days',
  'spec.storage.tiers[2].backend': 'Cold tier backend',
  'spec.storage.tiers[2].bucket': 'Cold tier bucket',
  'spec.storage.tiers[2].accountId': 'Cold tier account ID',
  'spec.storage.tiers[2].region': 'Cold tier region',
  'spec.storage.tiers[2].credentialsSecretRef.name': 'Cold tier credentials Secret',
  'spec.dns.mode': 'DNS mode',
  'spec.dns.domain': 'Domain',
  'spec.dns.poolDomain': 'Pool domain',
  'spec.dns.subdomain': 'Subdomain',
  'spec.dns.registrar': 'Registrar',
  'spec.dns.registrarSecretRef.name': 'Registrar credentials Secret',
  'spec.dns.nameservers': 'Nameservers',
  'spec.dns.luaPolicy': 'PowerDNS lua-record policy',
  'spec.dns.dnssec.enabled': 'DNSSEC',
  'spec.dns.dnssec.algorithm': 'DNSSEC algorithm',
  'spec.dns.tls.issuer': 'TLS issuer',
  'spec.blueprints': 'Blueprint registry',
  'spec.blueprints.registry': 'Blueprint registry',
  'spec.blueprints.pullSecretRef.name': 'Blueprint pull Secret',
  'spec.installOrder': 'Install order',
  'spec.components': 'Component list',
};

const anyIndex = (path: string) => path.replace(/\[\d+\](?=\.)/g, '[]');

/** The label of a manifest path: from the table, else the path itself (`secrets.x.y`: `Secret x: y`). */
export function labelOf(path: string): string {
  const label = LABELS[path] ?? LABELS[anyIndex(path)];
  if (label) return label;
  const secret = /^secrets\.([^.]+)(?:\.(.+))?$/.exec(path);
  if (secret) return `Secret ${secret[1]}${secret[2] ? `: ${secret[2]}` : ''}`;
  const tag = /^metadata\.labels\.(.+)$/.exec(path);
  if (tag) return `Label ${tag[1]}`;
  return path;
}

const NAMED: readonly [RegExp, ReadonlyMap<unknown, string>][] = [
  [/^spec\.infrastructure\.provider$/, new Map(PROVIDERS.map((p) => [p.id, p.name]))],
  [/^spec\.infrastructure\.topology$/, new Map(TOPOLOGIES.map((t) => [t.id, t.name]))],
  [/^spec\.storage\.tiers\[2\]\.backend$/, new Map(COLD_BACKENDS.map((b) => [b.id, b.name]))],
  [/^spec\.storage\.seaweedfs\.placement$/, new Map(Object.entries(PLACEMENT_LABELS))],
  [/^spec\.dns\.mode$/, new Map(DNS_MODES.map((m) => [m.id, m.name]))],
  [/^spec\.dns\.luaPolicy$/, new Map(LUA_POLICIES.map((p) => [p.id, p.name]))],
  [/^spec\.dns\.registrar$/, new Map(REGISTRARS.map((r) => [r.id, r.name]))],
  [/^spec\.dns\.tls\.issuer$/, new Map(TLS_ISSUERS.map((t) => [t.id, t.name]))],
];

const shorten = (s: string) => (s.length > 64 ? `${s.slice(0, 32)}…${s.slice(-24)}` : s);

/** A value as the summary prints it; `provider` names machine sizes (`cpx42 (8 vCPU, 16 GiB)`). */
export function valueText(path: string, value: unknown, provider?: ProviderId): string {
  if (value === undefined || value === null) return '(none)';
  if (path === 'secrets' || path.startsWith('secrets.')) return '(secret)';
  const named = NAMED.find(([re]) => re.test(path))?.[1].get(value);
  if (named) return named;
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') {
    const size =
      /\.(controlPlane|workers)\.size$/.test(path) && provider && findSize(provider, value);
    return size ? `${value} (${size.vcpu} vCPU, ${size.ramGiB} GiB)` : shorten(value);
  }
  if (Array.isArray(value) && isScalarArray(value))
    return value.length ? value.map(String).join(', ') : '(none)';
  return shorten(JSON.stringify(value));
}

/** Each raw change as a labelled FieldChange, values named where the domain has names. */
export function fieldChanges(
  raw: readonly { path: string; before: unknown; after: unknown }[],
  providers: { before?: ProviderId; after?: ProviderId } = {},
): FieldChange[] {
  return raw.map((c) => ({
    path: c.path,
    label: labelOf(c.path),
    before: c.before,
    after: c.after,
    beforeText: valueText(c.path, c.before, providers.before),
    afterText: valueText(c.path, c.after, providers.after),
  }));
}
