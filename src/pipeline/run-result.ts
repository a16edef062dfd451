import type { CauseId } from '../causes/ids.js'
import type { CheckResult } from './check.js'

export type Outcome = 'pass' | 'warn' | 'fail'

/** Where a target's values came from: the workflow's inputs, or a file in the repository (later: many targets). */
export interface TargetSource {
  kind: 'inputs' | 'file'
  file?: string
  line?: number
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
}

export interface RunResult {
  outcome: Outcome
  targets: TargetResult[]
  /** ISO 8601. */
  startedAt: string
  ms: number
}
