// Removes credentials from text before anyone sees it: error bodies, pasted logs, evidence. Every pass is linear in
// the text's length: no pattern can backtrack over a long run (hyphenated or base64url text, say), so a hostile
// answer cannot stall the run's deadline here.

const MASK = '***'

// What separates the pieces of a token that a terminal, a log viewer or a JSON log (`\n`) wrapped over lines.
const WRAP = String.raw`(?:[ \t\r\n]+|\\[nrt])+`
// A later piece of a wrapped token: a whole run of base64url (and '.') long enough not to be a word of prose.
const WRAPPED_PIECE = String.raw`[A-Za-z0-9_.-]{16,}(?![A-Za-z0-9_.-])`
// A JWT's dot, as written or URL-encoded.
const DOT = String.raw`(?:\.|%2[Ee])`

// Each pattern keeps its prefix (group 1) so the reader still sees what kind of value was there. Every pattern
// starts at a position its first token fixes (a literal, or a lookbehind that admits only the start of a run).
const SECRET_PATTERNS: RegExp[] = [
  // JWTs anywhere (access tokens, GitHub OIDC tokens, client assertions), whole or wrapped over lines, dots
  // URL-encoded or not: an `eyJ` run (a base64url JSON object) and the runs that follow it; not prose's "(eyJ...)"
  new RegExp(
    String.raw`()(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]+(?:${DOT}[A-Za-z0-9_-]*)*(?:${WRAP}${WRAPPED_PIECE})*`,
    'g'
  ),
  // Authorization: Bearer <value>, also URL-encoded (Bearer%20...), long enough to be a credential, not prose
  /(\bBearer(?:[ \t]+|%20|\+))(?!\*\*\*)[^\s"',;}&]{16,}/gi,
  // form and query parameters that carry credentials (a SAS signature, a connection string's key)
  /(\b(?:client_assertion|client_secret|assertion|access_token|id_token|refresh_token|api-key|api_key|subscription-key|sig|AccountKey|SharedAccessKey|SharedAccessSignature|password)=)(?!\*\*\*)[^&\s"';]+/gi,
  // headers and JSON/dict fields: api-key: x, "api_key": "x", 'Ocp-Apim-Subscription-Key': 'x'
  // and names ending in one (AZURE_OPENAI_API_KEY=..., ACTIONS_ID_TOKEN_REQUEST_TOKEN=...);
  // not a workflow's `permissions: id-token: write`, which fixes quote
  /(?<![\w-])([\w-]*?(?:api[-_]?key|ocp-apim-subscription-key|client[-_]?secret|client[-_]?assertion|access[-_]?token|id[-_]?token|request[-_]?token|github[-_]?token|password)["']?\s*[:=]\s*["']?)(?!\*\*\*)(?!(?:read|write|none)\b)[^\s"',;}]+/gi,
  // GitHub tokens: personal (ghp_), OAuth (gho_), user-to-server (ghu_), server-to-server (ghs_), refresh (ghr_)
  /()(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
  // Entra ID client secrets: three characters, a digit, 'Q~', then the rest (abc8Q~...)
  /()(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{20,}/g,
  // OpenAI-style keys
  /()(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{16,}/g,
  // Azure AI services keys: 32 hex characters, or the 84-character form
  /()(?<![A-Za-z0-9_])[0-9a-f]{32}(?![A-Za-z0-9_])/gi,
  /()(?<![A-Za-z0-9_])[A-Za-z0-9]{84}(?![A-Za-z0-9_])/g
]

/** A run at least this long that is part of a known secret is masked: half a key, a JWT's signature alone. */
export const MIN_FRAGMENT_CHARS = 12
const MIN_SECRET_CHARS = 4

/**
 * The forms a secret is quoted in: as is, URL-encoded (dots too), base64, base64url, JSON-escaped, and a JWT's
 * segments one by one. A service or a log shipper that re-encodes a credential still cannot show it.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret])
  const urlEncoded = encodeURIComponent(secret)
  forms.add(urlEncoded)
  forms.add(urlEncoded.replace(/\./g, '%2E'))
  forms.add(secret.replace(/\./g, '%2E'))
  forms.add(JSON.stringify(secret).slice(1, -1))
  const bytes = Buffer.from(secret, 'utf8')
  forms.add(bytes.toString('base64'))
  forms.add(bytes.toString('base64url'))
  const segments = secret.split('.')
  if (segments.length === 3) for (const segment of segments) forms.add(segment)
  return [...forms].filter((form) => form.length >= MIN_SECRET_CHARS)
}

/** Masks known secrets in every form, whole or in part, and then every credential shape the patterns know. */
export class Redactor {
  private readonly forms: string[]
  /** Every MIN_FRAGMENT_CHARS-long piece of every form: a text holding one holds part of a secret. */
  private readonly pieces = new Set<string>()

  constructor(knownSecrets: readonly string[] = []) {
    const forms = knownSecrets.filter((s) => s.length >= MIN_SECRET_CHARS).flatMap(secretForms)
    this.forms = [...new Set(forms)].sort((a, b) => b.length - a.length)
    for (const form of this.forms) {
      for (let at = 0; at + MIN_FRAGMENT_CHARS <= form.length; at++)
        this.pieces.add(form.slice(at, at + MIN_FRAGMENT_CHARS))
    }
  }

  redact(text: string): string {
    let redacted = text
    for (const form of this.forms) {
      if (redacted.includes(form)) redacted = redacted.split(form).join(MASK)
    }
    if (this.pieces.size > 0) redacted = this.maskFragments(redacted)
    for (const pattern of SECRET_PATTERNS) {
      redacted = redacted.replace(pattern, (_match, prefix: string) => `${prefix}${MASK}`)
    }
    return redacted
  }

  /** Every stretch of `text` covered by pieces of known secrets (half a key, a JWT's signature alone) → '***'. */
  private maskFragments(text: string): string {
    let masked = ''
    let copiedTo = 0
    let coveredTo = -1
    let start = -1
    for (let at = 0; at + MIN_FRAGMENT_CHARS <= text.length; at++) {
      if (!this.pieces.has(text.slice(at, at + MIN_FRAGMENT_CHARS))) continue
      if (at > coveredTo) {
        if (start >= 0) {
          masked += text.slice(copiedTo, start) + MASK
          copiedTo = coveredTo
        }
        start = at
      }
      coveredTo = at + MIN_FRAGMENT_CHARS
    }
    if (start < 0) return text
    return masked + text.slice(copiedTo, start) + MASK + text.slice(coveredTo)
  }
}

const redactors = new Map<string, Redactor>()

/** One redactor per set of secrets: its pieces are worked out once per run, not once per string. */
function redactorFor(knownSecrets: readonly string[]): Redactor {
  const key = knownSecrets.join('\u0000')
  let redactor = redactors.get(key)
  if (!redactor) {
    if (redactors.size > 16) redactors.clear()
    redactor = new Redactor(knownSecrets)
    redactors.set(key, redactor)
  }
  return redactor
}

/**
 * `text` with JWTs, keys, Bearer values, client assertions/secrets, GitHub tokens, SAS signatures, api-key headers
 * and `knownSecrets` (in any common encoding, whole or in fragments) → '***'.
 */
export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  return redactorFor(knownSecrets).redact(text)
}

/** A deep copy of `value` (evidence, a whole run) with every string passed through `redactSecrets`. */
export function redactDeep<T>(value: T, knownSecrets: readonly string[] = []): T {
  return redactValue(value, redactorFor(knownSecrets)) as T
}

function redactValue(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.redact(value)
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redactor))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, redactor)]))
  }
  return value
}
