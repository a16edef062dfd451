import { decodeJwtClaims } from '../security/jwt.js'
import type { SecretRegistry } from '../security/secrets.js'

/**
 * A GitHub OIDC token is reused while it has at least this long to live: MSAL asks for an assertion on every token
 * request, and a token close to expiry would be refused by Entra (AADSTS700024).
 */
const MIN_REMAINING_MS = 60_000

/** Asks GitHub for a new ID token for an audience (net/github-oidc.ts makes the request). */
export type IdTokenRequest = (audience: string) => Promise<string>

/** The job's GitHub OIDC tokens, one per audience, for one run: one request per audience while a token stays fresh. */
export class GithubIdTokens {
  private readonly byAudience = new Map<string, { token: string; expiresAt: number }>()
  private readonly secrets: SecretRegistry
  private readonly request: IdTokenRequest

  constructor(secrets: SecretRegistry, request: IdTokenRequest) {
    this.secrets = secrets
    this.request = request
  }

  async get(audience: string): Promise<string> {
    const cached = this.byAudience.get(audience)
    if (cached && cached.expiresAt - Date.now() > MIN_REMAINING_MS) return cached.token
    const token = await this.request(audience)
    this.secrets.add(token)
    const exp = decodeJwtClaims(token)?.exp
    this.byAudience.set(audience, { token, expiresAt: typeof exp === 'number' ? exp * 1000 : 0 })
    return token
  }
}
