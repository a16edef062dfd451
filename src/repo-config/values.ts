// How one value read from a file becomes safe to use and to show: positions, control characters, references to
// variables instead of values, committed API keys, and endpoints written the way an SDK takes them.
import type { LocatedValue, SourcePosition } from './types.js'

/** Maps offsets of `text` to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    for (let offset = 0; offset < text.length; offset++) {
      if (text.charCodeAt(offset) === 10) this.starts.push(offset + 1)
    }
  }

  get lineCount(): number {
    return this.starts.length
  }

  positionAt(offset: number): SourcePosition {
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.starts[middle] <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 }
  }
}

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional overrides that make
// text read differently from what it is: none may reach a log line, annotation or comment.
const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu

/** `text` with every control character written as an escape (`\n`, `\u001b`), so it stays on one line. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (character) => {
    if (character === '\n') return '\\n'
    if (character === '\r') return '\\r'
    if (character === '\t') return '\\t'
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}

export function hasControls(text: string): boolean {
  return new RegExp(CONTROL.source, 'u').test(text)
}

/** A value as read: trimmed; one holding a control character keeps an escaped form and says why it is unusable. */
export function locatedValue(raw: string, key: string, position: SourcePosition): LocatedValue {
  const trimmed = raw.trim()
  const value: LocatedValue = {
    value: escapeControls(trimmed),
    key: escapeControls(key),
    line: position.line,
    column: position.column
  }
  if (hasControls(trimmed)) {
    value.problem = /[\r\n\u2028\u2029]/.test(trimmed)
      ? 'holds a line break; a setting is one line of text'
      : 'holds a control character; a setting is plain text'
  }
  return value
}

// A value that names a variable instead of being one: LiteLLM's os.environ/NAME, ${NAME}, $NAME, {{ template }},
// and template placeholders such as <your-endpoint> or {tenant_id}.
const REFERENCE = /^(?:os\.environ\/\S+|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{[\s\S]*\}\}|<[^<>]*>|\{[^{}]*\})$/

export function isReference(value: string): boolean {
  return REFERENCE.test(value.trim())
}

// Names under which a credential is kept: AZURE_OPENAI_API_KEY, api_key, ApiKey, Key (in a connection string).
const KEY_LIKE_NAME = /key|secret|password|credential/i
// Azure AI services keys: 32 hex characters, or the newer 84-character form.
const API_KEY_VALUE = /^(?:[0-9a-f]{32}|[A-Za-z0-9]{84})$/i

/** A committed API key: a key-shaped value under a key-like name. Never echo the value. */
export function isCommittedApiKey(name: string, value: string): boolean {
  return KEY_LIKE_NAME.test(name) && API_KEY_VALUE.test(value.trim())
}

export function apiKeyMessage(name: string, value: string): string {
  const shape = value.trim().length === 32 ? '32 hexadecimal characters' : '84 characters'
  return (
    `${escapeControls(name)} commits an API key (${shape}, not shown). Anyone who can read the repository can ` +
    'use it: rotate the key (az cognitiveservices account keys regenerate), remove it from the file, and let the ' +
    'workflow sign in with Entra ID instead'
  )
}

/** What an endpoint written with an SDK's path implies. */
export interface ReadEndpoint {
  /** The base URL the action checks. */
  endpoint: string
  deployment?: string
  apiVersion?: 'v1'
  /** Said to the user, when the path was read. */
  note?: string
}

// SDKs take the base URL with /openai, /openai/v1/ (the v1 API) or /openai/deployments/<d>/ (Semantic Kernel's
// AZURE_OPENAI_BASE_URL); the action checks the base URL and reads the rest as the API version or deployment.
const SDK_PATH = /^(.*?)\/openai(?:\/(v1)|\/deployments\/([^/]+))?\/?$/

export function readSdkEndpoint(endpoint: string, key: string): ReadEndpoint {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return { endpoint }
  }
  const match = url.search || url.hash ? null : SDK_PATH.exec(url.pathname)
  if (!match) return { endpoint }
  const base = `${url.protocol}//${url.host}${match[1]}/`
  const [, , v1, deployment] = match
  const said = `${escapeControls(key)} ends in ${escapeControls(url.pathname)}: read as the base URL ${escapeControls(base)}`
  if (v1) return { endpoint: base, apiVersion: 'v1', note: `${said} with the v1 API (api-version v1)` }
  if (deployment) {
    const name = safeDecode(deployment)
    return { endpoint: base, deployment: name, note: `${said} with deployment ${escapeControls(name)}` }
  }
  return { endpoint: base, note: said }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
