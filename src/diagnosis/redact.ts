// Removes credentials from text before anyone sees it: error bodies, pasted logs, evidence.

const MASK = '***'

// Each pattern keeps its prefix (group 1) so the reader still sees what kind of value was there.
const SECRET_PATTERNS: RegExp[] = [
  // JWTs anywhere (access tokens, GitHub OIDC tokens, client assertions)
  /()\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  // Authorization: Bearer <value> (long enough to be a credential, not prose such as "Bearer token")
  /(\bBearer\s+)(?!\*\*\*)[^\s"',;}]{16,}/gi,
  // form and query parameters that carry credentials
  /(\b(?:client_assertion|client_secret|assertion|access_token|id_token|refresh_token|api-key|api_key|subscription-key)=)[^&\s"']+/gi,
  // headers and JSON/dict fields: api-key: x, "api_key": "x", 'Ocp-Apim-Subscription-Key': 'x'
  // and names ending in one (AZURE_OPENAI_API_KEY=..., ACTIONS_ID_TOKEN_REQUEST_TOKEN=...);
  // not a workflow's `permissions: id-token: write`, which fixes quote
  /(\b[\w-]*?(?:api[-_]?key|ocp-apim-subscription-key|client[-_]?secret|client[-_]?assertion|access[-_]?token|id[-_]?token|request[-_]?token|password)["']?\s*[:=]\s*["']?)(?!\*\*\*)(?!(?:read|write|none)\b)[^\s"',;}]+/gi,
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
