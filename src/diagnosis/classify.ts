// The classifier: any error text (response body, SDK message, pasted log) → a cause id, ranked candidates, the
// phase the text belongs to and the evidence read. The rules live in rules/ (their order in rules/index.ts); this
// module reads the facts and walks them.
import { phaseOfCause, type CauseId, type CausePhase } from '../causes/ids.js'
import { redactSecrets } from '../security/redact.js'
import { readEvidence } from './evidence.js'
import { RULE_GROUPS, type Facts, type Rule } from './rules/index.js'
import { anyPhrase } from './rules/phrases.js'
import { normaliseText, unwrappedText } from './text.js'
import type { Candidate, Diagnosis, DiagnosisContext, ErrorObservation, ErrorPhase } from './types.js'

const MAX_CANDIDATES = 5

const PHASE_OF_ERROR_PHASE: Record<ErrorPhase, CausePhase> = {
  'github-oidc': 'github-oidc',
  'entra-token': 'entra-token',
  'data-plane': 'data-plane',
  arm: 'control-plane'
}

/** Where a text comes from when no rule names its cause: the hosts and names each step's errors carry. */
const PHASE_HINTS: readonly (readonly [CausePhase, RegExp])[] = [
  [
    'github-oidc',
    anyPhrase(/ACTIONS_ID_TOKEN_REQUEST/, /token\.actions\.githubusercontent\.com/, /\bid-token\b/, /getIDToken/)
  ],
  [
    'entra-token',
    anyPhrase(
      /\bAADSTS\d+/,
      /login\.microsoftonline\.(?:com|us)/,
      /login\.chinacloudapi\.cn/,
      /\/oauth2\/v2\.0\/token/,
      /ClientAssertionCredential/,
      /WorkloadIdentityCredential/,
      /\bMSAL\b/,
      /\bmsal[\w.-]*/,
      // Azure/login's own wrapper sentences
      /Azure\/login/,
      /\baz login\b/,
      /Double check if the 'auth-type' is correct/
    )
  ],
  [
    'control-plane',
    anyPhrase(
      /management\.(?:azure\.com|usgovcloudapi\.net|chinacloudapi\.cn)/,
      /\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\//,
      /InvalidTemplateDeployment/,
      /DeploymentFailed/,
      /\bazurerm_/,
      /Microsoft\.Resources\//,
      /\baz (?:deployment|role|group|account)\b/,
      /\bazd (?:up|provision)\b/,
      // ARM's own sentences: tenant and audience refusals name the subscription or its audiences
      /associated with this subscription/,
      /allowed audiences '?https:\/\/management\./
    )
  ],
  [
    'data-plane',
    anyPhrase(
      /\.openai\.azure\.(?:com|us)/,
      /\.cognitiveservices\.azure\.(?:com|us)/,
      /\.services\.ai\.azure\.com/,
      /\/openai\/(?:deployments|v1)\//,
      /api-version=/,
      /\bAzureOpenAI\b/,
      /\bAzureChatOpenAI\b/
    )
  ]
]

/** Token and credential causes are shared by the data plane and Resource Manager: an ARM text keeps ARM's phase. */
function phaseOfNamedCause(cause: CauseId, facts: Facts): CausePhase {
  const phase = phaseOfCause(cause)
  if (phase !== 'data-plane' && phase !== 'entra-token') return phase
  return inferredPhase(facts) === 'control-plane' ? 'control-plane' : phase
}

function inferredPhase(facts: Facts): CausePhase | undefined {
  if (facts.phase) return PHASE_OF_ERROR_PHASE[facts.phase]
  return PHASE_HINTS.find(([, hint]) => hint.test(facts.text))?.[0]
}

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

interface Match {
  rule: Rule
  /** The phase of the rule's group: where a text that matches it comes from. */
  phase: CausePhase
}

export function classify(observation: ErrorObservation, context: DiagnosisContext = {}): Diagnosis {
  const text = normaliseText(observation.text)
  const evidence = readEvidence(text, observation.headers)
  if (observation.status !== undefined) evidence.status = observation.status
  const facts: Facts = { ...evidence, text, unwrapped: unwrappedText(observation.text), phase: observation.phase }

  const matched: Match[] = RULE_GROUPS.flatMap(({ phase, rules }) =>
    rules.filter((rule) => matches(rule, facts)).map((rule) => ({ rule, phase }))
  )
  const winner = matched.at(0)?.rule
  const others = matched.slice(1).map((match) => match.rule)
  const report: Record<string, unknown> = { ...evidence }
  // An unknown answer shows what was seen instead (redacted)
  if (!winner || winner.cause === 'unknown') report.excerpt = redactSecrets(text).slice(0, 400)

  if (!winner) {
    const phase = inferredPhase(facts)
    if (phase) report.phase = phase
    return {
      cause: 'unknown',
      candidates: [
        {
          cause: 'unknown',
          why:
            'No known Azure OpenAI, Entra ID, Resource Manager or GitHub OIDC error ' +
            'was recognised in the text; the status, the response body (error.code) or the AADSTS code would tell.'
        }
      ],
      phase,
      evidence: report
    }
  }

  const given = facts.phase ? PHASE_OF_ERROR_PHASE[facts.phase] : undefined
  const phaseOf = (cause: CauseId): CausePhase => {
    const phase = given ?? (cause === 'unknown' ? matched[0].phase : phaseOfNamedCause(cause, facts))
    report.phase = phase
    return phase
  }
  const decided = winner.decide?.(facts, context)
  if (decided) {
    return { cause: decided.cause, candidates: [decided], phase: phaseOf(decided.cause), evidence: report }
  }
  const candidates: Candidate[] = [{ cause: winner.cause, why: winner.why }]
  for (const alternative of winner.alternatives ?? []) addUnique(candidates, alternative)
  // A named cause is never followed by `unknown`: the connection-error row adds nothing after one.
  for (const other of others.filter((rule) => !isFallback(rule) && rule.cause !== 'unknown')) {
    addUnique(candidates, { cause: other.cause, why: other.why })
  }
  return {
    cause: candidates[0].cause,
    candidates: candidates.slice(0, MAX_CANDIDATES),
    phase: phaseOf(candidates[0].cause),
    evidence: report
  }
}
