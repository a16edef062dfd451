// The rule table: what each cause looks like in error text. Earlier rows win; later matching rows become
// alternatives. A row holds when every criterion it names holds (text: the regex finds a match; aadsts: one of
// the codes is present; code: a service error code matches; status; phase: the observation's phase, or
// 'unknown' when none was given, is listed). Rows without text, aadsts or code are fallbacks: they answer when
// nothing specific matched, and are not offered as alternatives.
import type { CauseId } from '../causes/ids.js'
import { isTokenExchangeAudience } from '../azure/clouds.js'
import { judgeAccessToken } from './access-token.js'
import type { DiagnosisContext, ErrorPhase } from './types.js'
import type { Evidence } from './evidence.js'

export interface Candidate {
  cause: CauseId
  why: string
}

export interface Facts extends Evidence {
  /** The normalised text (one line, escapes undone, log prefixes removed). */
  text: string
  /** The lines joined without spaces, for words a terminal broke. */
  unwrapped: string
  phase?: ErrorPhase
}

export interface Rule {
  cause: CauseId
  /** What was seen, in words a person reads. */
  why: string
  text?: RegExp
  aadsts?: string[]
  code?: RegExp
  status?: number[]
  phase?: (ErrorPhase | 'unknown')[]
  /** A further condition on the facts: the context the text must (or must not) show. */
  when?: (facts: Facts) => boolean
  /** Other causes the same evidence fits, each saying what decides. */
  alternatives?: Candidate[]
  /** Decides between the cause and its alternatives from facts the text or the live run holds. */
  decide?: (facts: Facts, context: DiagnosisContext) => Candidate | undefined
}

/** Text about a GitHub OIDC login (Azure/login, its auth-type, an OIDC or federated token request). */
const OIDC_LOGIN_CONTEXT = /Azure\/login|\bauth-type\b|\bOIDC\b|\bid-token\b|getIDToken|ACTIONS_ID_TOKEN_REQUEST|federated token/i

/**
 * A data action of another service than Cognitive Services (Key Vault, Storage...): its role is not one the
 * catalogue can name.
 */
function isOtherServiceAction(facts: Facts): boolean {
  return facts.dataAction !== undefined && !/^Microsoft\.CognitiveServices\//i.test(facts.dataAction)
}

const NO_OIDC_ALTERNATIVES: Candidate[] = [
  { cause: 'fork-pr-no-oidc', why: 'A pull request from a fork never gets an OIDC token (id-token is read-only ' +
    'for forks), which shows the same missing ACTIONS_ID_TOKEN_REQUEST_URL: the triggering event decides.' },
  { cause: 'dependabot-no-oidc', why: 'Runs triggered by Dependabot get a read-only GITHUB_TOKEN and no OIDC ' +
    'token, with the same missing ACTIONS_ID_TOKEN_REQUEST_URL: the actor (dependabot[bot]) decides.' }
]

function decideNoOidc(facts: Facts, context: DiagnosisContext): Candidate | undefined {
  const event = context.event
  if (event?.isDependabot) {
    return { cause: 'dependabot-no-oidc', why: 'The run was triggered by Dependabot, which never gets an OIDC token.' }
  }
  if (event?.isForkPullRequest) {
    return { cause: 'fork-pr-no-oidc', why: `The ${event.name} event comes from a fork, which never gets an OIDC ` +
      'token.' }
  }
  if (event) {
    return { cause: 'missing-id-token-permission', why: `The ${event.name} run is not one GitHub withholds ` +
      'OIDC tokens from (a fork\'s pull_request, a Dependabot run), so the job lacks `permissions: id-token: write`.' }
  }
  if (/dependabot/i.test(facts.text)) {
    return { cause: 'dependabot-no-oidc', why: 'The run is a Dependabot run, which never gets an OIDC token.' }
  }
  if (/\bfork(?:ed)? (?:detected|pull request|PR|repository)|\bfrom (?:a |the )?fork/i.test(facts.text)) {
    return { cause: 'fork-pr-no-oidc', why: 'The log shows a run from a fork, which never gets an OIDC token.' }
  }
  return undefined
}

