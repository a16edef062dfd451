// Reads JWT claims locally, without verification: the point is to show what a token says, never to trust it.

const JWT_PATTERN = /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g

/** The decoded payload of a compact JWS, or undefined when `token` is not one. No signature check. */
export function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.trim().split('.')
  if (parts.length !== 3) return undefined
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'))
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
    if (!isObject(header) || !isObject(payload)) return undefined
    return payload
  } catch {
    return undefined
  }
}

/** Every JWT-shaped string in `text` (header and payload both base64url JSON objects). */
export function findJwts(text: string): string[] {
  return [...text.matchAll(JWT_PATTERN)].map((match) => match[0]).filter((jwt) => decodeJwtClaims(jwt) !== undefined)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
