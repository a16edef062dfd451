import type { CauseId } from '../causes/ids.js'

/** The stages of one target's run, in order (DESIGN.md "The pipeline"). */
export type StageId = 'inputs' | 'endpoint' | 'github-oidc' | 'entra-token' | 'control-plane' | 'probe' | 'compare'

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip'

/** What every check yields. `evidence` is already redacted: it is shown to people and written to reports. */
export interface CheckResult {
  id: string
  stage: StageId
  title: string
  status: CheckStatus
  cause?: CauseId
  /** Ranked alternatives when the evidence cannot decide; the first is `cause`. */
  candidates?: { cause: CauseId; why: string }[]
  /** One or two sentences a person reads: what was checked and what was seen. */
  detail: string
  /** The fix with the user's values filled in, when the check failed or warned. */
  fix?: string
  evidence: Record<string, unknown>
  ms: number
}
