// The Azure OpenAI / Cognitive Services data plane: the gateway's error codes and the sentences it always prints
// with them, as every SDK and wrapper passes them on.
import { judgeAccessToken } from '../access-token.js'
import { anyPhrase } from './phrases.js'
import type { Candidate, DiagnosisContext, Facts, Rule } from './types.js'

/**
 * A data action of another service than Cognitive Services (Key Vault, Storage...): its role is not one the
 * catalogue can name.
 */
/** A deployment whose model version passed its retirement date answers a bare 404 (BerriAI/litellm#11116). */
export const RETIRED_MODEL_404: Candidate = {
  cause: 'model-retiring',
  why:
    'A deployment that worked before and whose model version passed its retirement date answers a bare 404 ' +
    "too: the deployment's model version and its retirement date decide."
}

function isOtherServiceAction(facts: Facts): boolean {
  return facts.dataAction !== undefined && !/^Microsoft\.CognitiveServices\//i.test(facts.dataAction)
}

/** The generic data-plane 401: the bearer's own claims (or what was sent) decide between its three causes. */
export function decideFromToken(facts: Facts, context: DiagnosisContext): Candidate | undefined {
  if (context.sentCredential === 'api-key' || facts.bearerIsNotJwt) {
    return {
      cause: 'key-sent-as-bearer',
      why:
        'An API key was sent in the Authorization: Bearer header; the ' +
        'service reads a Bearer value as an Entra token.'
    }
  }
  const claims = context.accessTokenClaims ?? facts.jwtClaims?.find((c) => typeof c.aud === 'string')
  if (!claims) return undefined
  // Newer answers name internal audiences ("urn:ms.scopedToken or urn:ms.faceSessionToken"): only a URL is one
  const named = facts.expectedAudience?.startsWith('https://') ? [facts.expectedAudience] : undefined
  const verdict = judgeAccessToken(claims, { expectedAudiences: named ?? context.expectedAudiences, now: Date.now() })
  if (verdict) return { cause: verdict.cause, why: verdict.detail }
  // A live run's own token with the right audience, not expired: of this answer's reasons only the tenant is left.
  if (context.accessTokenClaims && context.sentCredential === 'entra-token') {
    return {
      cause: 'token-tenant-mismatch',
      why:
        `The token's audience (${String(claims.aud)}) and expiry are ` +
        `right, so the resource is likely in another tenant than the token's (${String(claims.tid)}).`
    }
  }
  return undefined
}

export const PROPAGATING: Candidate = {
  cause: 'role-assignment-propagating',
  why:
    'If the role was assigned in ' +
    'the last ~10 minutes, it may not have reached the data plane yet (a fresh token is also needed).'
}

const GENERIC_401_ALTERNATIVES: Candidate[] = [
  { cause: 'token-expired', why: "The same message is returned for an expired token: the token's `exp` decides." },
  {
    cause: 'key-sent-as-bearer',
    why:
      'An API key sent as `Authorization: Bearer` gets the same message: if the ' +
      'Bearer value is not a JWT (eyJ...), that is the cause.'
  },
  { cause: 'token-tenant-mismatch', why: "A token from another tenant is also refused: the token's `tid` decides." }
]

/** 429: a retry-after of an hour or more (typically 86400 s) is a quota that resets daily, not a momentary limit. */
export function decideRateLimit(facts: Facts): Candidate | undefined {
  if (facts.retryAfterSeconds !== undefined && facts.retryAfterSeconds >= 3600) {
    return {
      cause: 'quota-exhausted',
      why:
        `The service asks to retry after ${facts.retryAfterSeconds} seconds: ` +
        'the quota is used up for the period (a daily or monthly quota), retrying soon will not help.'
    }
  }
  return undefined
}

