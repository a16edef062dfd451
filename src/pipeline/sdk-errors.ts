// Reading what the SDKs throw (openai's APIError, @azure/identity's errors with what Entra or the transport said)
// as the diagnosis engine reads an error: a text, with the status, the service's error code, the parsed body and the
// headers as fields when a response came.
import type { ErrorObservation, ErrorPhase } from '../diagnosis/types.js'
import { redactDeep, redactSecrets } from '../security/redact.js'
import { capBody } from '../net/body.js'
import { headerRecord, retryAfterFromHeaders } from '../net/retry.js'
import { isOpenAIError } from './sdks.js'

/** What Entra last answered with an error, or why no answer came: MSAL keeps only `network_error` of the latter. */
export type EntraFailure =
  | { status: number; body: string; headers: Record<string, string>; truncated: boolean }
  | { networkError: Error }

const BODY_READ_FAILURE = /^(?:\d{3} )?(?:terminated|aborted|other side closed|socket hang up|premature close)\b/i

/**
 * Headers as the engine reads them: a Retry-After given as an HTTP date (a day ahead, say) becomes the seconds it
 * asks for, so a date and `86400` decide the same way.
 */
export function readableHeaders(headers: Record<string, string>): Record<string, string> {
  const retryAfter = headers['retry-after']
  if (!retryAfter || /^\s*\d+\s*$/.test(retryAfter)) return headers
  const ms = retryAfterFromHeaders({ 'retry-after': retryAfter })
  return ms === null ? headers : { ...headers, 'retry-after': String(Math.ceil(ms / 1000)) }
}

/** What an SDK error shows, as the diagnosis engine reads it: the body or message, status, code and headers. */
export function observationOf(
  error: unknown,
  phase: ErrorPhase | undefined,
  secrets: readonly string[]
): ErrorObservation & { truncated?: boolean } {
  if (isOpenAIError(error) && error.status !== undefined) {
    // The response body as the service sent it: openai keeps only its `error` member when there is one.
    const answer: unknown = error.error
    const body = isRecord(answer) && 'code' in answer ? { error: answer } : answer
    const reported: unknown = error.code
    const code = typeof reported === 'string' && reported ? reported : undefined
    const headers: unknown = error.headers
    // A body that is not JSON reaches only the message, after the status: a cut JSON body must still look cut.
    const message = error.message.replace(/^\d{3} (?=[[{])/, '')
    const raw = body === undefined ? message : typeof body === 'string' ? body : JSON.stringify(body)
    const { text, truncated } = capBody(raw)
    // The SDK puts the reading's own error where the body would be when the connection closed mid-body.
    const cut = body === undefined && BODY_READ_FAILURE.test(message)
    return {
      text: redactSecrets(text, secrets),
      status: Number(error.status),
      phase,
      headers: headers instanceof Headers ? readableHeaders(headerRecord(headers)) : undefined,
      truncated: truncated || cut,
      ...(code === undefined ? {} : { code }),
      ...(body === undefined || truncated ? {} : { body: redactDeep(body, secrets) })
    }
  }
  return { text: redactSecrets(capBody(messageChain(error)).text, secrets), phase }
}

/**
 * An identity error as the engine reads it: Entra's error answer when one came with a body; else the SDK's error,
 * with what the transport said after MSAL's "network_error", as in any error chain. (A proxy refusing the tunnel
 * looks like an empty 403 from Entra: then the SDK's message tells more.)
 */
export function readEntraError(
  error: unknown,
  failure: EntraFailure | undefined
): { answer: ErrorObservation & { truncated: boolean } } | { error: unknown } {
  if (failure && 'networkError' in failure) {
    const message = error instanceof Error ? error.message : String(error)
    return { error: new Error(message, { cause: failure.networkError }) }
  }
  if (!failure) return { error }
  const { status, headers, truncated } = failure
  // An empty answer is read by its status only when that decides (a redirect; a proxy's empty refusal); otherwise
  // the SDK's own error tells more.
  if (!failure.body.trim() && !(status >= 300 && status < 400) && status < 403) return { error }
  const body = parsedJson(failure.body)
  const code = isRecord(body) && typeof body.error === 'string' ? body.error : undefined
  return {
    answer: {
      text: failure.body,
      status,
      phase: 'entra-token',
      headers: readableHeaders(headers),
      truncated,
      ...(code === undefined ? {} : { code }),
      ...(body === undefined ? {} : { body })
    }
  }
}

/** A JSON answer parsed, or undefined when the text is not JSON. */
export function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** The transport error as the classifier reads it: its message and code, and those of its causes, redacted. */
export function transportError(error: unknown, secrets: readonly string[]): Error {
  if (!(error instanceof Error)) return new Error(redactSecrets(String(error), secrets))
  const code = (error as { code?: unknown }).code
  const copy = new Error(
    redactSecrets(error.message, secrets),
    error.cause === undefined ? {} : { cause: transportError(error.cause, secrets) }
  )
  return typeof code === 'string' ? Object.assign(copy, { code }) : copy
}

/** An error's message with the messages and codes of its causes ("Connection error. <- fetch failed <- ECONNRESET"). */
export function messageChain(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code
      const coded = typeof code === 'string' && !current.message.includes(code)
      parts.push(coded ? `${current.message} (${code})` : current.message)
      current = current.cause
    } else {
      parts.push(String(current))
      break
    }
  }
  return parts.join(' <- ')
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
