// The request for the job's GitHub OIDC token, made the way @actions/core's getIDToken makes it
// (ACTIONS_ID_TOKEN_REQUEST_URL with the runtime bearer and `&audience=`), but over the action's one HTTP stack:
// through the run's transport (transport.ts: one reading of the proxy variables), with a body cap, a bounded number of retries under the run's deadline, and never
// following a redirect (a 3xx would take the runtime bearer to wherever it points).
import { readCappedBody } from './body.js'
import type { Deadline } from './deadline.js'
import type { Dispatcher } from 'undici'
import { headerRecord, retryAfterFromHeaders, withRetries, type RetryPolicy } from './retry.js'

/** GitHub's token endpoint answering 5xx or 429: two more tries, then the cause is named (not the deadline). */
const OIDC_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 5_000 }

/** GitHub's token endpoint answered, but not with a token (an error status, a redirect, or a body without one). */
export class OidcAnswerError extends Error {
  readonly status: number
  readonly body: string
  readonly headers: Record<string, string>
  /** Where a 3xx pointed (not followed). */
  readonly location?: string
  readonly truncated: boolean
  constructor(status: number, body: string, headers: Record<string, string>, truncated: boolean, message: string) {
    super(message)
    this.name = 'OidcAnswerError'
    this.status = status
    this.body = body
    this.headers = headers
    this.location = headers.location
    this.truncated = truncated
  }
}

/** Asks GitHub for an ID token for `audience`, retrying a 5xx or 429 a bounded number of times within the deadline. */
export async function requestGithubIdToken(
  audience: string,
  deadline: Deadline,
  dispatcher: Dispatcher
): Promise<string> {
  const attempted = await withRetries(
    () => requestIdToken(audience, deadline, dispatcher),
    retryable,
    deadline,
    OIDC_RETRY
  )
  if (attempted.value === undefined) throw attempted.error
  return attempted.value
}

function retryable(error: unknown): number | null | undefined {
  if (!(error instanceof OidcAnswerError)) return undefined
  if (error.status !== 429 && error.status < 500) return undefined
  return retryAfterFromHeaders(error.headers)
}

async function requestIdToken(audience: string, deadline: Deadline, dispatcher: Dispatcher): Promise<string> {
  // The same texts as @actions/core, which the diagnosis (and the corpus of real logs) knows.
  const runtimeToken = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN']
  const requestUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL']
  if (!runtimeToken) throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable')
  if (!requestUrl) throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable')
  const url = `${requestUrl}&audience=${encodeURIComponent(audience)}`
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${runtimeToken}`,
      accept: 'application/json',
      'user-agent': 'actions/oidc-client'
    },
    redirect: 'manual',
    signal: deadline.signal,
    // @ts-expect-error undici's dispatcher option, which Node's fetch takes but the DOM types do not declare
    dispatcher
  })
  const { text, truncated } = await readCappedBody(response)
  const headers = headerRecord(response.headers)
  if (response.status >= 300 && response.status < 400) {
    throw new OidcAnswerError(
      response.status,
      text,
      headers,
      truncated,
      `Failed to get ID Token: GitHub's token endpoint answered ${response.status} (a redirect, not followed)`
    )
  }
  if (!response.ok) {
    throw new OidcAnswerError(
      response.status,
      text,
      headers,
      truncated,
      `Failed to get ID Token. Error Code : ${response.status}`
    )
  }
  const value = tokenOf(text)
  if (!value) {
    throw new OidcAnswerError(
      response.status,
      text,
      headers,
      truncated,
      'Response json body do not have ID Token field'
    )
  }
  return value
}

function tokenOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text)
    const value = typeof body === 'object' && body !== null ? (body as { value?: unknown }).value : undefined
    return typeof value === 'string' && value ? value : undefined
  } catch {
    return undefined
  }
}
