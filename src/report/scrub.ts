import { redactSecrets } from '../diagnosis/redact.js'

/**
 * A deep copy of `value` with every string passed through `redactSecrets`. The pipeline already redacts
 * what it records; the report does it once more before anything leaves the process, so a token that slipped
 * into a detail, a fix or a claim still never reaches a log, an output, the summary or the report file.
 */
export function scrub<T>(value: T): T {
  return scrubValue(value) as T
}

function scrubValue(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value)
  if (Array.isArray(value)) return value.map(scrubValue)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrubValue(inner)]))
  }
  return value
}
