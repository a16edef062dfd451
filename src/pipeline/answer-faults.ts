// What a service's answer says before its text is classified: answers whose shape alone decides the cause (a
// redirect, which is never followed; an HTML page where an API answers JSON, which is a proxy's or firewall's; a body
// cut short, which decides nothing), read from the status, the headers and the body's form, never from its wording.
import type { CauseId } from '../causes/ids.js'
import type { ErrorObservation } from '../diagnosis/types.js'

export interface AnswerFault {
  cause: CauseId
  /** What was seen, for the check's detail. */
  detail: string
  evidence: Record<string, unknown>
}

const HTML = /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i

/** The host a redirect pointed to (never its path or query, which may carry anything). */
export function redirectTarget(location: string | undefined): string {
  if (!location) return 'no Location'
  try {
    return new URL(location).host || 'a relative location'
  } catch {
    return 'an unreadable location'
  }
}

export function isHtmlAnswer(observation: ErrorObservation): boolean {
  const type = observation.headers?.['content-type'] ?? ''
  return /text\/html/i.test(type) || HTML.test(observation.text)
}

/** A JSON answer that does not parse (or whose reading stopped at the cap or a cut connection). */
export function isCutAnswer(observation: ErrorObservation & { truncated?: boolean }): boolean {
  if (observation.truncated) return true
  const text = observation.text.trim()
  if (!/^[[{]/.test(text)) return false
  try {
    JSON.parse(text)
    return false
  } catch {
    return true
  }
}

/**
 * The cause an answer's shape decides, for a phase, or undefined when its text must be classified. `who` names the
 * service for the detail ("Entra ID", "the data plane").
 */
export function answerFault(
  observation: ErrorObservation & { truncated?: boolean },
  who: string
): AnswerFault | undefined {
  const { status, phase } = observation
  if (status === undefined) return undefined
  const evidence = { status, ...(phase ? { phase } : {}) }
  if (status >= 300 && status < 400) {
    const target = redirectTarget(observation.headers?.location)
    const notFollowed = 'not followed: no request carrying a credential follows a redirect'
    if (phase === 'data-plane') {
      return {
        cause: 'wrong-endpoint-host',
        detail:
          `${who} answered ${status}, a redirect to ${target} (${notFollowed}); the Azure OpenAI data plane ` +
          'does not redirect, so the endpoint is not the resource itself (a gateway, an old or moved host)',
        evidence: { ...evidence, redirectedTo: target }
      }
    }
    return {
      cause: phase === 'github-oidc' ? 'oidc-request-failed' : 'proxy-failure',
      detail:
        `${who} answered ${status}, a redirect to ${target} (${notFollowed}); ${who} does not redirect these ` +
        'requests, so something on the path (a proxy, a captive portal) answered instead',
      evidence: { ...evidence, redirectedTo: target }
    }
  }
  if (status >= 400 && phase !== 'data-plane' && !observation.text.trim()) {
    return {
      cause: 'proxy-failure',
      detail:
        `${who} answered ${status} with no body at all, where it always explains an error in JSON: a proxy ` +
        'refused the connection (an empty 403, 503 or 407 is how proxies refuse a CONNECT)',
      evidence: { ...evidence, emptyBody: true }
    }
  }
  if (status >= 400 && phase !== 'data-plane' && isHtmlAnswer(observation)) {
    return {
      cause: 'proxy-failure',
      detail:
        `${who} answered ${status} with an HTML page, where it answers JSON: a proxy's or firewall's page ` +
        'stood in for the service',
      evidence: { ...evidence, html: true }
    }
  }
  if (status >= 400 && status !== 429 && status < 500 && isCutAnswer(observation)) {
    return {
      cause: 'unknown',
      detail:
        `${who} answered ${status}, but the body was cut short (${observation.text.length} characters, ` +
        'not a whole JSON document): a cut answer decides nothing; run again, and check the proxy if it repeats',
      evidence: { ...evidence, truncated: true }
    }
  }
  return undefined
}
