// The classifier: any error text (response body, SDK message, pasted log) → a cause id, ranked candidates and
// the evidence read. The rules live in one table (rules.ts); this module reads the facts and walks the table.
import type { Diagnosis, DiagnosisContext, ErrorObservation } from './types.js'
import { readEvidence } from './evidence.js'
import { redactSecrets } from '../security/redact.js'
import { RULES, type Candidate, type Facts, type Rule } from './rules.js'
import { normaliseText, unwrappedText } from './text.js'

const MAX_CANDIDATES = 5

function matches(rule: Rule, facts: Facts): boolean {
  if (rule.phase && !rule.phase.includes(facts.phase ?? 'unknown')) return false
  if (rule.status && (facts.status === undefined || !rule.status.includes(facts.status))) return false
  if (rule.aadsts && !rule.aadsts.some((code) => facts.aadstsCodes?.includes(code))) return false
  if (rule.code && !facts.errorCodes?.some((code) => rule.code?.test(code))) return false
  if (rule.text && !rule.text.test(facts.text) && !rule.text.test(facts.unwrapped)) return false
  if (rule.when && !rule.when(facts)) return false
  return Boolean(rule.text || rule.aadsts || rule.code || rule.status || rule.phase)
}

function isFallback(rule: Rule): boolean {
  return !rule.text && !rule.aadsts && !rule.code
}

function addUnique(list: Candidate[], candidate: Candidate): void {
  if (!list.some((c) => c.cause === candidate.cause)) list.push(candidate)
}

export function classify(observation: ErrorObservation, context: DiagnosisContext = {}): Diagnosis {
  const text = normaliseText(observation.text)
  const evidence = readEvidence(text, observation.headers)
  if (observation.status !== undefined) evidence.status = observation.status
  const facts: Facts = { ...evidence, text, unwrapped: unwrappedText(observation.text), phase: observation.phase }

  const matched = RULES.filter((rule) => matches(rule, facts))
  const [winner, ...others] = matched
  const report: Record<string, unknown> = { ...evidence }
  if (observation.phase) report.phase = observation.phase
  // An unknown answer shows what was seen instead (redacted)
  if (!winner || winner.cause === 'unknown') report.excerpt = redactSecrets(text).slice(0, 400)

  if (!winner) {
    return {
      cause: 'unknown',
      candidates: [{ cause: 'unknown', why: 'No known Azure OpenAI, Entra ID or GitHub OIDC error was recognised ' +
        'in the text; the status, the response body (error.code) or the AADSTS code would tell.' }],
      evidence: report
    }
  }

  const decided = winner.decide?.(facts, context)
  if (decided) {
    return { cause: decided.cause, candidates: [decided], evidence: report }
  }
  const candidates: Candidate[] = [{ cause: winner.cause, why: winner.why }]
  for (const alternative of winner.alternatives ?? []) addUnique(candidates, alternative)
  // A named cause is never followed by `unknown`: the connection-error row adds nothing after one.
  for (const other of others.filter((rule) => !isFallback(rule) && rule.cause !== 'unknown')) {
    addUnique(candidates, { cause: other.cause, why: other.why })
  }
  return { cause: candidates[0].cause, candidates: candidates.slice(0, MAX_CANDIDATES), evidence: report }
}
