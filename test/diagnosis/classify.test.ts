// The classifier on the shapes users paste. Texts marked "source:" are copied from the public thread named; the
// others are synthetic variants (labelled so) that exercise one shape or one look-alike at a time.
import { UnsecuredJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { classify } from '../../src/diagnosis/classify.ts'
import type { DiagnosisContext } from '../../src/diagnosis/types.ts'

const PERMISSION_DENIED_BODY = '{"error":{"code":"PermissionDenied","message":"The principal ' +
  '`5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11` lacks the required data action ' +
  '`Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action` to perform ' +
  '`POST /openai/deployments/{deployment-id}/chat/completions` operation."}}' // source: https://github.com/microsoft/semantic-kernel/issues/10020 (shape)
const INVALID_KEY_BODY = '{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong ' +
  'API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API ' +
  'endpoint for your resource."}}'
// source: https://github.com/run-llama/llama_index/issues/12484
const GENERIC_401 = "openai.AuthenticationError: Error code: 401 - {'statusCode': 401, 'message': 'Unauthorized. " +
  "Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.'}"
const NO_OIDC = 'Error: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable' // source: action-anchors.md §C (core)

function causes(text: string, context?: DiagnosisContext): string[] {
  return classify({ text }, context).candidates.map((c) => c.cause)
}

function token(claims: Record<string, unknown>): string {
  return new UnsecuredJWT(claims).encode()
}

describe('look-alikes that only the body tells apart', () => {
  it('a 401 PermissionDenied is a missing data-plane role, with the principal and data action read', () => {
    const diagnosis = classify({ text: `Error code: 401 - ${PERMISSION_DENIED_BODY}` })
    expect(diagnosis.cause).toBe('missing-data-plane-role')
    expect(diagnosis.evidence).toMatchObject({
      status: 401,
      principalId: '5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11',
      dataAction: 'Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action',
      operation: 'POST /openai/deployments/{deployment-id}/chat/completions'
    })
    expect(diagnosis.evidence.deployment).toBeUndefined() // `{deployment-id}` is the message's placeholder
  })

  it('a 401 "invalid subscription key" is a wrong key, even when .NET prints the reason phrase PermissionDenied', () => {
    // source: https://github.com/SciSharp/BotSharp (corpus case botsharp-openai-key-against-azure, .NET shape)
    const text = `Azure.RequestFailedException: Service request failed.\nStatus: 401 (PermissionDenied)\n\nContent:\n${INVALID_KEY_BODY}`
    expect(classify({ text }).cause).toBe('invalid-api-key')
  })

  it('the generic audience 401 ranks wrong audience, expired, key-as-bearer and says the token decides', () => {
    const diagnosis = classify({ text: GENERIC_401 })
    expect(diagnosis.candidates.map((c) => c.cause).slice(0, 3))
      .toEqual(['wrong-token-audience', 'token-expired', 'key-sent-as-bearer'])
    expect(diagnosis.candidates[0].why).toMatch(/`aud` and `exp` decide/)
    expect(diagnosis.evidence.expectedAudience).toBe('https://cognitiveservices.azure.com')
  })

  it('the generic 401 is decided by the claims of the token that was sent', () => {
    const now = Math.floor(Date.now() / 1000)
    const expired = { aud: 'https://cognitiveservices.azure.com', exp: now - 60, tid: 't1' }
    const wrongAudience = { aud: 'https://management.azure.com/', exp: now + 3600, tid: 't1' }
    const otherTenant = { aud: 'https://cognitiveservices.azure.com', exp: now + 3600, tid: 't2' }
    expect(causes(GENERIC_401, { accessTokenClaims: expired })).toEqual(['token-expired'])
    expect(causes(GENERIC_401, { accessTokenClaims: wrongAudience })).toEqual(['wrong-token-audience'])
    expect(causes(GENERIC_401, { accessTokenClaims: otherTenant, sentCredential: 'entra-token' }))
      .toEqual(['token-tenant-mismatch'])
    expect(causes(GENERIC_401, { sentCredential: 'api-key' })).toEqual(['key-sent-as-bearer'])
  })

  it('a pasted curl -v with the bearer decides too: a JWT by its claims, a 32-hex key as key-sent-as-bearer', () => {
    // synthetic: curl -v around the real body
    const curl = (bearer: string) => `> POST /openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21 ` +
      `HTTP/1.1\n> Host: contoso.openai.azure.com\n> Authorization: Bearer ${bearer}\n>\n< HTTP/1.1 401 Unauthorized\n` +
      '{"statusCode":401,"message":"Unauthorized. Access token is missing, invalid, audience is incorrect ' +
      '(https://cognitiveservices.azure.com), or have expired."}'
    const graphToken = token({ aud: 'https://graph.microsoft.com', exp: Math.floor(Date.now() / 1000) + 600 })
    const withJwt = classify({ text: curl(graphToken) })
    expect(withJwt.cause).toBe('wrong-token-audience')
    expect(withJwt.evidence.jwtClaims).toEqual([expect.objectContaining({ aud: 'https://graph.microsoft.com' })])
    expect(JSON.stringify(withJwt)).not.toContain(graphToken)
    expect(classify({ text: curl('0123456789abcdef0123456789abcdef') }).cause).toBe('key-sent-as-bearer')
  })

  it('the audience the answer names is compared with the token\'s, when it is a URL', () => {
    const now = Math.floor(Date.now() / 1000)
    const cognitive = { aud: 'https://cognitiveservices.azure.com', exp: now + 600 }
    const project = '{"statusCode":401,"message":"Unauthorized. Access token is missing, invalid, audience is ' +
      'incorrect (https://ai.azure.com), or have expired."}' // synthetic: a Foundry project endpoint's answer
    expect(causes(project, { accessTokenClaims: cognitive })).toEqual(['wrong-token-audience'])
    // source: https://github.com/Gitlawb/openclaude/issues/200 (a newer wording naming internal audiences)
    const internal = '401 Unauthorized. Access token is missing, invalid, audience is incorrect (urn:ms.scopedToken or ' +
      'urn:ms.faceSessionToken), or have expired.'
    expect(causes(internal, { accessTokenClaims: cognitive })).not.toEqual(['wrong-token-audience'])
  })

  it('missing id-token permission, fork and Dependabot share one text: the event decides', () => {
    expect(causes(NO_OIDC)).toEqual(['missing-id-token-permission', 'fork-pr-no-oidc', 'dependabot-no-oidc'])
    const event = (isForkPullRequest: boolean, isDependabot: boolean) =>
      ({ event: { name: 'pull_request', isForkPullRequest, isDependabot } })
    expect(causes(NO_OIDC, event(true, false))).toEqual(['fork-pr-no-oidc'])
    expect(causes(NO_OIDC, event(false, true))).toEqual(['dependabot-no-oidc'])
    expect(causes(NO_OIDC, event(false, false))).toEqual(['missing-id-token-permission'])
  })

  it('AADSTS7002138 (case) and AADSTS700213 are both subject mismatches, told apart in the why', () => {
    // source: https://github.com/Azure/login/issues/515
    const caseOnly = classify({ text: "Error: AADSTS7002138: No matching federated identity record found for " +
      "presented assertion subject 'repo:CODfreak213421/IsocertsgDashboard23:environment:Production'. The subject " +
      'matches with case-insensitive comparison, but not with case-sensitive comparison.' })
    expect(caseOnly.cause).toBe('fic-subject-mismatch')
    expect(caseOnly.candidates[0].why).toMatch(/case-sensitively/)
    expect(caseOnly.evidence.aadstsCodes).toEqual(['7002138'])
    expect(caseOnly.evidence.subject).toBe('repo:CODfreak213421/IsocertsgDashboard23:environment:Production')
    // source: https://github.com/Azure/login/issues/379
    const plain = classify({ text: "Error: AADSTS700213: No matching federated identity record found for presented " +
      "assertion subject 'repo:yoonaoh/github-action-testfunctionapp-java:ref:refs/heads/master'. Please check your " +
      'federated identity credential Subject, Audience and Issuer against the presented assertion' })
    expect(plain.evidence.aadstsCodes).toEqual(['700213'])
    expect(plain.candidates[0].why).not.toMatch(/case-sensitively/)
  })

  it('a 429 asking to retry after 86400 seconds is an exhausted quota, a 429 of seconds is a throttle', () => {
    // source: https://github.com/alex-wolf-ps/dbchatprov2/issues/2
    const quota = classify({ text: 'HTTP 429 (429) Requests to the ChatCompletions_Create Operation under Azure ' +
      'OpenAI API version 2024-05-01-preview have exceeded token rate limit of your current OpenAI S0 pricing tier. ' +
      'Please retry after 86400 seconds.' })
    expect(quota.cause).toBe('quota-exhausted')
    expect(quota.evidence.retryAfterSeconds).toBe(86400)
    // source: https://github.com/microsoft/copilot-camp/issues/551
    const throttle = classify({ text: '{"error":{"code":"429","message": "Rate limit is exceeded. Try again in 2 seconds."}}' })
    expect(throttle.cause).toBe('throttled')
    expect(throttle.evidence.retryAfterSeconds).toBe(2)
  })

  it('a Retry-After header decides a bare 429', () => {
    expect(classify({ text: '', status: 429, headers: { 'retry-after': '86400' } }).cause).toBe('quota-exhausted')
    expect(classify({ text: '', status: 429, headers: { 'retry-after': '3' } }).cause).toBe('throttled')
  })
})

describe('held-out texts that first slipped through', () => {
  it('a 404 ResourceNotFoundException is not a DNS failure, though its name contains "enotfound" (synthetic)', () => {
    const text = 'com.azure.core.exception.ResourceNotFoundException: Status code 404, "{"error":{"code":' +
      '"DeploymentNotFound","message":"The API deployment for this resource does not exist."}}"'
    expect(causes(text)).toEqual(['deployment-not-found'])
  })

  // source: https://github.com/freifunkMUC/unifi_respondd/pull/59
  it('an "unset" ACTIONS_ID_TOKEN_REQUEST_TOKEN is a missing id-token permission', () => {
    const text = 'OpenID Connect token retrieval failed: GitHub: missing or insufficient OIDC token permissions, ' +
      'the ACTIONS_ID_TOKEN_REQUEST_TOKEN environment variable was unset'
    expect(causes(text)[0]).toBe('missing-id-token-permission')
  })

  it('a name that does not resolve offers a proxy as the alternative (source: BerriAI/litellm#1458)', () => {
    expect(causes('httpx.ConnectError: [Errno 11001] getaddrinfo failed')).toEqual(['dns-failure', 'proxy-failure'])
  })
})

describe('Entra token errors', () => {
  it.each([
    ['AADSTS700211: No matching federated identity record found for presented assertion issuer ' +
      "'https://token.actions.githubusercontent.com'.", 'fic-issuer-mismatch'],
    ['AADSTS700212: No matching federated identity record found for presented assertion audience ' +
      "'api://AzureADTokenExchange'.", 'fic-audience-mismatch'],
    ["AADSTS70025: The client 'b4f0...'(my-app) has no configured federated identity credentials.", 'no-fic-configured'],
    ["AADSTS700016: Application with identifier '6f1e2d3c-0000-4000-8000-000000000001' was not found in the " +
      "directory 'Contoso'.", 'app-not-found'],
    ["AADSTS90002: Tenant '11111111-2222-3333-4444-555555555555' not found.", 'tenant-not-found'],
    ['AADSTS700024: Client assertion is not within its valid time range. Current time: 2024-05-28T06:01:42Z, ' +
      'assertion valid from 2024-05-28T02:19:01Z', 'assertion-expired'],
    ['AADSTS500011: The resource principal named https://contoso.openai.azure.com was not found in the tenant ' +
      'named Contoso.', 'resource-principal-not-found'],
    ["AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client " +
      "secret value, not the client secret ID, for a secret added to app '***'.", 'invalid-client-secret'],
    ['AADSTS50027: JWT token is invalid or malformed.', 'oidc-request-failed'],
    ['AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token ' +
      'issuance.', 'conditional-access-blocked']
  ])('synthetic single line: %s → %s', (text, cause) => {
    expect(classify({ text }).cause).toBe(cause)
  })

  it('the @azure/identity message format (Error(s): N - Timestamp ... Description) is read', () => {
    // synthetic: the AuthenticationRequiredError format recorded in test-world-spike-1.md
    const text = 'AuthenticationRequiredError: invalid_request: Error(s): 700213 - Timestamp: 2026-11-24 06:00:00Z - ' +
      "Description: AADSTS700213: No matching federated identity record found for presented assertion subject " +
      "'repo:octo-org/octo-repo:pull_request'. - Correlation ID: 6e0b2f1d-4c29-4c9e-8a6a-1f3b5a7c9d11 - " +
      'Trace ID: 2b4e1a37-77b5-4e3c-9a0d-8c2c2f0a4b00'
    const diagnosis = classify({ text })
    expect(diagnosis.cause).toBe('fic-subject-mismatch')
    expect(diagnosis.evidence).toMatchObject({
      subject: 'repo:octo-org/octo-repo:pull_request',
      correlationId: '6e0b2f1d-4c29-4c9e-8a6a-1f3b5a7c9d11',
      traceId: '2b4e1a37-77b5-4e3c-9a0d-8c2c2f0a4b00',
      oauthError: 'invalid_request'
    })
  })

  it('an escaped Entra JSON body inside a Go log line is read (source: Azure/azure-workload-identity#616)', () => {
    const text = 'E1027 23:39:22.893319 1 token_credential.go:62] "failed to acquire token" err="FromAssertion(): ' +
      'reply status code was 400:\\n{\\"error\\":\\"invalid_request\\",\\"error_description\\":\\"AADSTS70021: No ' +
      "matching federated identity record found for presented assertion. Assertion Issuer: 'https://kubernetes." +
      "default.svc.cluster.local'. Assertion Subject: 'system:serviceaccount:default:workload-identity-sa'. " +
      "Assertion Audience: 'api://AzureADTokenExchange'.\\\",\\\"error_codes\\\":[70021]}\""
    const diagnosis = classify({ text })
    expect(diagnosis.evidence).toMatchObject({ subject: 'system:serviceaccount:default:workload-identity-sa',
      issuer: 'https://kubernetes.default.svc.cluster.local', audience: 'api://AzureADTokenExchange' })
    // a cluster-internal issuer is never the public issuer a credential is registered for
    expect(diagnosis.cause).toBe('fic-issuer-mismatch')
  })

  it('AADSTS70021 from GitHub ranks the subject first and the issuer next, whatever slash the issuer shows', () => {
    // source: https://github.com/ned1313/terraform-azuread-github_oidc/issues/3 (fixed by pull_request in the subject)
    const text = "Error: : AADSTS70021: No matching federated identity record found for presented assertion. Assertion " +
      "Issuer: 'https://token.actions.githubusercontent.com/'. Assertion Subject: 'repo:algodx-ab/infrastructure:" +
      "pull_request'. Assertion Audience: 'api://AzureADTokenExchange'."
    expect(causes(text)).toEqual(['fic-subject-mismatch', 'fic-issuer-mismatch', 'fic-audience-mismatch',
      'no-fic-configured'])
  })

  it('AADSTS70021 with an unusual presented audience is decided as an audience mismatch (synthetic)', () => {
    const text = "AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: " +
      "'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:o/r:ref:refs/heads/main'. " +
      "Assertion Audience: 'https://github.com/o'."
    expect(causes(text)).toEqual(['fic-audience-mismatch'])
  })

  it('the root cause wins over what follows it: a missing permission, then AADSTS50027 (source: ebpf-for-windows#2867)', () => {
    const text = 'Using OIDC authentication...\nError:  Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable. ' +
      'Please make sure to give write permissions to id-token in the workflow.\n/usr/bin/az cloud set -n azurecloud\n' +
      'Error: : AADSTS50027: JWT token is invalid or malformed.'
    expect(classify({ text }).cause).toBe('missing-id-token-permission')
  })

  it('a failed token request on a self-hosted runner is not a missing permission (source: Azure/login#302)', () => {
    const text = "Error:  Cannot read properties of undefined (reading 'message'). Please make sure to give write " +
      'permissions to id-token in the workflow.\nError: : AADSTS50027: JWT token is invalid or malformed.'
    expect(classify({ text }).cause).toBe('oidc-request-failed')
  })
})

describe('data-plane errors in the shapes users paste', () => {
  it.each([
    // source: azure-facts.md §1.1 (microsoft/microsoft-foundry-for-vscode#131)
    ['{"error":{"code":"BadRequest","message":"Please provide a custom subdomain for token authentication, otherwise ' +
      'API key is required."}}', 'regional-endpoint-no-subdomain'],
    ['{"error":{"code":"AuthenticationTypeDisabled","message":"Key based authentication is disabled for this ' +
      'resource."}}', 'local-auth-disabled'],
    ['{"error":{"code":"403","message": "Access denied due to Virtual Network/Firewall rules."}}', 'network-blocked'],
    ['{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist. If you ' +
      'created the deployment within the last 5 minutes, please wait a moment and try again."}}', 'deployment-not-found'],
    ['{"error":{"code":"OperationNotSupported","message":"The chatCompletion operation does not work with the ' +
      'specified model, text-embedding-3-small. Please choose different model and try again."}}', 'operation-not-supported'],
    ["Error code: 400 - {'error': {'message': \"Unsupported parameter: 'max_tokens' is not supported with this model. " +
      "Use 'max_completion_tokens' instead.\", 'type': 'invalid_request_error', 'param': 'max_tokens', 'code': " +
      "'unsupported_parameter'}}", 'unsupported-parameter'],
    ['{"error":{"code":"404","message": "Resource not found"}}', 'wrong-api-version-or-path'],
    ['{"error":{"code":"InternalServerError","message":"The server had an error while processing your request."}}',
      'service-error']
  ])('synthetic body %s → %s', (text, cause) => {
    expect(classify({ text }).cause).toBe(cause)
  })

  it('a model or feature that needs a newer api-version is a wrong api-version (source: azure-search-openai-demo#2496)', () => {
    const text = "openai.BadRequestError: Error code: 400 - {'error': {'code': 'BadRequest', 'message': 'Model " +
      "{modelName} is enabled only for api versions 2024-12-01-preview and later'}}"
    expect(classify({ text })).toMatchObject({ cause: 'wrong-api-version-or-path', evidence: { status: 400 } })
  })

  it('openai-node prints "<status> <message>": the status is read', () => {
    // synthetic: openai-node's APIError message format
    const diagnosis = classify({ text: 'Error: 401 Access denied due to invalid subscription key or wrong API endpoint.' })
    expect(diagnosis).toMatchObject({ cause: 'invalid-api-key', evidence: { status: 401 } })
  })

  it('a log with timestamps, ##[error] prefixes and a message wrapped mid-word is read as one text', () => {
    // synthetic: a GitHub Actions log of the PermissionDenied body, hard-wrapped at 60 columns
    const body = `Error code: 401 - ${PERMISSION_DENIED_BODY}`
    const wrapped = body.match(/.{1,60}/g)!.map((line) => `2026-11-24T06:00:00.1234567Z ##[error]${line}`).join('\n')
    const diagnosis = classify({ text: wrapped })
    expect(diagnosis.cause).toBe('missing-data-plane-role')
  })

  it('a LiteLLM-wrapped Azure 429 keeps the inner retry-after (source: jasonacox/TinyLLM#17)', () => {
    const text = "INFO:server:ERROR: Error code: 429 - {'error': {'message': \"litellm.RateLimitError: AzureException " +
      "RateLimitError - Error code: 429 - {'error': {'code': '429', 'message': 'Requests to the ChatCompletions_Create " +
      'Operation under Azure OpenAI API version 2023-05-15 have exceeded token rate limit of your current AIServices ' +
      "S0 pricing tier. Please retry after 86400 seconds.'}}\", 'type': 'throttling_error', 'param': None, 'code': '429'}}"
    expect(classify({ text }).cause).toBe('quota-exhausted')
  })

  it('a bare data-plane status is answered by the status, ranked by what the body would have said (synthetic)', () => {
    expect(classify({ text: '', status: 401, phase: 'data-plane' }, { sentCredential: 'api-key' }).cause)
      .toBe('invalid-api-key')
    expect(classify({ text: '', status: 403, phase: 'data-plane' }, { sentCredential: 'api-key' }).cause)
      .toBe('local-auth-disabled')
    expect(classify({ text: 'Service Unavailable', status: 503 }).cause).toBe('service-error')
  })
})

describe('transport errors', () => {
  it.each([
    ['Error: getaddrinfo ENOTFOUND contoso.openai.azure.com', 'dns-failure'],
    ["HTTPSConnectionPool(host='myopenai.openai.azure.com', port=443): Max retries exceeded with url: /openai/" +
      "deployments/davinci/completions (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_" +
      "FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1002)')))", 'tls-failure'],
    ['Connection error. <- fetch failed <- self-signed certificate in certificate chain (SELF_SIGNED_CERT_IN_CHAIN)',
      'tls-failure'],
    ['Error: tunneling socket could not be established, statusCode=407', 'proxy-failure'],
    ['APITimeoutError: Request timed out.', 'timeout'],
    ['connect ETIMEDOUT 20.42.0.1:443', 'timeout']
  ])('synthetic %s → %s', (text, cause) => {
    expect(classify({ text }).cause).toBe(cause)
  })

  it('a bare "Connection error." names the transport causes and says the underlying code decides', () => {
    const diagnosis = classify({ text: 'APIConnectionError: Connection error.' })
    expect(diagnosis.cause).toBe('unknown')
    expect(diagnosis.candidates.map((c) => c.cause)).toEqual(['unknown', 'dns-failure', 'tls-failure',
      'proxy-failure', 'timeout'])
  })
})

describe('control plane and the rest', () => {
  it('a DefaultAzureCredential chain with nothing configured is a missing input, not the IMDS timeout inside it', () => {
    // source: https://github.com/Azure/azure-cli/issues/29063 (shape; its AzureCliCredential line replaced, synthetic)
    const text = 'azure.core.exceptions.ClientAuthenticationError: DefaultAzureCredential failed to retrieve a token ' +
      'from the included credentials.\nAttempted credentials:\n\tEnvironmentCredential: EnvironmentCredential ' +
      'authentication unavailable. Environment variables are not fully configured.\n\tManagedIdentityCredential: ' +
      'ManagedIdentityCredential authentication unavailable, no response from the IMDS endpoint. connect ETIMEDOUT ' +
      "169.254.169.254:80\n\tAzureCliCredential: Please run 'az login' to set up an account"
    expect(classify({ text }).cause).toBe('invalid-input')
  })

  it('the same chain with an AADSTS inside is that AADSTS (source: Azure/login#372)', () => {
    const text = 'Azure.Identity.CredentialUnavailableException : DefaultAzureCredential failed to retrieve a token ' +
      'from the included credentials.\n- Azure CLI authentication failed due to an unknown error. ERROR: ' +
      'AADSTS700024: Client assertion is not within its valid time range. Current time: 2023-10-31T11:53:04.4424859Z, ' +
      'assertion valid from 2023-10-31T11:39:49.0000000Z, expiry time of assertion 2023-10-31T11:44:49.0000000Z.'
    expect(classify({ text }).cause).toBe('assertion-expired')
  })

  it('ARM AuthorizationFailed is read with its principal and action', () => {
    // synthetic: azure-cli shape of the ARM error
    const text = "(AuthorizationFailed) The client 'a1b2c3d4-0000-4000-8000-000000000000' with object id " +
      "'a1b2c3d4-0000-4000-8000-000000000000' does not have authorization to perform action " +
      "'Microsoft.CognitiveServices/accounts/read' over scope '/subscriptions/x' or the scope is invalid."
    const diagnosis = classify({ text })
    expect(diagnosis.cause).toBe('arm-authorization-failed')
    expect(diagnosis.evidence).toMatchObject({ dataAction: 'Microsoft.CognitiveServices/accounts/read',
      principalId: 'a1b2c3d4-0000-4000-8000-000000000000' })
  })

  it('anything else is unknown, with a redacted excerpt as evidence', () => {
    const diagnosis = classify({ text: 'Something odd happened. Authorization: Bearer abcdefghijklmnopqrstuvwxyz' })
    expect(diagnosis.cause).toBe('unknown')
    expect(diagnosis.evidence.excerpt).toBe('Something odd happened. Authorization: Bearer ***')
  })
})

describe('wrapped errors keep their cause, not their wrapper\'s links', () => {
  it('a promptflow-wrapped connection error is not mistaken for OpenAI\'s platform (source: microsoft/promptflow#2618)', () => {
    const text = 'OpenAI API hits APIConnectionError: Connection error. [Error reference: ' +
      'https://platform.openai.com/docs/guides/error-codes/api-errors]'
    expect(classify({ text }).cause).toBe('unknown')
    expect(classify({ text }).candidates.map((c) => c.cause)).toContain('tls-failure')
  })

  it('OpenAI\'s own 401 for an Azure key means the request went to api.openai.com', () => {
    // source: https://github.com/microsoft/semantic-kernel/issues/878
    const text = 'Error: Access denied: The request is not authorized, HTTP status: 401\nDetail: Incorrect API key ' +
      'provided: text-emb**********-002. You can find your API key at https://platform.openai.com/account/api-keys.'
    expect(classify({ text })).toMatchObject({ cause: 'wrong-endpoint-host', evidence: { status: 401 } })
  })
})

describe('masked values', () => {
  it('a subject the log masked (***) is not read as the subject (source: dotnet/maui#31978)', () => {
    const text = "##[error]Script failed with error: ERROR: AADSTS700213: No matching federated identity record found " +
      "for presented assertion subject '***'. Check your federated identity credential Subject, Audience and Issuer " +
      'against the presented assertion. Trace ID: 8eea681d-a1eb-487d-9be7-d61225177f00'
    const diagnosis = classify({ text })
    expect(diagnosis.cause).toBe('fic-subject-mismatch')
    expect(diagnosis.evidence.subject).toBeUndefined()
    expect(diagnosis.evidence.traceId).toBe('8eea681d-a1eb-487d-9be7-d61225177f00')
  })
})

describe('empty inputs', () => {
  it('Azure/login\'s "Not all values are present" is an empty client or tenant id (source: Azure/login#481)', () => {
    const text = "Error: Login failed with Error: Using auth-type: SERVICE_PRINCIPAL. Not all values are present. " +
      "Ensure 'client-id' and 'tenant-id' are supplied.. Double check if the 'auth-type' is correct."
    expect(causes(text)).toEqual(['invalid-input', 'fork-pr-no-oidc', 'dependabot-no-oidc'])
    expect(causes(text, { event: { name: 'pull_request', isForkPullRequest: false, isDependabot: true } }))
      .toEqual(['dependabot-no-oidc'])
  })
})

describe('pasted workflows', () => {
  it('a workflow pasted with the error does not turn `id-token: write` into the cause (source: Azure/login#375 shape)', () => {
    // synthetic: the workflow of Azure/login#375 followed by a subject mismatch
    const text = 'permissions:\n  id-token: write # This is required for requesting the JWT\n  contents: read\n' +
      "Error: AADSTS700213: No matching federated identity record found for presented assertion subject " +
      "'repo:octo-org/octo-repo:pull_request'."
    expect(classify({ text }).cause).toBe('fic-subject-mismatch')
  })
})

describe('API Management gateways', () => {
  it('"missing ... subscription key" is a key that did not reach the header the gateway reads (source: openai/codex#3048)', () => {
    const text = 'stream error: unexpected status 401 Unauthorized: { "statusCode": 401, "message": "Access denied due ' +
      'to a missing application credentials or subscription key. Make sure to include an application token or a ' +
      'subscription key when making requests to the API." }'
    expect(causes(text)).toEqual(['invalid-api-key', 'key-sent-as-bearer'])
    // synthetic: the same answer with the request's Authorization header in the paste
    expect(causes(`> Authorization: Bearer 0123456789abcdef0123456789abcdef\n${text}`)).toEqual(['key-sent-as-bearer'])
  })
})

describe('the phase, when known, picks the fallback', () => {
  it('a bare error from the GitHub OIDC step is a failed token request, a 407 there is the proxy', () => {
    expect(classify({ text: 'Error', status: 500, phase: 'github-oidc' }).cause).toBe('oidc-request-failed')
    expect(classify({ text: '', status: 407, phase: 'github-oidc' }).cause).toBe('proxy-failure')
  })

  it('a bare 401 or 404 is read as the data plane\'s only when the phase is the data plane or unknown', () => {
    expect(classify({ text: '', status: 401 }).cause).toBe('missing-data-plane-role')
    expect(classify({ text: '', status: 404, phase: 'data-plane' }).cause).toBe('wrong-api-version-or-path')
    expect(classify({ text: '', status: 401, phase: 'entra-token' }).cause).toBe('unknown')
  })
})

describe('rules that need their context, not only their words', () => {
  it('a JavaScript "reading \'message\'" TypeError is a failed OIDC request only in an OIDC login (synthetic)', () => {
    const bug = "TypeError: Cannot read properties of undefined (reading 'message')\n    at render (/app/src/chat.js:12:9)"
    expect(classify({ text: bug }).cause).toBe('unknown')
    const login = "Login failed with Error: Error message: Cannot read properties of undefined (reading 'message'). " +
      "Double check if the 'auth-type' is correct. Refer to https://github.com/Azure/login#readme"
    expect(classify({ text: login }).cause).toBe('oidc-request-failed')
    expect(classify({ text: bug, phase: 'github-oidc' }).cause).toBe('oidc-request-failed')
  })

  it('a Key Vault RBAC denial is not answered with an Azure OpenAI role (synthetic, Key Vault\'s wording)', () => {
    const keyVault = 'Azure.RequestFailedException: Caller is not authorized to perform action on resource. ' +
      "Caller: appid=6f1e2d3c-0000-4000-8000-000000000001;oid=5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11 " +
      "Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' Status: 403 (Forbidden) ErrorCode: Forbidden " +
      '{"error":{"code":"Forbidden","message":"Caller is not authorized","innererror":{"code":"ForbiddenByRbac"}}}'
    const diagnosis = classify({ text: keyVault })
    expect(diagnosis.cause).not.toBe('missing-data-plane-role')
    expect(diagnosis.evidence.dataAction).toBe('Microsoft.KeyVault/vaults/secrets/getSecret/action')
  })

  it('a PermissionDenied naming an Azure OpenAI data action is still a missing data-plane role', () => {
    expect(classify({ text: PERMISSION_DENIED_BODY, status: 401 }).cause).toBe('missing-data-plane-role')
  })

  it('an RBAC denial that asks to observe propagation time ranks propagation first, the missing role next', () => {
    // source: https://github.com/Azure/azure-cli/issues/ (corpus case cli-role-assignment-not-propagated)
    const text = 'ERROR: Caller is not authorized to perform action on resource.\nIf role assignments, deny ' +
      'assignments or role definitions were changed recently, please observe propagation time.'
    expect(causes(text)).toEqual(['role-assignment-propagating', 'missing-data-plane-role'])
  })
})

describe('connection failures with their code', () => {
  it.each([
    ['Connection error. <- fetch failed <- read ECONNRESET (ECONNRESET)', 'proxy-failure'],
    ['Error: connect ECONNREFUSED 127.0.0.1:3128', 'proxy-failure'],
    ['ClientAuthError: network_error: Network request failed <- getaddrinfo ENOTFOUND login.microsoftonline.com ' +
      '(ENOTFOUND)', 'dns-failure'],
    ['ClientAuthError: network_error: Network request failed <- read ECONNRESET (ECONNRESET)', 'proxy-failure'],
    ['ClientAuthError: network_error: Network request failed <- unable to verify the first certificate ' +
      '(UNABLE_TO_VERIFY_LEAF_SIGNATURE)', 'tls-failure']
  ])('synthetic %s → %s', (text, cause) => {
    expect(classify({ text, phase: 'entra-token' }).cause).toBe(cause)
  })

  it('MSAL\'s network_error without an underlying code is unknown, ranking the transport causes', () => {
    const diagnosis = classify({ text: 'ClientAuthError: network_error: Network request failed', phase: 'entra-token' })
    expect(diagnosis.candidates.map((c) => c.cause)).toEqual(['unknown', 'dns-failure', 'tls-failure',
      'proxy-failure', 'timeout'])
  })

  it('a proxy answering the CONNECT with 502 offers a host that does not resolve, and says what decides', () => {
    const diagnosis = classify({ text: 'Connection error. <- fetch failed <- Proxy response (502) !== 200 when ' +
      'HTTP Tunneling' })
    expect(diagnosis.candidates.map((c) => c.cause)).toEqual(['proxy-failure', 'dns-failure'])
    expect(diagnosis.candidates[1].why).toMatch(/nslookup/)
    expect(causes('Proxy response (407) !== 200 when HTTP Tunneling')).toEqual(['proxy-failure'])
  })
})

describe('sovereign clouds', () => {
  it('reads the host of every cloud\'s endpoints, the China regional one included', () => {
    expect(classify({ text: 'POST https://eastchina2.api.cognitive.azure.cn/openai/deployments/x 401' }).evidence.host)
      .toBe('eastchina2.api.cognitive.azure.cn')
    expect(classify({ text: 'POST https://contoso.openai.azure.us/openai/deployments/x 401' }).evidence.host)
      .toBe('contoso.openai.azure.us')
  })

  it('a US Government token is of an accepted audience (synthetic)', () => {
    const bearer = token({ aud: 'https://cognitiveservices.azure.us', exp: Math.floor(Date.now() / 1000) - 60 })
    const text = '401 Unauthorized. Access token is missing, invalid, audience is incorrect, or have expired. ' +
      `Authorization: Bearer ${bearer}`
    expect(classify({ text }).cause).toBe('token-expired')
  })

  it('AADSTS70021 with the China exchange audience is not an audience mismatch (synthetic)', () => {
    const text = "AADSTS70021: No matching federated identity record found for presented assertion. Assertion " +
      "Issuer: 'https://token.actions.githubusercontent.com'. Assertion Subject: 'repo:o/r:ref:refs/heads/main'. " +
      "Assertion Audience: 'api://AzureADTokenExchangeChina'."
    expect(classify({ text }).cause).toBe('fic-subject-mismatch')
  })
})
