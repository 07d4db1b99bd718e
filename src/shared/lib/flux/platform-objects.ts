// The non-Flux objects a cluster's `config/` folder holds: the namespaces Secrets land in, the
// ClusterSecretStore that reads OpenBao, one ExternalSecret per Secret a release references, and
// cert-manager's ClusterIssuer with the Gateway its HTTP-01 challenges are answered through.
import type { SecretNeed } from './release-context';
import type { K8sObject } from './objects';

const LABELS = { 'app.kubernetes.io/part-of': 'catalyst' };

/** The ClusterSecretStore every ExternalSecret of the tree reads from. */
export const SECRET_STORE = 'openbao';
/** The OpenBao KV v2 mount holding every value the tree's Secrets are made of. */
export const OPENBAO_KV_MOUNT = 'catalyst';
/** The OpenBao role external-secrets logs in with (Kubernetes auth). */
export const OPENBAO_ROLE = 'external-secrets';
/** external-secrets chart 0.10 serves external-secrets.io/v1beta1. */
const ESO_API = 'external-secrets.io/v1beta1';

export function namespace(name: string): K8sObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: LABELS } };
}

/**
 * OpenBao as a Vault provider, logged in with the external-secrets ServiceAccount through
 * Kubernetes auth (the bootstrap enables that auth method and the role; docs/gitops.md).
 */
export function clusterSecretStore(openbaoUrl: string, esoNamespace: string): K8sObject {
  return {
    apiVersion: ESO_API,
    kind: 'ClusterSecretStore',
    metadata: { name: SECRET_STORE, labels: LABELS },
    spec: {
      provider: {
        vault: {
          server: openbaoUrl,
          path: OPENBAO_KV_MOUNT,
          version: 'v2',
          auth: {
            kubernetes: {
              mountPath: 'kubernetes',
              role: OPENBAO_ROLE,
              serviceAccountRef: { name: 'external-secrets', namespace: esoNamespace },
            },
          },
        },
      },
    },
  };
}

/** A KV entry's path relative to the mount (`s3/loki`), whether or not it was written with it. */
export function kvPath(path: string): string {
  return path.startsWith(`${OPENBAO_KV_MOUNT}/`) ? path.slice(OPENBAO_KV_MOUNT.length + 1) : path;
}

/** The ExternalSecret that makes one Secret from its OpenBao entry. */
export function externalSecret(need: SecretNeed): K8sObject {
  return {
    apiVersion: ESO_API,
    kind: 'ExternalSecret',
    metadata: { name: need.name, namespace: need.namespace, labels: LABELS },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: SECRET_STORE },
      target: { name: need.name, creationPolicy: 'Owner' },
      data: Object.entries(need.keys)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([secretKey, property]) => ({
          secretKey,
          remoteRef: { key: kvPath(need.path), property },
        })),
    },
  };
}

/**
 * `seaweedfs.<ns>.svc`, the S3 endpoint name the design documents give, as an alias of the
 * Service the seaweedfs chart really creates for S3 (`seaweedfs-s3`).
 */
export function serviceAlias(name: string, ns: string, target: string, port: number): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns, labels: LABELS },
    spec: {
      type: 'ExternalName',
      externalName: `${target}.${ns}.svc.cluster.local`,
      ports: [{ name: 's3', port, protocol: 'TCP' }],
    },
  };
}

/** The Gateway (Envoy Gateway) that serves the Sovereign's names and ACME HTTP-01 challenges. */
export const GATEWAY = { className: 'catalyst', name: 'catalyst' } as const;

/** The GatewayClass of Envoy Gateway, set up by the EnvoyProxy of the same name. */
export function gatewayClass(proxyNamespace: string): K8sObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name: GATEWAY.className, labels: LABELS },
    spec: {
      controllerName: 'gateway.envoyproxy.io/gatewayclass-controller',
      parametersRef: {
        group: 'gateway.envoyproxy.io',
        kind: 'EnvoyProxy',
        name: GATEWAY.className,
        namespace: proxyNamespace,
      },
    },
  };
}

/**
 * The Envoy proxy Service as a NodePort on the port the cloud load balancer forwards HTTP to
 * (the OpenTofu module's 80 -> INGRESS_NODE_PORTS.http); ports merge by `port` in the patch.
 */
export function envoyProxy(ns: string, httpNodePort: number): K8sObject {
  return {
    apiVersion: 'gateway.envoyproxy.io/v1alpha1',
    kind: 'EnvoyProxy',
    metadata: { name: GATEWAY.className, namespace: ns, labels: LABELS },
    spec: {
      provider: {
        type: 'Kubernetes',
        kubernetes: {
          envoyService: {
            type: 'NodePort',
            patch: {
              type: 'StrategicMerge',
              value: { spec: { ports: [{ port: 80, nodePort: httpNodePort }] } },
            },
          },
        },
      },
    },
  };
}

export function gateway(domain: string, ns: string): K8sObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: GATEWAY.name, namespace: ns, labels: LABELS },
    spec: {
      gatewayClassName: GATEWAY.className,
      listeners: [
        {
          name: 'http',
          protocol: 'HTTP',
          port: 80,
          hostname: `*.${domain}`,
          allowedRoutes: { namespaces: { from: 'All' } },
        },
      ],
    },
  };
}

export type IssuerSpec =
  { kind: 'acme'; email: string; gatewayNamespace: string } | { kind: 'ca'; secretName: string };

/** The one ClusterIssuer certificates of the Sovereign name. */
export function clusterIssuer(name: string, issuer: IssuerSpec): K8sObject {
  const spec =
    issuer.kind === 'acme'
      ? {
          acme: {
            email: issuer.email,
            server: 'https://acme-v02.api.letsencrypt.org/directory',
            privateKeySecretRef: { name: `${name}-account-key` },
            solvers: [
              {
                http01: {
                  gatewayHTTPRoute: {
                    parentRefs: [
                      { name: GATEWAY.name, namespace: issuer.gatewayNamespace, kind: 'Gateway' },
                    ],
                  },
                },
              },
            ],
          },
        }
      : { ca: { secretName: issuer.secretName } };
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name, labels: LABELS },
    spec,
  };
}
