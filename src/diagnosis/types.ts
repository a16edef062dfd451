// What the classifier reads and answers: shared by the rules, the classifier and the pipeline.
import type { CauseId } from '../causes/ids.js'

export type ErrorPhase = 'github-oidc' | 'entra-token' | 'data-plane' | 'arm'

export interface ErrorObservation {
  /** The error as seen: a response body, an SDK message, a pasted log. */
  text: string
  /** HTTP status when known. */
  status?: number
  /** Where it came from, when known. */
  phase?: ErrorPhase
  /** Response headers when known (retry-after, x-ms-error-code, ...), lower-case names. */
  headers?: Record<string, string>
}

/** Facts a live run knows that decide ambiguous texts. */
export interface DiagnosisContext {
  event?: { name: string; isForkPullRequest: boolean; isDependabot: boolean }
  sentCredential?: 'entra-token' | 'api-key'
  /** Decoded claims of the bearer that was sent (aud, tid, exp, oid...). */
  accessTokenClaims?: Record<string, unknown>
  /** The audiences the endpoint takes, e.g. https://cognitiveservices.azure.com; without them any cloud's fits. */
  expectedAudiences?: readonly string[]
}

export interface Diagnosis {
  /** Best guess, or 'unknown'. */
  cause: CauseId
  /** Ranked, first is `cause`; more than one = ambiguous, and each `why` says what decides. */
  candidates: { cause: CauseId; why: string }[]
  /** What was read: status, AADSTS codes, error.code, subject, principal, data action, retryAfterSeconds, ids... */
  evidence: Record<string, unknown>
}
