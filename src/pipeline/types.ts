// The engine's types: what a check yields, what a target and a run result hold, and the context the stages share.
import type { TokenCredential } from '@azure/identity'
import type { EndpointFacts } from '../azure/endpoint.js'
import type { Fix } from '../causes/fix.js'
import type { CauseId } from '../causes/ids.js'
import type { TargetConfig, TargetSource } from '../config/inputs.js'
import type { EventFacts } from '../github/event.js'
import type { GithubIdTokens } from '../github/id-token.js'
import type { ControlPlaneRead } from '../azure/arm-view.js'
import type { Deadline } from '../net/deadline.js'
import type { Transport } from '../net/transport.js'
import type { SecretRegistry } from '../security/secrets.js'
import type { EntraSession, EntraSessions } from './entra-session.js'

/** The stages of one target's run, in order (docs/architecture.md "The pipeline"). */
export type StageId = 'inputs' | 'endpoint' | 'github-oidc' | 'entra-token' | 'control-plane' | 'probe' | 'compare'

/** Every check a target can go through; `CHECKS` in pipeline.ts registers each with its stage and needs. */
export type CheckId =
  | 'inputs'
  | 'committed-keys'
  | 'endpoint-url'
  | 'endpoint-cloud'
  | 'host-policy'
  | 'endpoint-host'
  | 'github-oidc'
  | 'entra-token'
  | 'access-token'
  | 'control-plane'
  | 'probe'
  | 'compare'

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip'

/** What every check yields. `evidence` is already redacted: it is shown to people and written to reports. */
export interface CheckResult {
  id: CheckId
  stage: StageId
  title: string
  status: CheckStatus
  cause?: CauseId
  /** Ranked alternatives when the evidence cannot decide; the first is `cause`. */
  candidates?: { cause: CauseId; why: string }[]
  /** One or two sentences a person reads: what was checked and what was seen. */
  detail: string
  /** The fix with the user's values filled in, when the check failed or warned: prose and commands, as data. */
  fix?: Fix
  evidence: Record<string, unknown>
  ms: number
  /** The file and line of the value at fault, when the target came from a file (annotations go there). */
  location?: FindingLocation
}

export interface FindingLocation {
  file: string
  line: number
  column?: number
}

/** What a check's `run` decides; the runner adds id, stage, title and timing. */
export type CheckOutcome = Omit<CheckResult, 'id' | 'stage' | 'title' | 'ms'>

/** One check of one target: a small step of a stage, run after the checks it `needs` passed (or warned). */
export interface CheckStep<C> {
  id: CheckId
  stage: StageId
  title: string
  needs: readonly CheckId[]
  run(context: C): Promise<CheckOutcome>
}

/** Turns an error the step did not expect into its outcome (the diagnosis engine decides the cause). */
export type FailureExplainer<C> = (context: C, step: CheckStep<C>, error: unknown) => CheckOutcome

export type Outcome = 'pass' | 'warn' | 'fail'
/** A target's result; `skip` when only-changed left it out (the pull request did not change its lines). */
export type TargetOutcome = Outcome | 'skip'

export type { TargetSource } from '../config/inputs.js'

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
  deployments?: {
    name: string
    model: string
    version: string
    sku: string
    capacity?: number
    state: string
    versionUpgradeOption: string
  }[]
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
  outcome: TargetOutcome
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

/** What the data plane said to one credential. */
export interface ProbeResult {
  credential: 'entra-token' | 'api-key'
  /** The call succeeded. */
  ok: boolean
  /** The credential was accepted: the call succeeded, or was refused only for load or quota. */
  authenticated: boolean
  cause?: CauseId
  outcome: CheckOutcome
}

/** What every target of one run shares: the deadline, the event, the secrets, and the per-run caches. */
export interface RunContext {
  deadline: Deadline
  event: EventFacts
  secrets: SecretRegistry
  /** One GitHub OIDC token per audience for the whole run. */
  idTokens: GithubIdTokens
  /** One Entra credential (and so one token per scope) per authority, tenant, client and assertion audience. */
  entraSessions: EntraSessions
  /** The keep-alive connections Entra ID and the data plane are reached over. */
  transport: Transport
}



/** Everything one target's run has learned so far; each stage reads what earlier stages left here. */
export interface TargetContext extends RunContext {
  config: TargetConfig
  endpoint?: EndpointFacts
  /** The endpoint's host, once the host policy has allowed it to receive credentials. */
  trustedHost?: string
  /** Decoded claims of the GitHub OIDC token (never the token). */
  oidcClaims?: Record<string, unknown>
  credential?: TokenCredential
  /** The Entra session the credential belongs to: its exchanges (one per scope) are shared by the run's targets. */
  entraSession?: EntraSession
  /** Decoded claims of the Entra access token (never the token). */
  accessTokenClaims?: Record<string, unknown>
  accessTokenExpiresOn?: Date
  /** What the data plane said to the token and to the key, for the compare stage. */
  tokenProbe?: ProbeResult
  keyProbe?: ProbeResult
  /** The control plane's reads, started once the credential exists (concurrently with the data-plane token). */
  controlPlane?: Promise<ControlPlaneRead>
  /** The same, once the control-plane check has waited for it. */
  controlPlaneRead?: ControlPlaneRead
  /** The ARM id of the account behind the endpoint, once found: every fix that names the account uses it. */
  resourceId?: string
}

/** A fact an earlier check should have left in the context was not there: a wrong `needs` list, not a diagnosis. */
export class MissingFactError extends Error {
  constructor(what: string) {
    super(`${what} is not known yet: a check ran before the check that establishes it`)
    this.name = 'MissingFactError'
  }
}

/** The value a check relies on an earlier one to have established; fails with a named error if it did not. */
export function known<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new MissingFactError(what)
  return value
}
