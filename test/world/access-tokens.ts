// How Azure resource providers check an Entra access token: signature against Entra's keys, exp/nbf, audience, and
// an issuer that matches the token's tenant. The tenant check against the resource is left to the caller.
import { decodeJwt, jwtVerify } from 'jose'
import { signingKey } from './keys.ts'

export interface AccessTokenClaims {
  oid: string
  tid: string
  aud: string
  appid?: string
  /** Seconds since the epoch. */
  iat: number
}

export function looksLikeJwt(value: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(value)
}

/** The claims of a token Entra really issued for one of `audiences`, or undefined. */
export async function verifyAccessToken(token: string, audiences: string[]): Promise<AccessTokenClaims | undefined> {
  if (!looksLikeJwt(token)) return undefined
  try {
    const { publicKey } = await signingKey('entra')
    const { payload } = await jwtVerify(token, publicKey, { algorithms: ['RS256'], audience: audiences })
    const tid = String(payload.tid ?? '')
    const issuers = [`https://sts.windows.net/${tid}/`, `https://login.microsoftonline.com/${tid}/v2.0`]
    if (!issuers.includes(String(payload.iss))) return undefined
    return { oid: String(payload.oid ?? ''), tid, aud: String(payload.aud),
      appid: payload.appid as string | undefined, iat: Number(payload.iat ?? 0) }
  } catch {
    return undefined
  }
}

export function unverifiedClaims(token: string): Record<string, unknown> | undefined {
  try {
    return decodeJwt(token)
  } catch {
    return undefined
  }
}
