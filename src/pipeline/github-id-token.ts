import * as core from '@actions/core'
import { decodeJwtClaims } from '../diagnosis/jwt.js'
import type { SecretRegistry } from './secrets.js'

/**
 * A GitHub OIDC token is reused while it has at least this long to live: MSAL asks for an assertion on every token
 * request, and a token close to expiry would be refused by Entra (AADSTS700024).
 */
const MIN_REMAINING_MS = 60_000

const tokensByAudience = new Map<string, { token: string; expiresAt: number }>()

/** The job's GitHub OIDC token for an audience: one request per audience while the token stays fresh. */
export async function githubIdToken(audience: string, secrets: SecretRegistry): Promise<string> {
  const cached = tokensByAudience.get(audience)
  if (cached && cached.expiresAt - Date.now() > MIN_REMAINING_MS) return cached.token
  const token = await core.getIDToken(audience)
  secrets.add(token)
  const exp = decodeJwtClaims(token)?.exp
  tokensByAudience.set(audience, { token, expiresAt: typeof exp === 'number' ? exp * 1000 : 0 })
  return token
}
