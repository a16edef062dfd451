// One verdict on an access token's claims, for the live run's check before anything is sent and for the
// diagnosis of a 401 (the run's own token, or one pasted with the error).
import { isDataPlaneAudience } from '../azure/clouds.js'

export interface AccessTokenVerdict {
  cause: 'wrong-token-audience' | 'token-expired'
  detail: string
}

export interface AccessTokenExpectation {
  /**
   * The audiences the endpoint takes. Without them any cloud's Azure OpenAI audience fits; `'any'` when the
   * endpoint's own policy decides (a gateway).
   */
  expectedAudiences?: readonly string[] | 'any'
  /** Who takes them, for the detail: a host; else "the endpoint". */
  taker?: string
  /** Milliseconds since the epoch. */
  now: number
  /** The expiry the token service reported, for claims without `exp` (milliseconds since the epoch). */
  expiresOn?: number
}

/** The audience as compared: trailing slashes do not count (v1 tokens carry `https://.../`). */
export function normalisedAudience(audience: unknown): string | undefined {
  return typeof audience === 'string' ? audience.replace(/\/+$/, '') : undefined
}

/** Audience first: a pasted token has often expired by the time it is pasted, whatever the error was. */
export function judgeAccessToken(
  claims: Record<string, unknown>,
  { expectedAudiences, taker, now, expiresOn }: AccessTokenExpectation
): AccessTokenVerdict | undefined {
  const audience = normalisedAudience(claims.aud)
  if (expectedAudiences !== 'any') {
    const accepted = expectedAudiences?.map((expected) => normalisedAudience(expected))
    const fits = audience !== undefined && (accepted ? accepted.includes(audience) : isDataPlaneAudience(audience))
    if (!fits) {
      const takes = accepted
        ? `${taker ?? 'the endpoint'} takes ${accepted.join(' or ')}`
        : 'Azure OpenAI takes https://cognitiveservices.azure.com or its cloud\'s audience'
      return { cause: 'wrong-token-audience', detail: `The token's audience is ${audience ?? '(none)'}, but ${takes}.` }
    }
  }
  const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : expiresOn
  if (expiresAt !== undefined && expiresAt <= now) {
    return { cause: 'token-expired', detail: `The token expired at ${new Date(expiresAt).toISOString()}.` }
  }
  return undefined
}
