// Reads the facts an error text carries: status, AADSTS codes, error codes, ids, the presented assertion values,
// the principal and data action of a PermissionDenied, retry hints, and the claims of any pasted JWT.
import { azureAiHostSource } from '../azure/clouds.js'
import { GUID_SOURCE } from '../azure/guid.js'
import { roleForArmAction } from './arm-roles.js'
import { decodeJwtClaims, findJwts } from '../security/jwt.js'

export interface Evidence {
  status?: number
  aadstsCodes?: string[]
  /** Service error codes (`error.code`, `x-ms-error-code`, `Status: 401 (Code)`), most specific first. */
  errorCodes?: string[]
  /** The reason phrase beside the status ("Status: 401 (PermissionDenied)"): the gateway's, not the error's code. */
  reasonPhrase?: string
  /** The OAuth `error` of an Entra response (invalid_client, invalid_request, ...). */
  oauthError?: string
  subject?: string
  /** The subject matches a federated credential only case-insensitively (AADSTS7002138). */
  subjectCaseOnly?: boolean
  issuer?: string
  audience?: string
  /** The audience the service said it expects ("audience is incorrect (https://...)"). */
  expectedAudience?: string
  clientId?: string
  tenant?: string
  resource?: string
  principalId?: string
  dataAction?: string
  /** The Resource Manager action a 403 AuthorizationFailed names, and the scope it names. */
  armAction?: string
  scope?: string
  /** The built-in role that allows `armAction`. */
  roleToGrant?: string
  operation?: string
  parameter?: string
  model?: string
  retryAfterSeconds?: number
  host?: string
  apiVersion?: string
  deployment?: string
  traceId?: string
  correlationId?: string
  requestId?: string
  timestamp?: string
  /** A Bearer value that is not a JWT was sent (an API key in the Authorization header). */
  bearerIsNotJwt?: boolean
  /** Claims of JWTs found in the text: decoded locally, the tokens themselves are never kept. */
  jwtClaims?: Record<string, unknown>[]
  /** Transport error code (ENOTFOUND, ECONNRESET, UNABLE_TO_VERIFY_LEAF_SIGNATURE, ...). */
  networkCode?: string
}

const GUID = GUID_SOURCE
/** Azure AI hosts of every cloud, and API Management gateways in front of them. */
const AZURE_AI_URL_HOST = new RegExp(`\\bhttps?:\\/\\/(${azureAiHostSource(['azure-api.net'])})`, 'i')
const QUOTE = `['"\`‘’“”]`

// The first capture group is the status; every pattern is a form seen in real pastes.
const STATUS_PATTERNS = [
  /\bHTTP(?:\/[\d.]+)?\s+(\d{3})\b/i, // curl -v, raw responses, "HTTP 429 (429)"
  /\bError code:\s*(\d{3})\b/i, // openai-python
  /"status(?:Code)?"\s*:\s*"?(\d{3})\b/i, // bare JSON bodies
  /\b(?:http_)?status(?:[ _]?code)?\s*[:=]\s*"?(\d{3})\b/i, // Status: 401 (.NET), status=401, http_status=401
  /\bError Code\s*:\s*(\d{3})\b/i, // @actions/core getIDToken
  /\bstatus code\s*(\d{3})\b/i, // "Request failed with status code 401", "responded with status code 403"
  /\b(\d{3}) (?:Unauthorized|Forbidden|Not Found|Too Many Requests|Bad Request|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Time-?out|Proxy Authentication Required|Request Timeout)\b/i,
  /\b(?:AuthenticationError|PermissionDeniedError|NotFoundError|RateLimitError|BadRequestError|InternalServerError|APIStatusError)\W+(?:Error code:\s*)?(\d{3})\b/,
  /\((\d{3})\)\s*(?:\w+\s*)?(?:Unauthorized|Forbidden|NotFound|Too Many Requests|\()/i,
  /"code"\s*:\s*"?(\d{3})"?/, // {"error":{"code":"401",...}}
  /\bResponse status code does not indicate success:\s*(\d{3})/i, // .NET HttpRequestException
  /\b(\d{3}) (?:Client|Server) Error\b/, // Python requests: raise_for_status()
  /\bresponded with status(?: code)? (\d{3})/i,
  /(?:^|\b[A-Za-z]*Error:\s*)([45]\d\d)\s+(?=["'{(]?[A-Z])/ // openai-node: "Error: 401 Access denied ..."
]

const ERROR_CODE_PATTERNS = [
  /["']code["']\s*:\s*["']([A-Za-z][\w.]+)["']/g, // JSON and Python dict reprs
  /\bcode:\s*'([A-Za-z][\w.]+)'/g, // JS object inspection
  /\b(?:ErrorCode|Error Code|x-ms-error-code)\s*[:=]\s*["']?([A-Za-z][\w.]+)/gi,
  /\bCode:\s*([A-Z][A-Za-z]+)\b/g, // "(AuthorizationFailed) ... Code: AuthorizationFailed"
  /^\(([A-Z][A-Za-z]+)\)/g, // azure-cli "(AuthorizationFailed) The client ..."
  /(?<!\d)\s\(([A-Z][A-Za-z]+)\) [A-Z]/g // azure-core "(PermissionDenied) The principal", not "401 (Reason)"
]

const OAUTH_ERRORS = /\b(invalid_client|invalid_request|invalid_grant|unauthorized_client|invalid_scope|invalid_resource|temporarily_unavailable|interaction_required)\b/

const NETWORK_CODES = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPROTO|EPIPE|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_SOCKET|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID|CERTIFICATE_VERIFY_FAILED)\b/

function first(text: string, patterns: RegExp[]): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text)
    if (match?.[1]) return match[1]
  }
  return undefined
}

/**
 * The first group of `pattern`, unless it is a mask (`***`, `<redacted>`, `xxxx`) or a template placeholder
 * (`{deployment-id}` in PermissionDenied messages): neither is a value.
 */
function capture(text: string, pattern: RegExp): string | undefined {
  const value = pattern.exec(text)?.[1]?.trim()
  return value && !/^(?:\*+|<[^>]*>|\{[^}]*\}|x+|\.+|redacted|\[redacted\])$/i.test(value) ? value : undefined
}

