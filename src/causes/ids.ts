/**
 * The cause vocabulary (DESIGN.md). A public contract: outputs, the JSON report and `explain` use these ids.
 * Add ids when reality needs them; never rename one.
 */
export const CAUSES_BY_PHASE = {
  inputs: [
    'invalid-input',
    'endpoint-malformed',
    'endpoint-cloud-mismatch',
    'regional-endpoint-no-subdomain',
    'untrusted-endpoint-host'
  ],
  'github-oidc': ['missing-id-token-permission', 'fork-pr-no-oidc', 'dependabot-no-oidc', 'oidc-request-failed'],
  'entra-token': [
    'fic-subject-mismatch',
    'fic-issuer-mismatch',
    'fic-audience-mismatch',
    'no-fic-configured',
    'app-not-found',
    'tenant-not-found',
    'assertion-expired',
    'resource-principal-not-found',
    'invalid-client-secret',
    'conditional-access-blocked'
  ],
  'data-plane': [
    'wrong-token-audience',
    'token-expired',
    'token-tenant-mismatch',
    'key-sent-as-bearer',
    'missing-data-plane-role',
    'wrong-endpoint-host',
    'invalid-api-key',
    'local-auth-disabled',
    'deployment-not-found',
    'wrong-api-version-or-path',
    'operation-not-supported',
    'unsupported-parameter',
    'network-blocked',
    'throttled',
    'quota-exhausted',
    'service-error'
  ],
  transport: ['dns-failure', 'tls-failure', 'proxy-failure', 'timeout'],
  'control-plane': [
    'arm-authorization-failed',
    'role-assignment-propagating',
    'arm-resource-not-found',
    'model-retiring'
  ],
  other: ['unknown']
} as const

export type CausePhase = keyof typeof CAUSES_BY_PHASE
export type CauseId = (typeof CAUSES_BY_PHASE)[CausePhase][number]

export const CAUSE_IDS: readonly CauseId[] = Object.values(CAUSES_BY_PHASE).flat()

/** The phase a cause belongs to. */
export function phaseOfCause(id: CauseId): CausePhase {
  const entry = Object.entries(CAUSES_BY_PHASE).find(([, ids]) => (ids as readonly string[]).includes(id))
  return (entry?.[0] ?? 'other') as CausePhase
}

export function isCauseId(value: string): value is CauseId {
  return (CAUSE_IDS as readonly string[]).includes(value)
}
