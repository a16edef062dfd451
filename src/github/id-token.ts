import { decodeJwtClaims } from '../security/jwt.js'
import type { SecretRegistry } from '../security/secrets.js'

/**
 * A GitHub OIDC token is reused while it has at least this long to live: MSAL asks for an assertion on every token
 * request, and a token close to expiry would be refused by Entra (AADSTS700024).
 */
const MIN_REMAINING_MS = 60_000

/** Asks GitHub for a new ID token for an audience (net/github-oidc.ts makes the request). */
export type IdTokenRequest = (audience: string) => Promise<string>

/**
 * The job's GitHub OIDC tokens, one per audience, for one run: one request per audience while a token stays fresh,
 * however many targets ask at once (they share the request in flight, and its failure).
 */
export class GithubIdTokens {
  private readonly byAudience = new Map<string, Promise<{ token: string; expiresAt: number }>>()
  private readonly secrets: SecretRegistry
  private readonly request: IdTokenRequest

  constructor(secrets: SecretRegistry, request: IdTokenRequest) {
    this.secrets = secrets
    this.request = request
  }

  async get(audience: string): Promise<string> {
    const entry = this.byAudience.get(audience)
    if (entry) {
      // A failure is shared too: every target is told the same, from one request.
      const held = await entry.catch(() => undefined)
      if (!held || held.expiresAt - Date.now() > MIN_REMAINING_MS) return (await entry).token
      if (this.byAudience.get(audience) === entry) this.byAudience.delete(audience)
      const renewed = this.byAudience.get(audience)
      if (renewed) return (await renewed).token
    }
    const request = this.fetch(audience)
    this.byAudience.set(audience, request)
    return (await request).token
  }

  private async fetch(audience: string): Promise<{ token: string; expiresAt: number }> {
    const token = await this.request(audience)
    this.secrets.add(token)
    const exp = decodeJwtClaims(token)?.exp
    return { token, expiresAt: typeof exp === 'number' ? exp * 1000 : 0 }
  }
}