/** The generic data-plane 401: the bearer's own claims (or what was sent) decide between its three causes. */
function decideFromToken(facts: Facts, context: DiagnosisContext): Candidate | undefined {
  if (context.sentCredential === 'api-key' || facts.bearerIsNotJwt) {
    return { cause: 'key-sent-as-bearer', why: 'An API key was sent in the Authorization: Bearer header; the ' +
      'service reads a Bearer value as an Entra token.' }
  }
  const claims = context.accessTokenClaims ?? facts.jwtClaims?.find((c) => typeof c.aud === 'string')
  if (!claims) return undefined
  // Newer answers name internal audiences ("urn:ms.scopedToken or urn:ms.faceSessionToken"): only a URL is one
  const named = facts.expectedAudience?.startsWith('https://') ? [facts.expectedAudience] : undefined
  const verdict = judgeAccessToken(claims, { expectedAudiences: named ?? context.expectedAudiences, now: Date.now() })
  if (verdict) return { cause: verdict.cause, why: verdict.detail }
  // A live run's own token with the right audience, not expired: of this answer's reasons only the tenant is left.
  if (context.accessTokenClaims && context.sentCredential === 'entra-token') {
    return { cause: 'token-tenant-mismatch', why: `The token's audience (${String(claims.aud)}) and expiry are ` +
      `right, so the resource is likely in another tenant than the token's (${String(claims.tid)}).` }
  }
  return undefined
}

const SECRETS_WITHHELD: Candidate[] = [
  { cause: 'fork-pr-no-oidc', why: 'Pull requests from forks get no secrets (and no OIDC token): the event decides.' },
  { cause: 'dependabot-no-oidc', why: 'Dependabot runs get only Dependabot secrets (and no OIDC token): the actor ' +
    'decides.' }
]

/** Empty secrets: a fork or Dependabot run never has them, whatever the workflow says. */
function decideSecretsWithheld(_facts: Facts, context: DiagnosisContext): Candidate | undefined {
  if (context.event?.isDependabot) {
    return { cause: 'dependabot-no-oidc', why: 'The run was triggered by Dependabot, which gets neither the ' +
      'repository\'s secrets nor an OIDC token.' }
  }
  if (context.event?.isForkPullRequest) {
    return { cause: 'fork-pr-no-oidc', why: 'The pull request comes from a fork, which gets neither secrets nor an ' +
      'OIDC token.' }
  }
  return undefined
}

/** AADSTS70021 names all three presented values: a visibly odd audience or issuer decides. */
function decideAssertionRecord(facts: Facts): Candidate | undefined {
  if (facts.audience && !isTokenExchangeAudience(facts.audience)) {
    return { cause: 'fic-audience-mismatch', why: `The token presents the audience '${facts.audience}', not ` +
      'the token-exchange audience (api://AzureADTokenExchange, or its US Government or China form) that ' +
      'federated credentials for GitHub list.' }
  }
  // A trailing slash on the presented issuer decides nothing: GitHub's issuer was printed with one for years.
  if (facts.issuer && /^http:|\.svc\.cluster\.local|\.local\b/.test(facts.issuer)) {
    return { cause: 'fic-issuer-mismatch', why: `The token presents the cluster-internal issuer '${facts.issuer}', ` +
      'not the public OIDC issuer URL a federated credential is registered for.' }
  }
  return undefined
}

const PROPAGATING: Candidate = { cause: 'role-assignment-propagating', why: 'If the role was assigned in the ' +
  'last ~10 minutes, it may not have reached the data plane yet (a fresh token is also needed).' }

const GENERIC_401_ALTERNATIVES: Candidate[] = [
  { cause: 'token-expired', why: 'The same message is returned for an expired token: the token\'s `exp` decides.' },
  { cause: 'key-sent-as-bearer', why: 'An API key sent as `Authorization: Bearer` gets the same message: if the ' +
    'Bearer value is not a JWT (eyJ...), that is the cause.' },
  { cause: 'token-tenant-mismatch', why: 'A token from another tenant is also refused: the token\'s `tid` decides.' }
]

/** 429: a retry-after of an hour or more (typically 86400 s) is a quota that resets daily, not a momentary limit. */
function decideRateLimit(facts: Facts): Candidate | undefined {
  if (facts.retryAfterSeconds !== undefined && facts.retryAfterSeconds >= 3600) {
    return { cause: 'quota-exhausted', why: `The service asks to retry after ${facts.retryAfterSeconds} seconds: ` +
      'the quota is used up for the period (a daily or monthly quota), retrying soon will not help.' }
  }
  return undefined
}

function decideByCredential(facts: Facts, context: DiagnosisContext): Candidate | undefined {
  if (context.sentCredential === 'api-key') {
    return { cause: 'invalid-api-key', why: 'An API key was sent and refused with 401.' }
  }
  return decideFromToken(facts, context)
}