export const DATA_PLANE_RULES: readonly Rule[] = [
  {
    cause: 'regional-endpoint-no-subdomain',
    why: "A token was sent to a regional endpoint: Entra ID tokens need the resource's custom subdomain.",
    text: anyPhrase(
      // Cognitive Services gateway 400/401: corpus sdk-net-custom-subdomain-badrequest
      /custom subdomain for token authentication/,
      /provide a custom subdomain/,
      /Subdomain is required for token/
    )
  },
  {
    cause: 'wrong-endpoint-host',
    why:
      'The gateway knows no resource by this subdomain: the endpoint names an account that does not exist ' +
      '(a typo, a deleted resource, another cloud) rather than a resource the identity is refused on.',
    // Cognitive Services gateway 404 {"error":{"code":"404","message":"Resource not found"}} variants and
    // "Subdomain does not map to a resource" (issue 13's held-out family)
    text: anyPhrase(/Subdomain does not map to a resource/, /subdomain .{0,30}does not (?:map|correspond) to/),
    alternatives: [
      {
        cause: 'regional-endpoint-no-subdomain',
        why:
          'A regional endpoint (<region>.api.cognitive' +
          ".microsoft.com) has no subdomain to map: the endpoint's host decides."
      }
    ]
  },
  {
    cause: 'regional-endpoint-no-subdomain',
    why:
      'The service found no credential it accepts: a token sent to a regional endpoint (which takes only ' +
      'keys) gets this older wording.',
    // corpus sdk-net-regional-token-authentication-key
    text: /Please provide an authentication key/i,
    alternatives: [
      {
        cause: 'invalid-api-key',
        why:
          'A request with no `api-key` header at all gets the same ' +
          'answer: whether a token or nothing was sent decides.'
      }
    ],
    decide: (_facts, context) =>
      context.sentCredential === 'api-key'
        ? { cause: 'invalid-api-key', why: 'The api-key header was not accepted as a key.' }
        : undefined
  },
  {
    cause: 'local-auth-disabled',
    why: 'Key authentication is disabled on the resource (disableLocalAuth): only Entra ID tokens are accepted.',
    text: anyPhrase(
      // 403 AuthenticationTypeDisabled "Key based authentication is disabled for this resource."
      // corpus chatgpt-sample-authentication-type-disabled, search-demo-authentication-type-disabled-indexer
      /Key based authentication is disabled/,
      /AuthenticationTypeDisabled/,
      /local auth(?:entication)? is disabled/,
      // Storage's wording of the same setting: KeyBasedAuthenticationNotPermitted "Key based authentication is not
      // permitted on this storage account." (Azure/AI-Landing-Zones#64)
      /KeyBasedAuthenticationNotPermitted/,
      /Key based authentication is not permitted/
    )
  },
  {
    cause: 'network-blocked',
    why: "The resource's network rules (firewall, private endpoint, public access disabled) refused the caller.",
    text: anyPhrase(
      // 403 "Access denied due to Virtual Network/Firewall rules.": corpus sql-chatbot-firewall-403-json
      /Virtual Network\/Firewall rules/,
      /not from an approved private endpoint/,
      // 403 "Public access is disabled. Please configure private endpoint.": tabular-editor-403-public-access-disabled
      /Public (?:network )?access is disabled/,
      /public network access (?:is )?(?:disabled|not allowed)/,
      /ip address .{0,40}(?:is )?not (?:allowed|authorized)/,
      /(?:blocked|denied) by (?:the )?(?:firewall|network rules)/
    )
  },
  {
    cause: 'missing-data-plane-role',
    why:
      'The principal authenticated, but holds no role granting the data action (e.g. Cognitive Services ' +
      'OpenAI User) on the resource.',
    text: anyPhrase(
      // 401 PermissionDenied "The principal `<oid>` lacks the required data action ...": corpus agent-evals-*
      /lacks the required data action/,
      // older wording: corpus sk-401-principal-no-access-old-wording
      /(?:Principal )?does not have access to API\/Operation/,
      // Azure AI Foundry (agents, Bot Service): "Please ensure that the project managed identity ... has
      // Microsoft.CognitiveServices/accounts/AIServices/agents/write action on itself. This is typically done by
      // assigning the Azure AI User built-in role" (Microsoft Q&A 5835921)
      /ensure that .{0,160}? has Microsoft\.CognitiveServices\/\S+ (?:data )?action/,
      /(?:does not have|lacks?) (?:the )?(?:required )?Microsoft\.CognitiveServices\/\S+ (?:data )?(?:action|permission)/
    ),
    when: (facts) => !isOtherServiceAction(facts),
    alternatives: [PROPAGATING]
  },
  {
    cause: 'role-assignment-propagating',
    why:
      'Azure RBAC refused the caller, and the service says role changes made recently take time to ' +
      'propagate: a role assigned in the last minutes decides.',
    // azure-cli: corpus cli-role-assignment-not-propagated
    text: /please observe propagation time/i,
    alternatives: [
      {
        cause: 'missing-data-plane-role',
        why:
          'If no role was assigned or changed in the last ' +
          'minutes, the principal lacks a role granting the action (on Azure OpenAI: Cognitive Services OpenAI User).'
      }
    ]
  },
  {
    cause: 'missing-data-plane-role',
    why: 'Azure RBAC refused the caller: the principal holds no role granting the data action on the resource.',
    text: anyPhrase(/Caller is not authorized to perform action on resource/, /ForbiddenByRbac/),
    when: (facts) => !isOtherServiceAction(facts),
    alternatives: [PROPAGATING]
  },
  {
    cause: 'token-tenant-mismatch',
    why: "The token was issued by another tenant than the resource's.",
    text: anyPhrase(
      /InvalidAuthenticationTokenTenant/,
      // corpus rag-evaluator-token-tenant-mismatch
      /token is from the wrong issuer/,
      /does not match (?:the )?resource tenant/,
      /(?:token|issuer) tenant .{0,80}does not match/,
      /tenant .{0,60}does not match .{0,40}(?:resource|subscription)/
    )
  },
  {
    cause: 'wrong-token-audience',
    why: 'The token was issued for another audience (resource) than the service accepts.',
    text: anyPhrase(
      /InvalidAuthenticationTokenAudience/,
      /obtained for (?:the )?wrong audience/,
      /Invalid audience/,
      /audience (?:claim )?(?:is )?invalid/,
      // Foundry: corpus inference-sdk-foundry-audience-scope
      /(?:required|expected) audience (?:is )?[`'"]?https:\/\/ai\.azure/
    )
  },
  {
    cause: 'token-expired',
    why: 'The access token had expired when it was used.',
    text: anyPhrase(
      /ExpiredAuthenticationToken/,
      /access token expiry UTC time/,
      /Lifetime validation failed/,
      /(?:access )?token (?:has |is )expired/,
      /token expired/
    )
  },
  {
    cause: 'wrong-token-audience',
    why:
      'The service refused the bearer token: its audience is wrong, it is expired, or it is not an Entra ' +
      "token. The token's `aud` and `exp` decide.",
    // 401 "Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have
    // expired.": corpus ragseries-key-without-api-type-audience, search-demo-401-expired-after-an-hour
    text: anyPhrase(
      /Access token is missing, invalid, audience is incorrect/,
      /audience is incorrect/,
      /Access token is missing or invalid/
    ),
    alternatives: GENERIC_401_ALTERNATIVES,
    decide: decideFromToken
  },
  {
    cause: 'wrong-endpoint-host',
    why: "The request went to api.openai.com (OpenAI's platform), not to the Azure OpenAI endpoint.",
    // not any platform.openai.com link: openai-python's connection errors carry an error-codes docs link
    text: anyPhrase(
      // OpenAI's own 401 body: corpus nextchat-azure-key-at-openai-platform
      /Incorrect API key provided/,
      /platform\.openai\.com\/account/,
      /https?:\/\/api\.openai\.com\/v1/,
      /invalid_organization/,
      /No such organization/
    ),
    alternatives: [{ cause: 'invalid-api-key', why: 'If the request did reach Azure, the key itself is wrong.' }]
  },
  {
    cause: 'invalid-api-key',
    why: 'The API key was refused: it is not a key of this resource (or was regenerated).',
    text: anyPhrase(
      // 401 "Access denied due to invalid subscription key or wrong API endpoint.": corpus pubsec-wrong-key-in-keyvault
      /invalid subscription key/,
      /wrong API endpoint/,
      /invalid_api_key/,
      /API key (?:is )?(?:invalid|not valid)/
    ),
    alternatives: [
      {
        cause: 'wrong-endpoint-host',
        why:
          'A valid key of another resource (or a regional endpoint of another ' +
          'region) gets the same 401: the endpoint the key belongs to decides.'
      },
      {
        cause: 'endpoint-malformed',
        why:
          'An endpoint pasted with extra path (the whole request URL) gets the same ' +
          '"wrong API endpoint" 401: the endpoint value decides.'
      }
    ]
  },
  {
    cause: 'invalid-api-key',
    why:
      'No key reached the service in the header it reads (`api-key`, or `Ocp-Apim-Subscription-Key` at an API ' +
      'Management gateway): the key is empty or missing.',
    // Azure AI services and API Management: "Access denied due to (a) missing (application credentials or)
    // subscription key. Make sure to include (an application token or) a subscription key...":
    // corpus continue-apim-missing-subscription-key
    text: anyPhrase(
      /missing (?:application credentials or )?subscription key/,
      /include (?:an application token or )?a subscription key/
    ),
    alternatives: [
      {
        cause: 'key-sent-as-bearer',
        why:
          'A key sent as `Authorization: Bearer` instead of `api-key` ' +
          "is missing from the header the gateway reads: the request's headers decide."
      }
    ],
    decide: (facts) =>
      facts.bearerIsNotJwt
        ? {
            cause: 'key-sent-as-bearer',
            why: 'The key was sent as `Authorization: Bearer`, not in the `api-key` ' + 'header.'
          }
        : undefined
  },
  {
    cause: 'missing-data-plane-role',
    why: 'The service answered PermissionDenied: the principal holds no role granting the data action.',
    code: /^PermissionDenied$/,
    when: (facts) => !isOtherServiceAction(facts),
    alternatives: [PROPAGATING]
  },
  {
    cause: 'deployment-not-found',
    why: 'The deployment name does not exist on this resource (or was created minutes ago).',
    text: anyPhrase(
      // 404 DeploymentNotFound "The API deployment for this resource does not exist.": corpus gpt-researcher-*
      /DeploymentNotFound/,
      /API deployment for this resource does not exist/,
      /model_not_found/,
      /The model [`'"][^`'"]+[`'"] does not exist/,
      /deployment (?:[`'"][^`'"]+[`'"] )?(?:does not exist|was not found|not found)/
    )
  },
  {
    cause: 'operation-not-supported',
    why: "The deployment's model does not support the operation (e.g. chat on an embeddings model).",
    text: anyPhrase(
      // 400 OperationNotSupported "The embeddings operation does not work with the specified model, gpt-35-turbo"
      // corpus llama-index-embeddings-on-gpt35
      /OperationNotSupported/,
      /operation does not work with the specified model/,
      /does not support (?:the )?(?:chat|completions|embeddings)/
    ),
    alternatives: [
      {
        cause: 'model-retiring',
        why:
          'A deployment whose model version was retired answers the same for an operation it used to serve: ' +
          "whether the model is an embeddings or a chat model, and its version's retirement date, decide."
      }
    ]
  },
  {
    cause: 'unsupported-parameter',
    why: 'The model rejects a request parameter (reasoning models take max_completion_tokens, not max_tokens).',
    text: anyPhrase(
      // 400 unsupported_parameter "Unsupported parameter: 'max_tokens' ...": corpus lobehub-o1-max-tokens-json
      /unsupported_parameter/,
      /unsupported_value/,
      /Unsupported (?:parameter|value)/,
      /is not supported with this model/,
      /Use 'max_completion_tokens' instead/,
      /Unrecognized request argument/
    ),
    alternatives: [
      {
        cause: 'wrong-api-version-or-path',
        why:
          'An api-version older than the parameter ' +
          '(max_completion_tokens needs 2024-09-01-preview or later) is refused the same way.'
      }
    ]
  },
  {
    cause: 'wrong-api-version-or-path',
    why: 'The api-version is missing, unknown or unsupported for this operation.',
    text: anyPhrase(
      // 404 "Unsupported api version": corpus sk-python-404-invalid-api-version
      /api[- ]version (?:is )?not supported/,
      /Unsupported api[- ]version/,
      /api-version .{0,40}(?:is )?(?:not supported|invalid|required|missing)/,
      /Missing required query parameter:? api-version/,
      /Invalid api-version/,
      /apiVersion. argument/,
      /OPENAI_API_VERSION/,
      /enabled only for api versions?/
    )
  },
  {
    cause: 'endpoint-malformed',
    why:
      'The request URL was built from an endpoint that is not a bare resource URL (an invalid URL, or the ' +
      '/openai/ path twice because the endpoint already held it).',
    text: anyPhrase(
      /ERR_INVALID_URL/,
      /TypeError: Invalid URL/,
      /\/openai\/(?:deployments\/[^/\s"']+\/[\w/]*)?\/?openai\//,
      /Invalid URL \((?:GET|POST) /
    ),
    alternatives: [
      {
        cause: 'wrong-api-version-or-path',
        why: 'If the endpoint is the bare resource URL, the ' + 'api-version or the path the client adds is wrong.'
      }
    ]
  },
  {
    cause: 'wrong-api-version-or-path',
    why:
      '"Resource not found" without DeploymentNotFound: the URL path or api-version is wrong (e.g. an endpoint ' +
      'pasted with extra path, or a base URL the client extends again).',
    // 404 {"error":{"code":"404","message":"Resource not found"}}: corpus docs-404-extra-slash-in-url
    text: /\bResource not found\b/i,
    alternatives: [
      {
        cause: 'endpoint-malformed',
        why: 'An endpoint with extra path segments builds a wrong URL: the endpoint ' + 'value decides.'
      },
      { cause: 'deployment-not-found', why: 'A missing deployment answers DeploymentNotFound instead.' },
      RETIRED_MODEL_404
    ]
  },
  {
    cause: 'quota-exhausted',
    why: 'The quota is used up (not a momentary rate limit): retrying soon will not help.',
    text: anyPhrase(/insufficient_quota/, /exceeded your current quota/, /quota (?:has been )?exceeded/, /out of quota/)
  },
  {
    cause: 'throttled',
    why: "The deployment's rate limit (tokens or requests per minute) was hit; authentication itself worked.",
    text: anyPhrase(
      // 429 "Requests to the ... have exceeded token rate limit of your current ... pricing tier. Please retry
      // after N seconds.": corpus search-demo-rate-limit-30s, copilot-camp-429-try-again-2s
      /exceeded (?:the )?(?:token |call )?rate limit/,
      /currently experiencing high demand/,
      /exceeds the maximum usage size/,
      /Rate limit (?:is |has been )?(?:exceeded|reached)/,
      /RateLimitError/,
      /Too Many Requests/,
      /RateLimitExceeded/,
      /rate_limit_exceeded/,
      /RateLimitReached/,
      /TooManyRequests/,
      /Rate limit of .{0,60}exceeded/
    ),
    alternatives: [{ cause: 'quota-exhausted', why: 'A retry-after of an hour or more would mean a used-up quota.' }],
    decide: decideRateLimit
  }
]
