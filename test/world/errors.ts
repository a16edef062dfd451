// Error bodies the fakes answer with, copied from real responses in public reports (source beside each).
import { randomUUID } from 'node:crypto'

export interface FakeError {
  status: number
  body: unknown
  headers?: Record<string, string>
}

// ---------------------------------------------------------------------------------------------------- Entra ID
// Shape of every AADSTS body (error, error_description with trace/correlation/timestamp, error_codes, ...):
// source: https://github.com/Azure/azure-workload-identity/issues/1200
// source: https://github.com/Azure/azure-cli/issues/14948

function aadTimestamp(now: Date): string {
  return now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z')
}

function aadsts(status: number, error: string, code: number, description: string, now = new Date()): FakeError {
  const traceId = randomUUID()
  const correlationId = randomUUID()
  const timestamp = aadTimestamp(now)
  return {
    status,
    body: {
      error,
      error_description:
        `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`
    }
  }
}

const FEDERATION_DOC = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation'
const OLD_FEDERATION_DOC = 'https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation'
const PLEASE_CHECK_CREDENTIAL = 'Please check your federated identity credential Subject, Audience and Issuer ' +
  `against the presented assertion. ${OLD_FEDERATION_DOC}`

export const entraErrors = {
  // source: https://github.com/Azure/login/issues/482 and https://github.com/dotnet/maui/pull/31978
  subjectMismatch: (subject: string) => aadsts(401, 'invalid_client', 700213,
    `No matching federated identity record found for presented assertion subject '${subject}'. ` +
    'Check your federated identity credential Subject, Audience and Issuer against the presented assertion. ' +
    FEDERATION_DOC),
  // source: https://github.com/Azure/login/issues/515
  subjectCaseMismatch: (subject: string) => aadsts(401, 'invalid_client', 7002138,
    `No matching federated identity record found for presented assertion subject '${subject}'. ` +
    'The subject matches with case-insensitive comparison, but not with case-sensitive comparison. ' +
    'Check your federated identity credential Subject, Audience and Issuer against the presented assertion. ' +
    `See documentation at: ${FEDERATION_DOC}. See breaking change notification and remediation at: ` +
    'https://learn.microsoft.com/en-us/entra/identity-platform/reference-breaking-changes#august-2024.'),
  // source: https://github.com/Azure/azure-workload-identity/issues/1200
  issuerMismatch: (issuer: string) => aadsts(401, 'invalid_client', 700211,
    `No matching federated identity record found for presented assertion issuer '${issuer}'. ` +
    PLEASE_CHECK_CREDENTIAL),
  // source: https://learn.microsoft.com/entra/identity-platform/reference-error-codes (code 700212);
  // wording follows its sibling 700211 in https://github.com/Azure/azure-workload-identity/issues/1200
  audienceMismatch: (audience: string) => aadsts(401, 'invalid_client', 700212,
    `No matching federated identity record found for presented assertion audience '${audience}'. ` +
    PLEASE_CHECK_CREDENTIAL),
  // source: https://github.com/Azure/azure-workload-identity/issues/616 (400 invalid_request) and
  // https://github.com/external-secrets/external-secrets/issues/2783
  genericFederationMismatch: (issuer: string, subject: string, audience: string) =>
    aadsts(400, 'invalid_request', 70021, 'No matching federated identity record found for presented assertion. ' +
    `Assertion Issuer: '${issuer}'. Assertion Subject: '${subject}'. Assertion Audience: '${audience}'. ` +
    OLD_FEDERATION_DOC),
  // source: https://learn.microsoft.com/entra/identity-platform/reference-error-codes (AADSTS70025, "the client
  // has no configured federated identity credentials"); exact server wording not found in a public report
  noFederatedCredentials: (clientId: string, displayName: string) => aadsts(400, 'invalid_client', 70025,
    `The client '${clientId}'(${displayName}) has no configured federated identity credentials.`),
  // source: https://github.com/Azure/login/issues/561 and https://github.com/pnp/powershell/issues/4672
  applicationNotFound: (clientId: string, tenantName: string) => aadsts(400, 'unauthorized_client', 700016,
    `Application with identifier '${clientId}' was not found in the directory '${tenantName}'. ` +
    'This can happen if the application has not been installed by the administrator of the tenant or consented ' +
    'to by any user in the tenant. You may have sent your authentication request to the wrong tenant.'),
  // source: https://github.com/Azure/azure-cli/issues/22145
  tenantNotFound: (tenant: string) => aadsts(400, 'invalid_tenant', 90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the ` +
    'correct cloud. Check with your subscription administrator, this may happen if there are no active ' +
    'subscriptions for the tenant.'),
  // source: https://github.com/risingwavelabs/risingwave/issues/17123 (401 invalid_client)
  assertionOutsideValidTime: (now: Date, validFrom: Date, expiry: Date) => aadsts(401, 'invalid_client', 700024,
    `Client assertion is not within its valid time range. Current time: ${now.toISOString()}, ` +
    `assertion valid from ${validFrom.toISOString()}, expiry time of assertion ${expiry.toISOString()}. ` +
    'Review the documentation at ' +
    'https://learn.microsoft.com/entra/identity-platform/certificate-credentials .'),
  // source: https://github.com/Azure/azure-cli/issues/14948 and https://github.com/Azure/azure-cli/issues/29113
  resourceNotFound: (resource: string, tenantName: string) => aadsts(400, 'invalid_resource', 500011,
    `The resource principal named ${resource} was not found in the tenant named ${tenantName}. ` +
    'This can happen if the application has not been installed by the administrator of the tenant or consented ' +
    'to by any user in the tenant. You might have sent your authentication request to the wrong tenant.'),
  // source: https://github.com/OfficeDev/microsoft-365-agents-toolkit/issues/8621 and
  // https://github.com/Azure/sap-automation/issues/418 (401)
  invalidClientSecret: (clientId: string) => aadsts(401, 'invalid_client', 7000215,
    'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, ' +
    `not the client secret ID, for a secret added to app '${clientId}'.`),
  // source: https://github.com/Azure/azure-sdk-for-net/issues/29007 (AADSTS700027 on a federated client assertion)
  invalidAssertionSignature: () => aadsts(401, 'invalid_client', 700027,
    'Client assertion contains an invalid signature. [Reason - The key was not found.]'),
  // source: https://github.com/microsoft/ebpf-for-windows/pull/2867 (an empty or malformed assertion)
  malformedAssertion: () => aadsts(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.')
}

// ---------------------------------------------------------------------------------------------- Azure OpenAI

const aoai = (status: number, code: string, message: string, headers?: Record<string, string>): FakeError =>
  ({ status, body: { error: { code, message } }, headers })

export const dataPlaneErrors = {
  // source: https://github.com/microsoft/microsoft-foundry-for-vscode/issues/131 (reference/azure-facts.md §1.1)
  customSubdomainRequired: () => aoai(400, 'BadRequest',
    'Please provide a custom subdomain for token authentication, otherwise API key is required.'),
  // source: https://github.com/Azure-Samples/azure-search-openai-demo/issues/458 and
  // https://github.com/run-llama/llama_index/issues/12484; a Foundry project names https://ai.azure.com
  // ("The response body itself states the expected audience is `https://ai.azure.com`":
  // https://github.com/microsoft/agent-framework/issues/7201; the same envelope with that audience as quoted in
  // public repositories' troubleshooting notes)
  invalidToken: (audience = 'https://cognitiveservices.azure.com') => ({ status: 401, body: { statusCode: 401,
    message: `Unauthorized. Access token is missing, invalid, audience is incorrect (${audience}), or have expired.` } }),
  // source: https://github.com/SciSharp/BotSharp/issues/386,
  // https://github.com/microsoft/semantic-kernel/issues/10337
  invalidKey: () => aoai(401, '401', 'Access denied due to invalid subscription key or wrong API endpoint. ' +
    'Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for ' +
    'your resource.'),
  // source: https://github.com/microsoft/semantic-kernel/issues/10020 (via reference/azure-facts.md §6)
  permissionDenied: (principalId: string, dataAction: string, operation: string) => aoai(401, 'PermissionDenied',
    `The principal \`${principalId}\` lacks the required data action \`${dataAction}\` ` +
    `to perform \`${operation}\` operation.`),
  // source: https://github.com/microsoft-foundry/foundry-samples/issues/155,
  // https://github.com/davrous/AzureAgentToM365/issues/3 (Foundry's variant: same code, link to FoundryPermissions)
  foundryPermissionDenied: (principalId: string, dataAction: string, operation: string) =>
    aoai(401, 'PermissionDenied', `The principal \`${principalId}\` lacks the required data action ` +
    `\`${dataAction}\` to perform \`${operation}\` operation. For instructions on granting the necessary ` +
    'permissions, see https://aka.ms/FoundryPermissions.'),
  // source: https://github.com/microsoft/sample-app-aoai-chatGPT/issues/1000
  keyAuthDisabled: () =>
    aoai(403, 'AuthenticationTypeDisabled', 'Key based authentication is disabled for this resource.'),
  // source: https://github.com/Azure-Samples/azure-sql-db-chatbot/issues/3 (header policy-id as observed there)
  firewallDenied: () => aoai(403, '403', 'Access denied due to Virtual Network/Firewall rules.',
    { 'policy-id': 'ThrowExceptionDueToTrafficDenied' }),
  // source: https://github.com/continuedev/continue/issues/12547 (public access off, private endpoint configured)
  publicAccessDisabled: () => aoai(403, '403', 'A Virtual Network is configured for this resource. Please use the ' +
    'correct endpoint for making requests. Check https://aka.ms/cogsvc-vnet for more details.'),
  // source: https://github.com/microsoft/copilot-camp/issues/551
  rateLimited: (retryAfterSeconds: number) =>
    aoai(429, '429', `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`,
      { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-remaining-requests': '0' }),
  // source: https://github.com/alex-wolf-ps/dbchatprov2/issues/2, https://github.com/vanderschaarlab/climb/issues/1
  quotaExhausted: (operation: string, apiVersion: string) => aoai(429, '429',
    `Requests to the ${operation} Operation under Azure OpenAI API version ${apiVersion} have exceeded token ` +
    'rate limit of your current OpenAI S0 pricing tier. Please retry after 86400 seconds. Please go here: ' +
    'https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.',
    { 'retry-after': '86400' }),
  // source: https://github.com/openai/openai-python/issues/362, https://github.com/microsoft/azurechat/issues/426
  // (an unknown api-version, or none at all: https://github.com/MicrosoftDocs/azure-docs/issues/114602)
  resourceNotFound: () => aoai(404, '404', 'Resource not found'),
  // source: https://github.com/Azure-Samples/azure-search-openai-demo-csharp/issues/379 and
  // https://github.com/chatboxai/chatbox/issues/861
  deploymentNotFound: () => aoai(404, 'DeploymentNotFound', 'The API deployment for this resource does not exist. ' +
    'If you created the deployment within the last 5 minutes, please wait a moment and try again.'),
  // source: https://github.com/microsoft/graphrag/issues/1557, https://github.com/OpenHands/OpenHands/issues/1003
  operationNotSupported: (operation: 'chatCompletion' | 'embeddings', model: string) =>
    aoai(400, 'OperationNotSupported', `The ${operation} operation does not work with the specified model, ` +
    `${model}. Please choose different model and try again. You can learn more about which models can be used ` +
    'with each operation here: ' +
    'https://go.microsoft.com/fwlink/?linkid=2197993.'),
  // source: https://github.com/lobehub/lobehub/issues/4315 and https://github.com/vercel/ai/issues/3309
  unsupportedMaxTokens: () => ({ status: 400, body: { error: {
    message:
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    type: 'invalid_request_error', param: 'max_tokens', code: 'unsupported_parameter' } } }),
  // A deployment whose model version is retired: the portal warns "Inferencing on this endpoint will return error
  // responses" and the call answers 404 Resource not found.
  // source: https://github.com/BerriAI/litellm/issues/11116 (gpt-35-turbo 0125 after 2025-04-30); the ARM spec's
  // lifecycleStatus Deprecated text says 410 (reference/arm-facts.md (c)): no public capture of a 410 body found.
  retiredModel: () => aoai(404, '404', 'Resource not found'),
  // source: https://github.com/vectorize-io/hindsight/issues/58 (reference/azure-facts.md §3: the Responses API
  // refuses max_output_tokens below 16), in OpenAI's invalid_request_error envelope
  maxOutputTokensBelowMinimum: (given: number) => ({ status: 400, body: { error: {
    message: `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${given} ` +
      'instead.',
    type: 'invalid_request_error', param: 'max_output_tokens', code: 'integer_below_min_value' } } }),
  // Envelope as in every Azure OpenAI error above; the 5xx wording is NOT copied from a public report (none
  // found) — it is OpenAI's own 500 text. Tests should assert on the status, not on this message.
  serverError: (status: 500 | 503) => status === 500
    ? aoai(500, 'InternalServerError', 'The server had an error while processing your request. Sorry about that!')
    : aoai(503, 'ServiceUnavailable',
      'The service is temporarily unable to process your request. Please try again later.')
}

// ------------------------------------------------------------------------------------------------------- ARM

const armError = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): FakeError =>
  ({ status, body: { error: { code, message, ...extra } } })

export const armErrors = {
  // source: https://github.com/microsoft/foundry-dev-tools/issues/555, https://github.com/microsoft/foundry-dev-tools/issues/711,
  // https://github.com/microsoft/microsoft-foundry-for-vscode/issues/445 (reference/arm-facts.md (f)); the client is
  // named by its appId for a service principal
  authorizationFailed: (client: string, principalId: string, action: string, scope: string) => armError(403,
    'AuthorizationFailed', `The client '${client}' with object id '${principalId}' does not have authorization to ` +
    `perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, ` +
    'please refresh your credentials.'),
  // source: reference/arm-facts.md (f) (code-index captures of ARM's 401)
  invalidAuthenticationToken: () => armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.'),
  // source: reference/arm-facts.md (f) (code-index captures of ARM's 401 without a header)
  authorizationHeaderMissing: () =>
    armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."),
  // source: https://github.com/Azure-Samples/active-directory-dotnetcore-daemon-v2/issues/145,
  // https://github.com/JetBrains/azure-tools-for-intellij/issues/16
  wrongAudience: (audience: string, allowed: readonly string[]) => armError(401, 'InvalidAuthenticationTokenAudience',
    `The access token has been obtained for wrong audience or resource '${audience}'. It should exactly match with ` +
    `one of the allowed audiences ${allowed.map((a) => `'${a}'`).join(',')}.`),
  // source: https://github.com/Azure-Samples/azure-search-openai-demo/issues/80 (reference/arm-facts.md (f))
  resourceNotFound: (type: string, name: string, resourceGroup: string) => armError(404, 'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. ` +
    'For more details please go to https://aka.ms/ARMResourceNotFoundFix'),
  // source: reference/arm-facts.md (f) (code-index capture)
  resourceGroupNotFound: (resourceGroup: string) =>
    armError(404, 'ResourceGroupNotFound', `Resource group '${resourceGroup}' could not be found.`),
  // source: https://github.com/Azure/azure-sdk-for-go/issues/2110 (reference/arm-facts.md (f))
  subscriptionNotFound: (subscriptionId: string) =>
    armError(404, 'SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`),
  // source: reference/arm-facts.md (a), Azure PowerShell ResourceGraph test fixture (bad KQL)
  invalidQuery: () => armError(400, 'BadRequest', 'Please provide below info when asking for support: timestamp = ' +
    `${new Date().toISOString()}, correlationId = ${randomUUID()}.`, { details: [
    { code: 'InvalidQuery', message: 'Query is invalid. Please refer to the documentation for the Azure Resource ' +
      'Graph service and fix the error before retrying.' },
    { code: 'ParserFailure', message: 'ParserFailure', line: 1, characterPositionInLine: 11, token: '<EOF>' }] }),
  // ARM's answer to a path no provider serves (the envelope as above; text as ARM words it for unknown types)
  invalidResourceType: (path: string) =>
    armError(404, 'InvalidResourceType', `The resource type could not be found for ${path}.`)
}
