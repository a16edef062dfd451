import { dataPlaneRoleFor, type FixValues } from '../causes/catalogue.js'
import type { CauseId } from '../causes/ids.js'
import { explain, fixFor } from '../diagnosis/explain.js'
import type { DiagnosisContext, ErrorObservation, ErrorPhase } from '../diagnosis/types.js'
import { redactDeep, redactSecrets } from '../security/redact.js'
import { DeadlineExceededError } from '../net/deadline.js'
import type { CheckOutcome } from './types.js'
import { answerFault } from './answer-faults.js'
import { isRecord, messageChain, observationOf, parsedJson } from './sdk-errors.js'
import { displayEndpoint, type EndpointFacts } from '../azure/endpoint.js'
import type { TargetContext } from './types.js'

const MAX_ERROR_CHARS = 2000
const MAX_DETAIL_CHARS = 300

/**
 * The user's own values for the catalogue's fixes that the run knows; the evidence adds the rest (explain.ts). The
 * host is the one the failing call went to: the stage names it when it is not the endpoint's (Entra ID's).
 */
function knownFixValues(context: TargetContext, host?: unknown): FixValues {
  const { config, endpoint, oidcClaims, accessTokenClaims, event } = context
  const values: FixValues = {
    endpoint: displayEndpoint(config.endpoint),
    suggestedEndpoint: endpoint?.suggestedEndpoint,
    deployment: config.deployment,
    apiVersion: config.apiVersion,
    clientId: config.clientId,
    tenantId: config.tenantId,
    principalId: text(accessTokenClaims?.oid),
    subject: text(oidcClaims?.sub),
    issuer: text(oidcClaims?.iss),
    audience: config.oidcAudience,
    cloud: config.cloud.name,
    scope: endpoint && recommendedScope(endpoint),
    tokenAudience: text(accessTokenClaims?.aud),
    allowedHosts: config.allowedHosts,
    host: text(host) ?? endpoint?.host,
    eventName: event.name || undefined,
    role: endpoint?.kind === 'foundry-project' ? dataPlaneRoleFor({ foundryProject: true }) : undefined
  }
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

/** The scope a fix should name: the one used, unless the endpoint does not take its audience. */
function recommendedScope(endpoint: EndpointFacts): string {
  const used = endpoint.scope.replace(/\/\.default$/, '')
  const accepted = endpoint.expectedAudiences
  return !accepted || accepted.includes(used) ? endpoint.scope : `${accepted[0]}/.default`
}

/** An outcome for a cause the pipeline established itself (a static check, a claim comparison). */
export function causeOutcome(
  context: TargetContext,
  cause: CauseId,
  status: 'fail' | 'warn',
  detail: string,
  evidence: Record<string, unknown> = {}
): CheckOutcome {
  return {
    status,
    cause,
    detail,
    fix: fixFor(cause, knownFixValues(context, evidence.host), evidence),
    evidence: redactDeep(evidence, context.secrets.all())
  }
}

export interface FailureOptions {
  /** Who answered, for the detail line: a request (`POST https://...`), `Entra ID`, `core.getIDToken`. */
  source: string
  phase?: ErrorPhase
  sentCredential?: DiagnosisContext['sentCredential']
  status?: 'fail' | 'warn'
  /** Evidence the caller adds (attempts, the request that was made...). */
  evidence?: Record<string, unknown>
}

/** Explains an error through the diagnosis engine: one cause (or ranked candidates) and its fix. */
export function explainError(context: TargetContext, error: unknown, options: FailureOptions): CheckOutcome {
  if (error instanceof DeadlineExceededError || context.deadline.expired()) {
    const detail = `${options.source} did not finish within the overall deadline of ${context.deadline.seconds} s (timeout-seconds).`
    return causeOutcome(context, 'timeout', 'fail', detail, {
      ...options.evidence,
      deadlineSeconds: context.deadline.seconds,
      error: redactSecrets(messageChain(error), context.secrets.all())
    })
  }
  const observation = observationOf(error, options.phase, context.secrets.all())
  return explainObservation(context, observation, options)
}

export function explainObservation(
  context: TargetContext,
  observation: ErrorObservation & { truncated?: boolean },
  options: FailureOptions
): CheckOutcome {
  // An answer whose shape decides (a redirect, an HTML page, an empty or cut body) is named before any wording is read.
  const fault = answerFault(observation, options.source)
  if (fault) {
    return causeOutcome(context, fault.cause, options.status ?? 'fail', `${fault.detail}.`, {
      ...options.evidence,
      ...fault.evidence
    })
  }
  // The stage knows which host its call went to; a host in the text may be a proxy's.
  const known = knownFixValues(context, options.evidence?.host)
  const { diagnosis, fix } = explain(observation, diagnosisContext(context, options.sentCredential), known)
  const evidence = {
    ...diagnosis.evidence,
    ...options.evidence,
    ...(observation.status === undefined ? {} : { status: observation.status }),
    error: observation.text.slice(0, MAX_ERROR_CHARS)
  }
  return {
    status: options.status ?? 'fail',
    cause: diagnosis.cause,
    ...(diagnosis.candidates.length > 1 ? { candidates: diagnosis.candidates } : {}),
    detail: `${options.source}: ${seenIn(observation)}`,
    fix,
    evidence: redactDeep(evidence, context.secrets.all())
  }
}

function diagnosisContext(
  context: TargetContext,
  sentCredential?: DiagnosisContext['sentCredential']
): DiagnosisContext {
  const { name, isForkPullRequest, isDependabot } = context.event
  return {
    event: { name, isForkPullRequest, isDependabot },
    sentCredential,
    accessTokenClaims: sentCredential === 'entra-token' ? context.accessTokenClaims : undefined,
    expectedAudiences: context.endpoint?.expectedAudiences
  }
}

/** The message a person reads in what was seen: the body's description or message, else the text on one line. */
function seenIn(observation: ErrorObservation): string {
  const line =
    bodyMessage(observation.body ?? parsedJson(observation.text)) ?? observation.text.replace(/\s+/g, ' ').trim()
  const shown = line.length > MAX_DETAIL_CHARS ? `${line.slice(0, MAX_DETAIL_CHARS)}…` : line
  return observation.status === undefined ? shown : `${observation.status} ${shown}`
}

function bodyMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined
  const error = isRecord(body.error) ? body.error : undefined
  const message = body.error_description ?? error?.message ?? body.message
  return typeof message === 'string' ? message : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}
