// What the classifier reads and answers: shared by the rules, the classifier and the pipeline.
import type { CauseId, CausePhase } from '../causes/ids.js'

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
  /** The service's error code when the SDK kept it as a field (openai's `APIError.code`, Entra's `error`). */
  code?: string
  /** The parsed response body when one came, as the service sent it (redacted). */
  body?: unknown
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

/** One possible cause, with what was seen or what decides. */
export interface Candidate {
  cause: CauseId
  why: string
}

export interface Diagnosis {
  /** Best guess, or 'unknown'. */
  cause: CauseId
  /** Ranked, first is `cause`; more than one = ambiguous, and each `why` says what decides. */
  candidates: Candidate[]
  /**
   * The step the text belongs to, also when the cause stays unknown (also `evidence.phase`): the observation's
   * phase when given, else the named cause's, else what the text's hosts and names point to.
   */
  phase?: CausePhase
  /** What was read: status, AADSTS codes, error.code, subject, principal, data action, retryAfterSeconds, ids... */
  evidence: Record<string, unknown>
}