function unique<T>(values: T[]): T[] | undefined {
  const distinct = [...new Set(values)]
  return distinct.length ? distinct : undefined
}

function readStatus(text: string): number | undefined {
  const status = first(text, STATUS_PATTERNS)
  const value = status ? Number(status) : undefined
  return value && value >= 100 && value < 600 ? value : undefined
}

function readAadstsCodes(text: string): string[] | undefined {
  const codes = [...text.matchAll(/\bAADSTS(\d{5,8})\b/g)].map((m) => m[1])
  const listed = [...text.matchAll(/"error_codes"\s*:\s*\[([\d,\s]+)\]/g)].flatMap((m) => m[1].match(/\d+/g) ?? [])
  const msal = [...text.matchAll(/\bError\(s\):\s*([\d,\s]+?)\s+-/g)].flatMap((m) => m[1].match(/\d+/g) ?? [])
  return unique([...codes, ...listed, ...msal])
}

function readErrorCodes(text: string): string[] | undefined {
  const codes = ERROR_CODE_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]))
  // Specific codes (PermissionDenied) before generic ones (BadRequest, Unauthorized, 401).
  const generic = /^(BadRequest|Unauthorized|Forbidden|NotFound|Error|InvalidRequest|invalid_request_error)$/i
  const ranked = [...codes.filter((c) => !generic.test(c)), ...codes.filter((c) => generic.test(c))]
  return unique(ranked)
}

