// What is left when nothing specific matched: the service's own 5xx sentences, then a status alone. Rows without
// text, aadsts or code are fallbacks: they answer only when no specific row did, and are never alternatives.
import { RETIRED_MODEL_404, decideFromToken, decideRateLimit } from './data-plane.js'
import { anyPhrase } from './phrases.js'
import type { Candidate, DiagnosisContext, Facts, Rule } from './types.js'

function decideByCredential(facts: Facts, context: DiagnosisContext): Candidate | undefined {
  if (context.sentCredential === 'api-key') {
    return { cause: 'invalid-api-key', why: 'An API key was sent and refused with 401.' }
  }
  return decideFromToken(facts, context)
}

export const SERVICE_ERROR_RULES: readonly Rule[] = [
  {
    cause: 'service-error',
    why: 'The service failed on its side (5xx); it is not a configuration problem.',
    text: anyPhrase(
      // openai-python InternalServerError, "The server had an error while processing your request":
      // corpus search-demo-500-server-error
      /InternalServerError/,
      /The server had an error/,
      /Internal server error/,
      /Service Unavailable/,
      /ServiceUnavailable/,
      /Bad Gateway/,
      /currently overloaded/,
      /server_error/,
      /temporarily unable to (?:process|service) your request/
    )
  }
]

export const STATUS_FALLBACK_RULES: readonly Rule[] = [
  { cause: 'proxy-failure', why: 'HTTP 407: the proxy requires authentication.', status: [407] },
  {
    cause: 'oidc-request-failed',
    why: "GitHub's OIDC token endpoint answered with an error, or with no token.",
    phase: ['github-oidc']
  },
  {
    cause: 'arm-authorization-failed',
    why: 'A 403 from Resource Manager: the identity holds no role allowing the action at that scope.',
    status: [403],
    phase: ['arm']
  },
  {
    cause: 'arm-resource-not-found',
    why:
      'A 404 from Resource Manager: the subscription, resource group or resource does not exist as the ' +
      'identity sees it.',
    status: [404],
    phase: ['arm']
  },
  {
    cause: 'wrong-token-audience',
    why: 'A 401 from Resource Manager: the token is not one it accepts (audience, tenant or expiry).',
    status: [401],
    phase: ['arm'],
    alternatives: [
      { cause: 'token-expired', why: "An expired token gets 401 too: the token's `exp` decides." },
      { cause: 'token-tenant-mismatch', why: "A token of another tenant: the token's `tid` decides." }
    ]
  },
  {
    cause: 'missing-data-plane-role',
    why:
      'A bare 401 from the data plane: the response body (error.code) tells which; PermissionDenied is the ' +
      'most common with Entra tokens.',
    status: [401],
    phase: ['data-plane', 'unknown'],
    alternatives: [
      { cause: 'wrong-token-audience', why: "A token for another audience gets 401 too: the token's `aud` decides." },
      { cause: 'invalid-api-key', why: 'With an API key, a 401 means the key is wrong.' },
      { cause: 'token-expired', why: "An expired token gets 401: the token's `exp` decides." }
    ],
    decide: decideByCredential
  },
  {
    cause: 'network-blocked',
    why: 'A bare 403 from the data plane: network rules or disabled key authentication.',
    status: [403],
    phase: ['data-plane', 'unknown'],
    alternatives: [
      { cause: 'local-auth-disabled', why: 'With an API key, a 403 usually means key authentication ' + 'is disabled.' }
    ],
    decide: (_facts, context) =>
      context.sentCredential === 'api-key'
        ? { cause: 'local-auth-disabled', why: 'An API key was refused with 403.' }
        : undefined
  },
  {
    cause: 'wrong-api-version-or-path',
    why:
      'A 404 without DeploymentNotFound: the path or api-version is wrong (e.g. an endpoint pasted with ' +
      'extra path).',
    status: [404],
    phase: ['data-plane', 'unknown'],
    alternatives: [
      { cause: 'deployment-not-found', why: 'A missing deployment answers 404 DeploymentNotFound.' },
      { cause: 'endpoint-malformed', why: 'An endpoint with extra path segments builds a wrong URL.' },
      RETIRED_MODEL_404
    ]
  },
  {
    cause: 'throttled',
    why: 'HTTP 429: a rate limit was hit; authentication itself worked.',
    status: [429],
    alternatives: [{ cause: 'quota-exhausted', why: 'A retry-after of an hour or more means a used-up quota.' }],
    decide: decideRateLimit
  },
  { cause: 'timeout', why: 'HTTP 408: the request timed out.', status: [408] },
  { cause: 'service-error', why: 'A 5xx from the service.', status: [500, 502, 503, 504] }
]
