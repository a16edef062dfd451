import type { Deadline } from './deadline.js'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** Delay before the first retry when the server names none; doubles after each retry. */
  baseDelayMs: number
  /** The longest single wait; when Retry-After asks for more, the call is not retried. */
  maxDelayMs: number
}

export const DATA_PLANE_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 10_000 }

export interface Attempted<T> {
  value?: T
  error?: unknown
  attempts: number
  /** The waits between attempts, in ms. */
  waitsMs: number[]
}

/**
 * Runs `attempt` until it succeeds, `retryAfterMs(error)` says the error is not retryable (undefined; null means
 * retryable after the policy's backoff), the attempts are used up, or the next wait is too long or would pass
 * the deadline. Never throws: the last error is returned.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  retryAfterMs: (error: unknown) => number | null | undefined,
  deadline: Deadline,
  policy: RetryPolicy = DATA_PLANE_RETRY
): Promise<Attempted<T>> {
  const waitsMs: number[] = []
  for (let attempts = 1; ; attempts++) {
    try {
      return { value: await attempt(), attempts, waitsMs }
    } catch (error) {
      const asked = retryAfterMs(error)
      if (asked === undefined || attempts >= policy.maxAttempts) return { error, attempts, waitsMs }
      // A server asking for a longer wait than we would ever spend (a spent quota) is answered at once.
      const wait = asked ?? Math.min(policy.baseDelayMs * 2 ** (attempts - 1), policy.maxDelayMs)
      if (wait > policy.maxDelayMs || wait >= deadline.remainingMs()) return { error, attempts, waitsMs }
      waitsMs.push(wait)
      await deadline.sleep(wait, 'waiting to retry')
    }
  }
}

/** Reads `retry-after-ms` / `x-ms-retry-after-ms` / `retry-after` (seconds or an HTTP date) into ms. */
export function retryAfterFromHeaders(headers: Record<string, string>): number | null {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(headers[name])
    if (headers[name] && Number.isFinite(ms) && ms >= 0) return ms
  }
  const value = headers['retry-after']
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now())
}

/** Response headers as a plain record with lower-case names. */
export function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {}
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value
  })
  return record
}
