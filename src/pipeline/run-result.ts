import type { CauseId } from '../causes/ids.js'
import type { CheckResult } from './check.js'

export type Outcome = 'pass' | 'warn' | 'fail'

/** Where a target's values came from: the workflow's inputs, or a file in the repository (later: many targets). */
export interface TargetSource {
  kind: 'inputs' | 'file'
  file?: string
  line?: number
}

/** One role assignment that reaches the account (the `roles` output). */
export interface RoleHeld {
  role: string
  scope: string
  createdOn: string | null
}

/** What ARM showed of the account behind the endpoint (the JSON report's `controlPlane`). */
export interface ControlPlaneReport {
  /** found: the account; not-visible: no readable account has the subdomain; regional: accounts in the region. */
  state: 'found' | 'not-visible' | 'regional'
  account?: {
    id: string
    name: string
    kind: string
    location: string
    subdomain: string | null
    endpoint: string
    endpoints?: Record<string, string>
    publicNetworkAccess?: string
    networkAcls?: { defaultAction: string; bypass?: string; ipRules: string[]; virtualNetworkRules: number } | null
    privateEndpoints?: { name: string; status: string }[]
    disableLocalAuth?: boolean
    provisioningState?: string
  }
  /** The accounts the identity can read instead (not-visible, regional). */
  accounts?: { id: string; name: string; endpoint: string }[]
  /** Absent when they could not be read. */
  assignments?: RoleHeld[]
  effectiveDataActions?: { dataActions: string[]; notDataActions: string[] }
  deployments?: { name: string; model: string; version: string; sku: string; capacity?: number; state: string;
    versionUpgradeOption: string }[]
  /** Reads that were refused or failed: what is not known. */
  gaps?: { read: string; status?: number; code?: string; action?: string }[]
}

/** One endpoint + deployment + auth settings, walked through the stages. */
export interface TargetResult {
  label: string
  endpoint: string
  deployment?: string
  source: TargetSource
  checks: CheckResult[]
  outcome: Outcome
  /** The cause of the first failed check (or of the first warning when nothing failed); absent on pass. */
  cause?: CauseId
  /** Decoded claims, never the tokens themselves. */
  oidcClaims?: Record<string, unknown>
  accessTokenClaims?: Record<string, unknown>
  principalId?: string
  tenantId?: string
  tokenAudience?: string
  tokenIssuer?: string
  /** ISO 8601. */
  tokenExpiresOn?: string
  oidcSubject?: string
  /** The ARM id of the account behind the endpoint, when found. */
  resourceId?: string
  /** The role assignments that reach the account; absent when not readable. */
  roles?: RoleHeld[]
  /** What ARM showed; absent when the control plane was not read. */
  controlPlane?: ControlPlaneReport
  /** Why the control plane was not read (skipped, refused, off). */
  controlPlaneNote?: string
}

export interface RunResult {
  outcome: Outcome
  targets: TargetResult[]
  /** ISO 8601. */
  startedAt: string
  ms: number
}
