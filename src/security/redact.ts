// Removes credentials from text before anyone sees it: error bodies, pasted logs, evidence.

const MASK = '***'

// What separates the pieces of a token that a terminal, a log viewer or a JSON log (`\n`) wrapped over lines.
const WRAP = String.raw`(?:\s|\\+[nrt])+`
// A later piece of a wrapped token: a whole run of base64url (and '.') long enough not to be a word of prose.
const WRAPPED_PIECE = String.raw`[A-Za-z0-9_.-]{16,}(?![A-Za-z0-9_.-])`

// Each pattern keeps its prefix (group 1) so the reader still sees what kind of value was there.
const SECRET_PATTERNS: RegExp[] = [
  // JWTs anywhere (access tokens, GitHub OIDC tokens, client assertions), whole or wrapped over lines: any
  // `eyJ` run (a base64url JSON object) and the base64url runs that follow it; not prose's "a JWT (eyJ...)"
  new RegExp(String.raw`()\beyJ[A-Za-z0-9_-]+[A-Za-z0-9_.-]*(?:${WRAP}${WRAPPED_PIECE})*`, 'g'),
  // Authorization: Bearer <value> (long enough to be a credential, not prose such as "Bearer token")
  /(\bBearer\s+)(?!\*\*\*)[^\s"',;}]{16,}/gi,
  // form and query parameters that carry credentials
  /(\b(?:client_assertion|client_secret|assertion|access_token|id_token|refresh_token|api-key|api_key|subscription-key)=)[^&\s"']+/gi,
  // headers and JSON/dict fields: api-key: x, "api_key": "x", 'Ocp-Apim-Subscription-Key': 'x'
  // and names ending in one (AZURE_OPENAI_API_KEY=..., ACTIONS_ID_TOKEN_REQUEST_TOKEN=...);
  // not a workflow's `permissions: id-token: write`, which fixes quote
  /(\b[\w-]*?(?:api[-_]?key|ocp-apim-subscription-key|client[-_]?secret|client[-_]?assertion|access[-_]?token|id[-_]?token|request[-_]?token|password)["']?\s*[:=]\s*["']?)(?!\*\*\*)(?!(?:read|write|none)\b)[^\s"',;}]+/gi,
  // Entra ID client secrets: three characters, a digit, 'Q~', then the rest (abc8Q~...)
  /()(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{20,}/g,
  // OpenAI-style keys
  /()\bsk-[A-Za-z0-9_-]{16,}/g,
  // Azure AI services keys: 32 hex characters, or the 84-character form
  /()\b[0-9a-f]{32}\b/gi,
  /()\b[A-Za-z0-9]{84}\b/g
]

/** `text` with JWTs, keys, Bearer values, client assertions/secrets, api-key headers and `knownSecrets` → '***'. */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let redacted = text
  for (const secret of [...knownSecrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) {
    redacted = redacted.split(secret).join(MASK)
  }
  for (const pattern of SECRET_PATTERNS) {
    redacted = redacted.replace(pattern, (_match, prefix: string) => `${prefix}${MASK}`)
  }
  return redacted
}

/** A deep copy of `value` (evidence, a whole run) with every string passed through `redactSecrets`. */
export function redactDeep<T>(value: T, knownSecrets: readonly string[] = []): T {
  return redactValue(value, knownSecrets) as T
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets)
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, secrets)]))
  }
  return value
}
