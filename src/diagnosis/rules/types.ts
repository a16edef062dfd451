// The shapes of the rule table: rows, the facts they read, groups by phase. Below the classifier, which walks them.
import type { CauseId, CausePhase } from '../../causes/ids.js'
import type { Evidence } from '../evidence.js'
import type { Candidate, DiagnosisContext, ErrorPhase } from '../types.js'

export type { Candidate, DiagnosisContext, ErrorPhase } from '../types.js'

export interface Facts extends Evidence {
  /** The normalised text (one line, escapes undone, log prefixes removed). */
  text: string
  /** The lines joined without spaces, for words a terminal broke. */
  unwrapped: string
  phase?: ErrorPhase
}

export interface Rule {
  cause: CauseId
  /** What was seen, in words a person reads. */
  why: string
  text?: RegExp
  aadsts?: string[]
  code?: RegExp
  status?: number[]
  phase?: (ErrorPhase | 'unknown')[]
  /** A further condition on the facts: the context the text must (or must not) show. */
  when?: (facts: Facts) => boolean
  /** Other causes the same evidence fits, each saying what decides. */
  alternatives?: Candidate[]
  /** Decides between the cause and its alternatives from facts the text or the live run holds. */
  decide?: (facts: Facts, context: DiagnosisContext) => Candidate | undefined
}

/** The rules of one phase: where a text that matches them came from, even when its cause stays open. */
export interface RuleGroup {
  phase: CausePhase
  rules: readonly Rule[]
}
