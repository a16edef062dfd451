// Reading what the SDKs throw (openai's APIError, @azure/identity's errors with what Entra or the transport said)
// as the diagnosis engine reads an error: a text, with the status, the service's error code, the parsed body and the
// headers as fields when a response came.
import type { ErrorObservation, ErrorPhase } from '../diagnosis/types.js'
import { redactDeep, redactSecrets } from '../security/redact.js'
import { headerRecord } from '../net/retry.js'
import { isOpenAIError } from './sdks.js'

/** What Entra last answered with an error, or why no answer came: MSAL keeps only `network_error` of the latter. */
export type EntraFailure = { status: number; body: string } | { networkError: Error }

/** What an SDK error shows, as the diagnosis engine reads it: the body or message, status, code and headers. */
export function observationOf(
  error: unknown,
  phase: ErrorPhase | undefined,
  secrets: readonly string[]
): ErrorObservation {
  if (isOpenAIError(error) && error.status !== undefined) {
    // The response body as the service sent it: openai keeps only its `error` member when there is one.
    const answer: unknown = error.error
    const body = isRecord(answer) && 'code' in answer ? { error: answer } : answer
    const reported: unknown = error.code
    const code = typeof reported === 'string' && reported ? reported : undefined
    const headers = error.headers
    return {
      text: redactSecrets(body === undefined ? error.message : JSON.stringify(body), secrets),
      status: error.status,
      phase,
      headers: headers && headerRecord(headers),
      ...(code === undefined ? {} : { code }),
      ...(body === undefined ? {} : { body: redactDeep(body, secrets) })
    }
  }
  return { text: redactSecrets(messageChain(error), secrets), phase }
}

/**
 * An identity error as the engine reads it: Entra's error answer when one came with a body; else the SDK's error,
 * with what the transport said after MSAL's "network_error", as in any error chain. (A proxy refusing the tunnel
 * looks like an empty 403 from Entra: then the SDK's message tells more.)
 */
export function readEntraError(
  error: unknown,
  failure: EntraFailure | undefined
): { answer: ErrorObservation } | { error: unknown } {
  if (failure && 'networkError' in failure) {
    const message = error instanceof Error ? error.message : String(error)
    return { error: new Error(message, { cause: failure.networkError }) }
  }
  if (!failure?.body.trim()) return { error }
  const body = parsedJson(failure.body)
  const code = isRecord(body) && typeof body.error === 'string' ? body.error : undefined
  return {
    answer: {
      text: failure.body,
      status: failure.status,
      phase: 'entra-token',
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