export const RULES: readonly Rule[] = [
  // ── GitHub OIDC ──
  {
    cause: 'missing-id-token-permission',
    why: 'The runner did not provide ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN: the job has no `id-token: write` ' +
      'permission (or the event never gets one).',
    text: /Unable to get (?:the )?ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)|ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)\W+(?:env(?:ironment)? variable )?(?:is |was )?(?:not (?:set|defined|present|available)|missing|undefined|empty|unset)|(?:missing|no) ACTIONS_ID_TOKEN_REQUEST|GitHub Actions OIDC (?:is )?not available|(?:missing|insufficient) (?:or insufficient )?OIDC token permissions|id-token(?:: ?write)? permission (?:is )?(?:missing|not (?:set|granted))/i,
    alternatives: NO_OIDC_ALTERNATIVES,
    decide: decideNoOidc
  },
  {
    cause: 'oidc-request-failed',
    why: 'The request to GitHub\'s OIDC token endpoint failed (the permission was there, the token was not ' +
      'issued).',
    text: /Failed to get ID Token|Response json body do not have ID Token field|getIDToken\W.{0,40}(?:failed|error)|Error: undefined\. Please make sure to give write permissions to id-token|githubAssertion|getAssertion: received HTTP status/i
  },
  {
    cause: 'oidc-request-failed',
    why: 'A login step that uses GitHub OIDC failed without a message of its own (an undefined error from the ' +
      'token request): the request to GitHub\'s OIDC token endpoint failed.',
    text: /Cannot read properties of undefined \(reading 'message'\)/i,
    // Any JavaScript bug prints this: only a text that is about the OIDC login says it is the token request.
    when: (facts) => facts.phase === 'github-oidc' || OIDC_LOGIN_CONTEXT.test(facts.text)
  },
  {
    cause: 'missing-id-token-permission',
    why: 'The tool asks for `permissions: id-token: write`: the job did not get a GitHub OIDC token.',
    // Not `id-token: write` itself: pasted workflows hold it, whatever failed.
    text: /give write permissions? to id-token|Failed to fetch federated token from GitHub/i,
    alternatives: [...NO_OIDC_ALTERNATIVES, { cause: 'oidc-request-failed', why: 'The same wrapper text follows ' +
      'any failed token request: an "Error Code :" from GitHub in the log means the request itself failed.' }],
    decide: decideNoOidc
  },

  // ── Entra ID token exchange (AADSTS codes; the number is exact: 700213 is not 7002138) ──
  {
    cause: 'fic-subject-mismatch',
    why: 'AADSTS7002138: the subject matches a federated credential only case-insensitively; Entra compares ' +
      'subjects case-sensitively.',
    aadsts: ['7002138']
  },
  {
    cause: 'fic-subject-mismatch',
    why: 'AADSTS700213: no federated identity credential has the subject the GitHub token presents.',
    aadsts: ['700213']
  },
  {
    cause: 'fic-issuer-mismatch',
    why: 'AADSTS700211: no federated identity credential has the issuer the token presents.',
    aadsts: ['700211']
  },
  {
    cause: 'fic-audience-mismatch',
    why: 'AADSTS700212: no federated identity credential has the audience the token presents.',
    aadsts: ['700212']
  },
  {
    cause: 'fic-subject-mismatch',
    why: 'No federated identity credential has the subject the token presents.',
    text: /No matching federated identity record found for presented assertion subject/i
  },
  {
    cause: 'fic-issuer-mismatch',
    why: 'No federated identity credential has the issuer the token presents.',
    text: /No matching federated identity record found for presented assertion issuer/i
  },
  {
    cause: 'fic-audience-mismatch',
    why: 'No federated identity credential has the audience the token presents.',
    text: /No matching federated identity record found for presented assertion audience/i
  },
  {
    cause: 'no-fic-configured',
    why: 'AADSTS70025: the application has no federated identity credential at all.',
    aadsts: ['70025']
  },
  {
    cause: 'fic-subject-mismatch',
    why: 'AADSTS70021: no federated identity record matches the presented assertion (issuer, subject and ' +
      'audience together); the subject is the usual difference.',
    aadsts: ['70021'],
    decide: decideAssertionRecord,
    alternatives: [
      { cause: 'fic-issuer-mismatch', why: 'The presented issuer must equal the credential\'s issuer exactly ' +
        '(https://token.actions.githubusercontent.com, no trailing slash): compare "Assertion Issuer".' },
      { cause: 'fic-audience-mismatch', why: 'The presented audience must be one of the credential\'s audiences ' +
        '(api://AzureADTokenExchange): compare "Assertion Audience".' },
      { cause: 'no-fic-configured', why: 'An application with no federated credential fails the same way: ' +
        'list them with `az ad app federated-credential list`.' }
    ]
  },
  {
    cause: 'assertion-expired',
    why: 'AADSTS700024: the GitHub OIDC token (client assertion) was outside its valid time range when it was ' +
      'exchanged.',
    aadsts: ['700024', '500133']
  },
  {
    cause: 'assertion-expired',
    why: 'The client assertion was outside its valid time range when it was exchanged.',
    text: /assertion is not within its valid time range/i
  },
  {
    cause: 'app-not-found',
    why: 'The client id is not an application (or managed identity) in this tenant.',
    aadsts: ['700016', '70001', '7000229']
  },
  {
    cause: 'app-not-found',
    why: 'The application has no service principal in this tenant (the token has no `oid`).',
    text: /Application with identifier .{0,60}was not found in the directory|at least one of the claims 'puid' or 'altsecid' or 'oid' should be present|service principal is properly created in the tenant/i
  },
  {
    cause: 'app-not-found',
    why: 'AADSTS7000112: the application (or its service principal) is disabled in this tenant.',
    aadsts: ['7000112']
  },
  {
    cause: 'tenant-not-found',
    why: 'The tenant id does not exist (or belongs to another cloud).',
    aadsts: ['90002', '900023', '50059'],
    alternatives: [{ cause: 'endpoint-cloud-mismatch', why: 'A tenant of US Government or China is not found by ' +
      'the public cloud\'s authority: the `environment` (cloud) decides.' }]
  },
  {
    cause: 'conditional-access-blocked',
    why: 'AADSTS53003: a Conditional Access policy blocked the token for this identity.',
    aadsts: ['53003']
  },
  {
    cause: 'resource-principal-not-found',
    why: 'AADSTS500011: the resource of the requested scope has no service principal in the tenant (the scope ' +
      'is wrong, e.g. the endpoint URL instead of https://cognitiveservices.azure.com/.default).',
    aadsts: ['500011']
  },
  {
    cause: 'invalid-client-secret',
    why: 'A client secret was sent and refused (wrong value, the secret id instead of its value, or expired).',
    aadsts: ['7000215', '7000222']
  },
  {
    cause: 'endpoint-cloud-mismatch',
    why: 'AADSTS900382: the request crossed clouds (public vs US Government vs China).',
    aadsts: ['900382']
  },
  {
    cause: 'fic-issuer-mismatch',
    why: 'AADSTS700027: the client assertion\'s signature could not be validated against the issuer\'s keys.',
    aadsts: ['700027'],
    alternatives: [{ cause: 'oidc-request-failed', why: 'An assertion that is not a GitHub OIDC token (empty, ' +
      'truncated, from another issuer) fails the same way.' }]
  },
  {
    cause: 'oidc-request-failed',
    why: 'The client assertion sent to Entra was empty or not a JWT: the GitHub OIDC token was never obtained.',
    aadsts: ['50027', '7000218', '7000216'],
    alternatives: [{ cause: 'missing-id-token-permission', why: 'The usual reason the assertion is empty: the ' +
      'job lacks `id-token: write`, an earlier "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL" in the log decides.' }]
  },
  {
    cause: 'invalid-input',
    why: 'The requested scope is not valid for a client-credentials request (it must be <resource>/.default).',
    aadsts: ['70011', '1002012', '90009']
  },

  {
    cause: 'invalid-input',
    why: 'AADSTS900144: a required parameter (usually client_id) was empty: the client id reached the request as ' +
      'an empty value (an unset variable or secret).',
    aadsts: ['900144'],
    alternatives: SECRETS_WITHHELD
  },

  // ── Data plane: specific service errors ──
  {
    cause: 'regional-endpoint-no-subdomain',
    why: 'A token was sent to a regional endpoint: Entra ID tokens need the resource\'s custom subdomain.',
    text: /custom subdomain for token authentication|provide a custom subdomain|Subdomain is required for token/i
  },
  {
    cause: 'regional-endpoint-no-subdomain',
    why: 'The service found no credential it accepts: a token sent to a regional endpoint (which takes only ' +
      'keys) gets this older wording.',
    text: /Please provide an authentication key/i,
    alternatives: [{ cause: 'invalid-api-key', why: 'A request with no `api-key` header at all gets the same ' +
      'answer: whether a token or nothing was sent decides.' }],
    decide: (_facts, context) => context.sentCredential === 'api-key'
      ? { cause: 'invalid-api-key', why: 'The api-key header was not accepted as a key.' }
      : undefined
  },
  {
    cause: 'local-auth-disabled',
    why: 'Key authentication is disabled on the resource (disableLocalAuth): only Entra ID tokens are accepted.',
    text: /Key based authentication is disabled|AuthenticationTypeDisabled|local auth(?:entication)? is disabled/i
  },
  {
    cause: 'network-blocked',
    why: 'The resource\'s network rules (firewall, private endpoint, public access disabled) refused the caller.',
    text: /Virtual Network\/Firewall rules|not from an approved private endpoint|Public (?:network )?access is disabled|public network access (?:is )?(?:disabled|not allowed)|ip address .{0,40}(?:is )?not (?:allowed|authorized)|(?:blocked|denied) by (?:the )?(?:firewall|network rules)/i
  },
  {
    cause: 'missing-data-plane-role',
    why: 'The principal authenticated, but holds no role granting the data action (e.g. Cognitive Services ' +
      'OpenAI User) on the resource.',
    text: /lacks the required data action|(?:Principal )?does not have access to API\/Operation/i,
    when: (facts) => !isOtherServiceAction(facts),
    alternatives: [PROPAGATING]
  },
  {
    cause: 'role-assignment-propagating',
    why: 'Azure RBAC refused the caller, and the service says role changes made recently take time to ' +
      'propagate: a role assigned in the last minutes decides.',
    text: /please observe propagation time/i,
    alternatives: [{ cause: 'missing-data-plane-role', why: 'If no role was assigned or changed in the last ' +
      'minutes, the principal lacks a role granting the action (on Azure OpenAI: Cognitive Services OpenAI User).' }]
  },
  {
    cause: 'missing-data-plane-role',
    why: 'Azure RBAC refused the caller: the principal holds no role granting the data action on the resource.',
    text: /Caller is not authorized to perform action on resource|ForbiddenByRbac/i,
    when: (facts) => !isOtherServiceAction(facts),
    alternatives: [PROPAGATING]
  },
  {
    cause: 'token-tenant-mismatch',
    why: 'The token was issued by another tenant than the resource\'s.',
    text: /InvalidAuthenticationTokenTenant|token is from the wrong issuer|does not match (?:the )?resource tenant|(?:token|issuer) tenant .{0,80}does not match|tenant .{0,60}does not match .{0,40}(?:resource|subscription)/i
  },
  {
    cause: 'wrong-token-audience',
    why: 'The token was issued for another audience (resource) than the service accepts.',
    text: /InvalidAuthenticationTokenAudience|obtained for (?:the )?wrong audience|Invalid audience|audience (?:claim )?(?:is )?invalid|(?:required|expected) audience (?:is )?[`'"]?https:\/\/ai\.azure/i
  },
  {
    cause: 'token-expired',
    why: 'The access token had expired when it was used.',
    text: /ExpiredAuthenticationToken|access token expiry UTC time|Lifetime validation failed|(?:access )?token (?:has |is )expired|token expired/i
  },
  {
    cause: 'wrong-token-audience',
    why: 'The service refused the bearer token: its audience is wrong, it is expired, or it is not an Entra ' +
      'token. The token\'s `aud` and `exp` decide.',
    text: /Access token is missing, invalid, audience is incorrect|audience is incorrect|Access token is missing or invalid/i,
    alternatives: GENERIC_401_ALTERNATIVES,
    decide: decideFromToken
  },
  {
    cause: 'wrong-endpoint-host',
    why: 'The request went to api.openai.com (OpenAI\'s platform), not to the Azure OpenAI endpoint.',
    // not any platform.openai.com link: openai-python's connection errors carry an error-codes docs link
    text: /Incorrect API key provided|platform\.openai\.com\/account|https?:\/\/api\.openai\.com\/v1|invalid_organization|No such organization/i,
    alternatives: [{ cause: 'invalid-api-key', why: 'If the request did reach Azure, the key itself is wrong.' }]
  },
  {
    cause: 'invalid-api-key',
    why: 'The API key was refused: it is not a key of this resource (or was regenerated).',
    text: /invalid subscription key|wrong API endpoint|invalid_api_key|API key (?:is )?(?:invalid|not valid)/i,
    alternatives: [
      { cause: 'wrong-endpoint-host', why: 'A valid key of another resource (or a regional endpoint of another ' +
        'region) gets the same 401: the endpoint the key belongs to decides.' },
      { cause: 'endpoint-malformed', why: 'An endpoint pasted with extra path (the whole request URL) gets the same ' +
        '"wrong API endpoint" 401: the endpoint value decides.' }
    ]
  },
  {
    cause: 'invalid-api-key',
    why: 'No key reached the service in the header it reads (`api-key`, or `Ocp-Apim-Subscription-Key` at an API ' +
      'Management gateway): the key is empty or missing.',
    // Azure AI services and API Management: "Access denied due to (a) missing (application credentials or)
    // subscription key. Make sure to include (an application token or) a subscription key..."
    text: /missing (?:application credentials or )?subscription key|include (?:an application token or )?a subscription key/i,
    alternatives: [{ cause: 'key-sent-as-bearer', why: 'A key sent as `Authorization: Bearer` instead of `api-key` ' +
      'is missing from the header the gateway reads: the request\'s headers decide.' }],
    decide: (facts) => facts.bearerIsNotJwt
      ? { cause: 'key-sent-as-bearer', why: 'The key was sent as `Authorization: Bearer`, not in the `api-key` ' +
        'header.' }
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
    text: /DeploymentNotFound|API deployment for this resource does not exist|model_not_found|The model [`'"][^`'"]+[`'"] does not exist|deployment (?:[`'"][^`'"]+[`'"] )?(?:does not exist|was not found|not found)/i
  },
  {
    cause: 'operation-not-supported',
    why: 'The deployment\'s model does not support the operation (e.g. chat on an embeddings model).',
    text: /OperationNotSupported|operation does not work with the specified model|does not support (?:the )?(?:chat|completions|embeddings)/i
  },
  {
    cause: 'unsupported-parameter',
    why: 'The model rejects a request parameter (reasoning models take max_completion_tokens, not max_tokens).',
    text: /unsupported_parameter|unsupported_value|Unsupported (?:parameter|value)|is not supported with this model|Use 'max_completion_tokens' instead|Unrecognized request argument/i,
    alternatives: [{ cause: 'wrong-api-version-or-path', why: 'An api-version older than the parameter ' +
      '(max_completion_tokens needs 2024-09-01-preview or later) is refused the same way.' }]
  },
  {
    cause: 'wrong-api-version-or-path',
    why: 'The api-version is missing, unknown or unsupported for this operation.',
    text: /api[- ]version (?:is )?not supported|Unsupported api[- ]version|api-version .{0,40}(?:is )?(?:not supported|invalid|required|missing)|Missing required query parameter:? api-version|Invalid api-version|apiVersion. argument|OPENAI_API_VERSION|enabled only for api versions?/i
  },
  {
    cause: 'endpoint-malformed',
    why: 'The request URL was built from an endpoint that is not a bare resource URL (an invalid URL, or the ' +
      '/openai/ path twice because the endpoint already held it).',
    text: /ERR_INVALID_URL|TypeError: Invalid URL|\/openai\/(?:deployments\/[^/\s"']+\/[\w/]*)?\/?openai\/|Invalid URL \((?:GET|POST) /i,
    alternatives: [{ cause: 'wrong-api-version-or-path', why: 'If the endpoint is the bare resource URL, the ' +
      'api-version or the path the client adds is wrong.' }]
  },
  {
    cause: 'wrong-api-version-or-path',
    why: '"Resource not found" without DeploymentNotFound: the URL path or api-version is wrong (e.g. an endpoint ' +
      'pasted with extra path, or a base URL the client extends again).',
    text: /\bResource not found\b/i,
    alternatives: [
      { cause: 'endpoint-malformed', why: 'An endpoint with extra path segments builds a wrong URL: the endpoint ' +
        'value decides.' },
      { cause: 'deployment-not-found', why: 'A missing deployment answers DeploymentNotFound instead.' }
    ]
  },
  {
    cause: 'quota-exhausted',
    why: 'The quota is used up (not a momentary rate limit): retrying soon will not help.',
    text: /insufficient_quota|exceeded your current quota|quota (?:has been )?exceeded|out of quota/i
  },
  {
    cause: 'throttled',
    why: 'The deployment\'s rate limit (tokens or requests per minute) was hit; authentication itself worked.',
    text: /exceeded (?:the )?(?:token |call )?rate limit|currently experiencing high demand|exceeds the maximum usage size|Rate limit (?:is |has been )?(?:exceeded|reached)|RateLimitError|Too Many Requests|RateLimitExceeded|rate_limit_exceeded/i,
    alternatives: [{ cause: 'quota-exhausted', why: 'A retry-after of an hour or more would mean a used-up quota.' }],
    decide: decideRateLimit
  },

  // ── Control plane ──
  {
    cause: 'arm-authorization-failed',
    why: 'The identity has no role allowing this control-plane action at this scope.',
    text: /AuthorizationFailed|does not have authorization to perform action|No subscriptions found for|LinkedAuthorizationFailed/i
  },
  {
    cause: 'role-assignment-propagating',
    why: 'The principal or its role assignment is new and has not replicated yet.',
    text: /replication delay|PrincipalNotFound/i,
    alternatives: [{ cause: 'app-not-found', why: 'If the principal id is simply wrong, it will never appear.' }]
  },

  {
    cause: 'invalid-input',
    why: 'The client id or tenant id reached the login step empty (a secret that is not set, or set in an ' +
      'environment the job does not reference).',
    text: /Not all values are present\. Ensure 'client-id' and 'tenant-id' are supplied|Input required and not supplied: (?:client-id|tenant-id|creds)/i,
    alternatives: SECRETS_WITHHELD,
    decide: decideSecretsWithheld
  },

  // ── No credential at all (after the specific rows: a chain that holds an AADSTS or a service error is that) ──
  {
    cause: 'invalid-input',
    why: 'No credential in the chain was configured (DefaultAzureCredential tried environment variables, workload ' +
      'identity, managed identity and the Azure CLI, and none was set up): in a workflow, the client id, tenant id ' +
      'and the GitHub OIDC token are not wired in.',
    text: /DefaultAzureCredential failed to retrieve a token|(?:ChainedTokenCredential|DefaultAzureCredential)(?: authentication failed|: failed to acquire a token)|CredentialUnavailableError|No credential in this chain|EnvironmentCredential (?:authentication )?(?:is )?unavailable|Please run 'az login'/i,
    alternatives: [{ cause: 'oidc-request-failed', why: 'If the workflow runs azure/login or sets ' +
      'AZURE_FEDERATED_TOKEN_FILE, an earlier failed OIDC token request leaves the chain empty the same way.' }]
  },

  // ── Transport ──
  {
    cause: 'proxy-failure',
    why: 'The proxy answered the CONNECT with a gateway error (502/503/504): it could not open the tunnel to the ' +
      'host.',
    text: /Proxy response \((?:502|503|504)\) !== 200 when HTTP Tunneling|tunneling socket could not be established,? statusCode=(?:502|503|504)|Tunnel connection failed: (?:502|503|504)/i,
    alternatives: [{ cause: 'dns-failure', why: 'Corporate proxies answer 502 or 503 when the host does not ' +
      'resolve (a typo in the endpoint, a deleted resource, a private-endpoint-only name): whether ' +
      '`nslookup <host>` finds the name decides.' }]
  },
  {
    cause: 'proxy-failure',
    why: 'The proxy refused or failed the connection (CONNECT tunnel, 407 Proxy Authentication Required).',
    text: /tunneling socket could not be established|Proxy response \(\d{3}\) !== 200 when HTTP Tunneling|Proxy Authentication Required|ProxyError|Unable to connect to proxy|proxy (?:connect(?:ion)? )?(?:refused|failed|error)|CONNECT (?:tunnel )?failed|HTTP code 407|\b407\b.{0,40}proxy/i
  },
  {
    cause: 'tls-failure',
    why: 'The TLS certificate was not trusted (TLS-inspecting proxy, missing CA, wrong host).',
    text: /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT|unable to (?:get|verify) (?:the )?(?:local issuer|first) certificate|CERTIFICATE_VERIFY_FAILED|certificate verify failed|self[- ]signed certificate|certificate has expired|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID|does not match certificate's altnames|remote certificate is invalid|SSL connection could not be established|PKIX path building failed|SSLHandshakeException|unable to find valid certification path|\bSSLError\b|SSL: WRONG_VERSION_NUMBER|Hostname mismatch|certificate is not valid for|SSL certificate problem/i
  },
  {
    cause: 'dns-failure',
    why: 'The host name did not resolve (typo in the endpoint, a deleted resource, or private DNS only).',
    // \b: "ResourceNotFoundException" / "ResourceNotFoundError" contain "enotfound" but are HTTP 404s.
    text: /\bENOTFOUND\b|\bEAI_AGAIN\b|getaddrinfo|Name or service not known|nodename nor servname|No such host is known|NameResolutionError|Failed to resolve|Temporary failure in name resolution|UnknownHostException|Could not resolve host|name resolution failed/i,
    alternatives: [{ cause: 'proxy-failure', why: 'On a network that reaches out only through a proxy, names do ' +
      'not resolve locally: if the runner sits behind one, whether HTTPS_PROXY is set decides.' }]
  },
  {
    cause: 'timeout',
    why: 'The call did not complete in time (network path, proxy, or a hung service).',
    text: /ETIMEDOUT|ESOCKETTIMEDOUT|UND_ERR_(?:CONNECT|HEADERS|BODY)_TIMEOUT|timed out|Request timed out|APITimeoutError|ConnectTimeout|ReadTimeout|The operation was aborted|AbortError|HttpClient\.Timeout|Timeout of \d+ ?ms exceeded|deadline exceeded/i
  },

  {
    cause: 'proxy-failure',
    why: 'Nothing accepted the connection (ECONNREFUSED): an HTTPS_PROXY that is not listening, or a firewall ' +
      'that rejects the connection to the host.',
    text: /ECONNREFUSED|Connection refused/i
  },
  {
    cause: 'proxy-failure',
    why: 'The connection was reset before any HTTP answer (ECONNRESET): a proxy or firewall on the path cut it, ' +
      'typically one that does not allow the host.',
    text: /ECONNRESET|Connection reset by peer/i,
    alternatives: [{ cause: 'tls-failure', why: 'A TLS-inspecting proxy also resets handshakes it refuses: a ' +
      'certificate error in the log decides.' }]
  },

  {
    cause: 'unknown',
    why: 'The connection failed before any HTTP answer, and the text does not keep the underlying error: its ' +
      'code (ENOTFOUND, a certificate error, ECONNREFUSED or ECONNRESET, ETIMEDOUT) decides.',
    text: /Connection error|APIConnectionError|network_error|Network request failed|socket hang up|socket disconnected before secure TLS connection|fetch failed|endpoints_resolution_error|Error communicating with|ServiceRequestError/i,
    alternatives: [
      { cause: 'dns-failure', why: 'ENOTFOUND / getaddrinfo in the underlying error: the host does not resolve.' },
      { cause: 'tls-failure', why: 'A certificate error in the underlying error: a TLS-inspecting proxy.' },
      { cause: 'proxy-failure', why: 'A refused or failed CONNECT through HTTPS_PROXY.' },
      { cause: 'timeout', why: 'ETIMEDOUT: the network path drops the traffic.' }
    ]
  },

  // ── Service errors ──
  {
    cause: 'service-error',
    why: 'The service failed on its side (5xx); it is not a configuration problem.',
    text: /InternalServerError|The server had an error|Internal server error|Service Unavailable|ServiceUnavailable|Bad Gateway|currently overloaded|server_error/i
  },

  // ── Fallbacks: a status with nothing specific ──
  { cause: 'proxy-failure', why: 'HTTP 407: the proxy requires authentication.', status: [407] },
  {
    cause: 'oidc-request-failed',
    why: 'GitHub\'s OIDC token endpoint answered with an error, or with no token.',
    phase: ['github-oidc']
  },
  {
    cause: 'missing-data-plane-role',
    why: 'A bare 401 from the data plane: the response body (error.code) tells which; PermissionDenied is the ' +
      'most common with Entra tokens.',
    status: [401],
    phase: ['data-plane', 'unknown'],
    alternatives: [
      { cause: 'wrong-token-audience', why: 'A token for another audience gets 401 too: the token\'s `aud` decides.' },
      { cause: 'invalid-api-key', why: 'With an API key, a 401 means the key is wrong.' },
      { cause: 'token-expired', why: 'An expired token gets 401: the token\'s `exp` decides.' }
    ],
    decide: decideByCredential
  },
  {
    cause: 'network-blocked',
    why: 'A bare 403 from the data plane: network rules or disabled key authentication.',
    status: [403],
    phase: ['data-plane', 'unknown'],
    alternatives: [{ cause: 'local-auth-disabled', why: 'With an API key, a 403 usually means key authentication ' +
      'is disabled.' }],
    decide: (_facts, context) => context.sentCredential === 'api-key'
      ? { cause: 'local-auth-disabled', why: 'An API key was refused with 403.' }
      : undefined
  },
  {
    cause: 'wrong-api-version-or-path',
    why: 'A 404 without DeploymentNotFound: the path or api-version is wrong (e.g. an endpoint pasted with ' +
      'extra path).',
    status: [404],
    phase: ['data-plane', 'unknown'],
    alternatives: [
      { cause: 'deployment-not-found', why: 'A missing deployment answers 404 DeploymentNotFound.' },
      { cause: 'endpoint-malformed', why: 'An endpoint with extra path segments builds a wrong URL.' }
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