function readRetryAfter(text: string, headers?: Record<string, string>): number | undefined {
  const header = headers?.['retry-after'] ?? headers?.['retry-after-ms']
  if (header && /^\d+$/.test(header.trim())) {
    return headers?.['retry-after'] ? Number(header) : Math.ceil(Number(header) / 1000)
  }
  const duration = /\btry again in (?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)?\b/i.exec(text)
  if (duration && (duration[1] || duration[2])) {
    const [, hours = '0', minutes = '0', seconds = '0'] = duration
    return Number(hours) * 3600 + Number(minutes) * 60 + Math.ceil(Number(seconds))
  }
  const value = capture(text, /\b(?:retry|try again)(?: after| in)?\s+(\d+)\s*(?:seconds?|s)\b/i) ??
    capture(text, /\bretry-after(?:-ms)?["']?\s*[:=]\s*["']?(\d+)/i)
  return value ? Number(value) : undefined
}

function readClaims(text: string): Record<string, unknown>[] | undefined {
  const claims = findJwts(text)
    .map(decodeJwtClaims)
    .filter((c): c is Record<string, unknown> => c !== undefined)
  return claims.length ? claims : undefined
}

/** A Bearer value that is present and visibly not a JWT (redactions like *** or <token> do not count). */
function bearerIsNotJwt(text: string): boolean | undefined {
  const values = [...text.matchAll(/\bBearer\s+([^\s"',;}]+)/gi)].map((m) => m[1])
  const real = values.filter((v) => !/^[*<{$[]|^\.\.\.|xxx|redacted|token/i.test(v) && v.length >= 20)
  if (!real.length) return undefined
  return real.some((v) => !v.startsWith('eyJ'))
}

/** ARM's "does not have authorization (or an ABAC condition not fulfilled) to perform action 'A' over scope 'S'". */
const ARM_DENIAL = /does not have authorization (?:or an ABAC condition not fulfilled )?to perform action\s*['"]([\w./*-]+)['"]\s*over scope\s*['"]([^'"\s]+)['"]/i

/** Everything `text` (already normalised) says; `headers` are response headers when the caller has them. */
export function readEvidence(text: string, headers?: Record<string, string>): Evidence {
  const aadstsCodes = readAadstsCodes(text)
  const armAction = capture(text, ARM_DENIAL)
  const evidence: Evidence = {
    status: readStatus(text),
    aadstsCodes,
    errorCodes: unique([...(headers?.['x-ms-error-code'] ? [headers['x-ms-error-code']] : []),
      ...(readErrorCodes(text) ?? [])]),
    reasonPhrase: capture(text, /\b(?:Status:|HTTP|status code does not indicate success:)\s*\d{3}\s*\(([A-Za-z][\w ]+)\)/i) ??
      capture(text, /\b\d{3} (?:Client|Server) Error:\s*([A-Za-z][\w ]+?) for url/),
    oauthError: capture(text, /"error"\s*:\s*"([a-z_]+)"/) ??
      capture(text, OAUTH_ERRORS),
    subject: capture(text, new RegExp(`assertion subject:?\\s*${QUOTE}([^'"\`‘’“”]+?)${QUOTE}(?!\\w)`, 'i')),
    subjectCaseOnly: aadstsCodes?.includes('7002138') ||
      /matches with case-insensitive comparison, but not with case-sensitive/i.test(text) || undefined,
    issuer: capture(text, new RegExp(`assertion issuer:?\\s*${QUOTE}([^'"\`‘’“”\\s]+?)${QUOTE}(?!\\w)`, 'i')),
    audience: capture(text, new RegExp(`assertion audience:?\\s*${QUOTE}([^'"\`‘’“”\\s]+?)${QUOTE}(?!\\w)`, 'i')),
    expectedAudience: capture(text, /audience is incorrect \(([^)]+)\)/i) ??
      capture(text, /expected audience (?:is )?[`'"]?(https:\/\/[^\s`'",)]+)/i),
    clientId: capture(text, new RegExp(`(?:Application with identifier|The client|client_id|client id)\\s*${QUOTE}?(${GUID})`, 'i')),
    tenant: capture(text, /\bTenant\s*'([^']+)'\s*not found/i) ??
      capture(text, /Specified tenant identifier\s*'([^']+)'/i) ?? capture(text, /in the directory\s*'([^']+)'/i),
    resource: capture(text, /resource principal named\s*(\S+?)\s+was not found/i),
    principalId: capture(text, new RegExp(`principal\\s*${QUOTE}?(${GUID})`, 'i')) ??
      capture(text, new RegExp(`object id\\s*${QUOTE}?(${GUID})`, 'i')),
    dataAction: capture(text, /(?:data action|dataAction)\s*[`'"]?(Microsoft\.[\w./*-]+)/i) ??
      capture(text, /perform action\s*'(Microsoft\.[\w./*-]+)'/i) ??
      capture(text, /\bAction:\s*'(Microsoft\.[\w./*-]+)'/), // Azure RBAC denials (Key Vault's ForbiddenByRbac)
    armAction,
    scope: ARM_DENIAL.exec(text)?.[2],
    roleToGrant: armAction ? roleForArmAction(armAction) : undefined,
    operation: capture(text, /to perform\s*[`'"]?((?:GET|POST|PUT|DELETE|PATCH)\s+[^`'"]+?)[`'"]?\s*operation/i),
    parameter: capture(text, /Unsupported (?:parameter|value):\s*'([^']+)'/i) ??
      capture(text, /["']param["']\s*:\s*["']([^"']+)["']/),
    model: capture(text, /does not work with the specified model,\s*([\w.-]+)/i) ??
      capture(text, /The model\s*[`'"]([^`'"]+)[`'"]\s*does not exist/i),
    retryAfterSeconds: readRetryAfter(text, headers),
    host: capture(text, AZURE_AI_URL_HOST) ??
      capture(text, /\b(?:getaddrinfo \w+|connect \w+|Host:)\s+([a-z0-9.-]+\.[a-z]{2,})/i),
    apiVersion: capture(text, /api-version=([\w.-]+)/i),
    // case-sensitive: the URL path, not a data action's .../OpenAI/deployments/...
    deployment: capture(text, /\/openai\/deployments\/([^/?\s"'`]+)/),
    traceId: capture(text, new RegExp(`trace[ _-]?id["']?\\s*[:=]?\\s*["']?(${GUID})`, 'i')),
    correlationId: capture(text, new RegExp(`correlation[ _-]?id["']?\\s*[:=]?\\s*["']?(${GUID})`, 'i')),
    requestId: capture(text, new RegExp(`(?:apim-request-id|x-ms-request-id|x-request-id|request[ _-]?id)["']?\\s*[:=]?\\s*["']?(${GUID}|req_[A-Za-z0-9]+)`, 'i')),
    timestamp: capture(text, /Timestamp:\s*(\d{4}-\d\d-\d\d[ T][\d:.]+Z?)/i),
    bearerIsNotJwt: bearerIsNotJwt(text),
    jwtClaims: readClaims(text),
    networkCode: capture(text, NETWORK_CODES)
  }
  return Object.fromEntries(Object.entries(evidence).filter(([, v]) => v !== undefined))
}
