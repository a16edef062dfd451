// What the docs say about each cause beyond the catalogue: how it shows itself, and real error texts that lead to
// it (from test/corpus/errors.json, each with where it was reported). Only the docs generator reads this module, so
// none of it is in the bundles.
import type { CauseId } from './ids.js'

export interface CauseSigns {
  /** How the cause shows itself: what the action checks, and what a pasted error text says. */
  signs: string
  /** A few real error texts that lead to the cause, with the public page each was reported on. */
  examples: { text: string; source: string }[]
}

export const SIGNS: Record<CauseId, CauseSigns> = {
  'invalid-input': {
    signs:
      "Found by the action before anything is sent (the message names the input). In pasted text: AADSTS70011 / AADSTS1002012 (a scope without `/.default`), AADSTS90009; AADSTS900144 or Azure/login's \"Not all values are present. Ensure 'client-id' and 'tenant-id' are supplied\" (an empty secret: on a fork or Dependabot run the event decides); a DefaultAzureCredential chain in which no credential was configured (\"EnvironmentCredential authentication unavailable\", \"Please run 'az login'\") and no AADSTS code appears.",
    examples: []
  },
  'endpoint-malformed': {
    signs:
      'Static check of the `endpoint` input: path segments after the host, `http:`, query strings. In pasted text: `TypeError: Invalid URL`, a request URL with `/openai/` twice, OpenAI\'s "Invalid URL (POST /v1/...)"; a 404 "Resource not found" lists it as an alternative.',
    examples: []
  },
  'endpoint-cloud-mismatch': {
    signs:
      'Static check: the endpoint suffix (`.azure.com`, `.azure.us`, `.azure.cn`) against `environment`. In pasted text: AADSTS900382 (cross-cloud request).',
    examples: []
  },
  'regional-endpoint-no-subdomain': {
    signs:
      'Static check of the host (`<region>.api.cognitive.microsoft.com`); HTTP 400 "Please provide a custom subdomain for token authentication, otherwise API key is required." (older wording: "Please provide an authentication key.").',
    examples: [
      {
        text: '(BadRequest) Please provide a custom subdomain for token authentication, otherwise API key is required. (Please see https://aka.ms/cogsvc-authenticatewithtoken)',
        source: 'https://github.com/Azure/azure-sdk-for-net/issues/12789'
      }
    ]
  },
  'untrusted-endpoint-host': {
    signs: "Static check of the host against the cloud's Azure AI suffixes and `allowed-hosts`; nothing is sent.",
    examples: []
  },
  'missing-id-token-permission': {
    signs:
      '`Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable` (@actions/core), Azure/login\'s "Please make sure to give write permissions to id-token in the workflow". The same text appears for forks and Dependabot: the event decides.',
    examples: [
      {
        text: 'Error: Failed to get ID token: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable',
        source: 'https://github.com/G-Research/ApiSurface/pull/85'
      },
      {
        text: 'error: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable Failed to setup GitHub token: Error: Could not fetch an OIDC token. Did you remember to add `id-token: write` to your workflow permissions?',
        source: 'https://github.com/atxtechbro/dotfiles/pull/1048'
      }
    ]
  },
  'fork-pr-no-oidc': {
    signs:
      'The same missing ACTIONS_ID_TOKEN_REQUEST_URL, on a `pull_request` event whose head repository is a fork (the action reads the event payload).',
    examples: [
      {
        text: 'Run codecov/codecov-action@6d798873df2b1b8e5846dba6fb86631229fbcb17 with: fail_ci_if_error: true files: ./coverage.xml name: codecov-envoy-gateway verbose: true use_oidc: true Error: Codecov: Failed to get OIDC token with url: https://codecov.io./ Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable',
        source: 'https://github.com/codecov/codecov-action/issues/1435'
      }
    ]
  },
  'dependabot-no-oidc': {
    signs: 'The same missing ACTIONS_ID_TOKEN_REQUEST_URL, in a run triggered by `dependabot[bot]`.',
    examples: [
      {
        text: 'Error: Action failed with error: Error: Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable',
        source: 'https://github.com/google-github-actions/auth/issues/51'
      }
    ]
  },
  'oidc-request-failed': {
    signs:
      '`Failed to get ID Token. Error Code : <status>`, `Response json body do not have ID Token field`, `Cannot read properties of undefined (reading \'message\')` from an OIDC login such as Azure/login (self-hosted/GHES; the same JavaScript error elsewhere is not this cause); downstream AADSTS50027 "JWT token is invalid or malformed" or AADSTS7000218 when the empty assertion reaches Entra.',
    examples: [
      {
        text: 'Error: undefined. Please make sure to give write permissions to id-token in the workflow.',
        source: 'https://github.com/Azure/login/issues/369'
      },
      {
        text: "Login failed with Error: Error message: Cannot read properties of undefined (reading 'message'). Double check if the 'auth-type' is correct. Refer to https://github.com/Azure/login#readme for more information.",
        source: 'https://github.com/Azure/login/issues/477'
      }
    ]
  },
  'fic-subject-mismatch': {
    signs:
      "AADSTS700213 (subject), AADSTS7002138 (matches only case-insensitively: the fix then corrects the existing credential's subject instead of adding one), AADSTS70021 (older; shows Assertion Issuer/Subject/Audience). The presented subject is read from the text; the action compares it with the OIDC token's `sub` and names environment vs branch vs pull_request, case, the immutable `owner@id/repo@id` form or a custom template.",
    examples: [
      {
        text: "Error: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:yoonaoh/github-action-testfunctionapp-java:ref:refs/heads/master'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion",
        source: 'https://github.com/Azure/login/issues/379'
      },
      {
        text: "AADSTS700213: No matching federated identity record found for presented assertion subject 'system:serviceaccount:xxx:yyy'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation Trace ID: xx Correlation ID: xx Timestamp: 2025-04-22 01:01:11Z",
        source: 'https://github.com/Azure/azure-workload-identity/issues/1200'
      }
    ]
  },
  'fic-issuer-mismatch': {
    signs:
      "AADSTS700211 (issuer), AADSTS700027 (assertion signature not validated), AADSTS70021 with a presented issuer that differs from the credential's (a trailing slash).",
    examples: [
      {
        text: "AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'",
        source: 'https://github.com/MicrosoftDocs/azure-docs/issues/105462'
      },
      {
        text: "For me, the trailing slash caused my action to fail on Azure login with the message: > `AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: 'https://token.actions.githubusercontent.com'...`",
        source: 'https://github.com/MicrosoftDocs/azure-docs/issues/111542'
      }
    ]
  },
  'fic-audience-mismatch': {
    signs: 'AADSTS700212, or AADSTS70021 whose "Assertion Audience" is not `api://AzureADTokenExchange`.',
    examples: []
  },
  'no-fic-configured': {
    signs: 'AADSTS70025 "has no configured federated identity credentials".',
    examples: []
  },
  'app-not-found': {
    signs:
      "AADSTS700016 / AADSTS70001 \"Application with identifier ... was not found in the directory\", AADSTS7000229 (no service principal), ARM \"at least one of the claims 'puid' or 'altsecid' or 'oid' should be present\".",
    examples: [
      {
        text: "AADSTS700016: Application with identifier 'ENTER_YOUR_CLIENT_ID' was not found in the directory",
        source: 'https://github.com/microsoftgraph/msgraph-sdk-dotnet/issues/454'
      },
      {
        text: "AADSTS70001: Application with identifier 'my client id' was not found in the directory 'my directory'",
        source: 'https://github.com/microsoftgraph/aspnetcore-connect-sample/issues/18'
      }
    ]
  },
  'tenant-not-found': {
    signs:
      'AADSTS90002 "Tenant ... not found", AADSTS900023 "Specified tenant identifier ... is neither a valid DNS name...", AADSTS50059.',
    examples: [
      {
        text: 'AADSTS90002: Tenant token not found. This may happen if there are no active subscriptions for the tenant. Check with your subscription administrator.',
        source: 'https://github.com/MicrosoftDocs/azure-docs/issues/19593'
      },
      {
        text: 'AuthenticationError: , InvalidClientIdError: (invalid_request) AADSTS90002: Tenant 72f988bf-86f1-41af-91ab-2d7cd011db47 not found. This may happen if there are no active subscriptions for the tenant. Check with your subscription administrator. Trace ID: 273b117e-cda4-4295-b83b-0328ad040500 Correlation ID: 1b17d3fa-e0d5-47b8-a307-482ab43f47f8 Timestamp: 2018-03-06 08:38:40Z',
        source: 'https://github.com/microsoftarchive/BatchAI/pull/31'
      }
    ]
  },
  'assertion-expired': {
    signs:
      'AADSTS700024 / AADSTS500133 "Client assertion is not within its valid time range" (with the current time and the assertion\'s window).',
    examples: [
      {
        text: 'ERROR: AADSTS700024: Client assertion is not within its valid time range. Current time: 2021-11-26T09:44:41.0193003Z, expiry time of assertion 2021-11-26T09:31:56.0000000Z.',
        source: 'https://github.com/Azure/login/issues/180'
      },
      {
        text: '{"error":"invalid_client","error_description":"AADSTS700024: Client assertion is not within its valid time range. Current time: 2024-12-07T12:09:18.3149355Z, assertion valid from 1970-01-01T00:00:00.0000000Z, expiry time of assertion 2024-12-07T11:14:18.0000000Z....." }',
        source: 'https://github.com/obikuro/Sato/issues/1'
      }
    ]
  },
  'resource-principal-not-found': {
    signs: 'AADSTS500011 "The resource principal named <scope> was not found in the tenant".',
    examples: []
  },
  'invalid-client-secret': {
    signs: 'AADSTS7000215 "Invalid client secret provided", AADSTS7000222 "client secret keys ... are expired".',
    examples: [
      {
        text: '[2023-03-08 15:59:28] production.ERROR: Client error: `POST https://login.microsoftonline.com/%7B{Tenant-ID]%7D/oauth2/v2.0/token` resulted in a `401 Unauthorized` response: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being se (truncated...)',
        source: 'https://github.com/BookStackApp/BookStack/issues/4089'
      },
      {
        text: "message: \"invalid_client (AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'XXXX-XXXX-XXXX-XXXX'. Trace ID: XXXX-XXXX-XXXX-XXXX Correlation ID: XXXX-XXXX-XXXX-XXXX Timestamp: 2024-08-02 14:22:16Z)",
        source: 'https://github.com/formbricks/formbricks/issues/2879'
      }
    ]
  },
  'conditional-access-blocked': {
    signs:
      'AADSTS53003 "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance."',
    examples: []
  },
  'wrong-token-audience': {
    signs:
      'HTTP 401 `{"statusCode":401,"message":"Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired."}` — the same text as an expired token or a key sent as Bearer: the token\'s `aud` and `exp` decide (the action decodes the token it sent; `explain` decodes a pasted JWT). ARM: InvalidAuthenticationTokenAudience.',
    examples: [
      {
        text: 'Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.us/ or https://ai.azure.us/), or have expired',
        source: 'https://github.com/openai/openai-go/issues/534'
      },
      {
        text: 'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.us), or have expired. Status: 401 (Unauthorized) Content: { "statusCode": 401, "message": "Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.us), or have expired." }',
        source: 'https://github.com/Azure/azure-sdk-for-net/issues/48524'
      }
    ]
  },
  'token-expired': {
    signs:
      'The generic 401 above with a token whose `exp` is past; ARM ExpiredAuthenticationToken, "Lifetime validation failed".',
    examples: [
      {
        text: 'APIError Invalid response object from API: \'{ "statusCode": 401, "message": "Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired." }\' (HTTP response code was 401))>',
        source: 'https://github.com/Azure-Samples/azure-search-openai-demo/issues/458'
      }
    ]
  },
  'token-tenant-mismatch': {
    signs:
      'A token whose `tid` is not the resource\'s tenant; "Token ... does not match resource tenant", ARM InvalidAuthenticationTokenTenant "The access token is from the wrong issuer".',
    examples: [
      {
        text: 'Error: 400 Token xxx1 does not match resource tenant.',
        source: 'https://github.com/arbs-io/vscode-openai/issues/321'
      },
      {
        text: "openai.BadRequestError: Error code: 400 - {'error': {'code': 'Tenant provided in token does not match resource token', 'message': 'Token tenant xxxxxxxxxxxxxxxx does not match resource tenant.'}}",
        source: 'https://github.com/Azure-Samples/ai-rag-chat-evaluator/issues/94'
      }
    ]
  },
  'key-sent-as-bearer': {
    signs:
      'The generic 401 above when the `Authorization: Bearer` value is not a JWT (a 32-hex or 84-character key), or when the action knows it sent a key; an API Management "missing subscription key" answer to a request whose key went in `Authorization: Bearer`.',
    examples: [
      {
        text: '{"statusCode":401,"message":"Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired."}',
        source: 'https://github.com/microsoft/teams-sdk/issues/1746'
      },
      {
        text: "\"AuthenticationError(\\\"Error code: 401 - {'statusCode': 401, 'message': 'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com) , or have expired.'}",
        source: 'https://github.com/Farzad-R/Advanced-QA-and-RAG-Series/issues/3'
      }
    ]
  },
  'missing-data-plane-role': {
    signs:
      'HTTP 401 `{"error":{"code":"PermissionDenied","message":"The principal <oid> lacks the required data action Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action ..."}}`, older "Principal does not have access to API/Operation", Azure RBAC\'s "Caller is not authorized to perform action on resource" / ForbiddenByRbac (not when the data action is another service\'s, e.g. `Microsoft.KeyVault/...`). The principal id and data action are read from the text. Note: .NET prints `Status: 401 (PermissionDenied)` for every 401 from the gateway — that reason phrase is not the error code.',
    examples: [
      {
        text: 'raise self.handle_error_response(openai.error.AuthenticationError: Principal does not have access to API/Operation)',
        source: 'https://github.com/Azure-Samples/azure-search-openai-demo/issues/87'
      },
      {
        text: '{"HTTP 401 (PermissionDenied)\\r\\n\\r\\nPrincipal does not have access to API/Operation."} | System.ClientModel.ClientResultException',
        source: 'https://github.com/microsoft/semantic-kernel/issues/10020'
      }
    ]
  },
  'wrong-endpoint-host': {
    signs:
      '"Incorrect API key provided ... platform.openai.com" (OpenAI\'s own API answered), or a key that belongs to another resource.',
    examples: [
      {
        text: 'Error: `openai.error.AuthenticationError: Incorrect API key provided: XXX`.',
        source: 'https://github.com/continuedev/continue/issues/373'
      },
      {
        text: '{ "error": { "message": "Incorrect API key provided: 05b46cc6********************9a24. You can find your API key at https://platform.openai.com/account/api-keys.", "type": "invalid_request_error", "param": null, "code": "invalid_api_key" } }',
        source: 'https://github.com/ChatGPTNextWeb/NextChat/issues/6017'
      }
    ]
  },
  'invalid-api-key': {
    signs:
      'HTTP 401 `{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint..."}}`; "Access denied due to (a) missing (application credentials or) subscription key" when no key reached the header the service or gateway reads.',
    examples: [
      {
        text: 'Error: Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
        source: 'https://github.com/microsoft/PubSec-Info-Assistant/issues/439'
      },
      {
        text: 'openai.error.AuthenticationError: Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
        source: 'https://github.com/Azure-Samples/azure-search-openai-demo/issues/108'
      }
    ]
  },
  'local-auth-disabled': {
    signs: 'HTTP 403 `AuthenticationTypeDisabled` "Key based authentication is disabled for this resource."',
    examples: [
      {
        text: 'Web Api response status: \'Forbidden\', Web Api response details: \'{"error":{"code":"AuthenticationTypeDisabled","message": "Key based authentication is disabled for this resource."}}\'',
        source: 'https://github.com/Azure/Copilot-Studio-and-Azure/issues/57'
      },
      {
        text: "There was an error generating a response. Chat history can't be saved at this time. Error code: 403 - {'error': {'code': 'AuthenticationTypeDisabled', 'message': 'Key based authentication is disabled for this resource.'}}",
        source: 'https://github.com/microsoft/sample-app-aoai-chatGPT/issues/1000'
      }
    ]
  },
  'deployment-not-found': {
    signs:
      'HTTP 404 `DeploymentNotFound` "The API deployment for this resource does not exist"; v1 API "The model ... does not exist".',
    examples: [
      {
        text: 'Error: The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
        source: 'https://github.com/Azure-Samples/azure-search-openai-demo/issues/391'
      },
      {
        text: 'I receive the following error : The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
        source: 'https://github.com/microsoft/chat-copilot/issues/682'
      }
    ]
  },
  'wrong-api-version-or-path': {
    signs:
      'HTTP 404 `{"error":{"code":"404","message":"Resource not found"}}` without DeploymentNotFound; "API version not supported"; a missing api-version.',
    examples: [
      {
        text: '{"error":{"code":"404","message": "Resource not found"}}',
        source: 'https://github.com/MicrosoftDocs/azure-docs/issues/110272'
      },
      {
        text: 'ChatGPT error 404: {"error":{"code":"404","message": "Resource not found"}}',
        source: 'https://github.com/stulzq/azure-openai-proxy/issues/52'
      }
    ]
  },
  'operation-not-supported': {
    signs: 'HTTP 400 `OperationNotSupported` "The chatCompletion operation does not work with the specified model".',
    examples: [
      {
        text: 'Encountered exception. The completion operation does not work with the specified model, text-embedding-ada-002. Please choose different model and try again.',
        source: 'https://github.com/MicrosoftDocs/azure-docs/issues/112023'
      },
      {
        text: 'This error will appear: `The embeddings operation does not work with the specified model, gpt-35-turbo. Please choose different model and try again. You can learn more about which models can be used with each operation here: https://go .microsoft.com/fwlink/?linkid=2197993`.',
        source: 'https://github.com/langchain-ai/langchainjs/issues/1510'
      }
    ]
  },
  'unsupported-parameter': {
    signs:
      "HTTP 400 `unsupported_parameter` / `unsupported_value` \"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.\"",
    examples: [
      {
        text: "API response error: unsupported_parameter Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        source: 'https://github.com/promptfoo/promptfoo/issues/3781'
      },
      {
        text: "error: { message: \"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.\", type: 'invalid_request_error', param: 'max_tokens', code: 'unsupported_parameter' }",
        source: 'https://github.com/vercel/ai/issues/3309'
      }
    ]
  },
  'network-blocked': {
    signs:
      'HTTP 403 "Access denied due to Virtual Network/Firewall rules.", "Traffic is not from an approved private endpoint", "Public access is disabled".',
    examples: [
      {
        text: 'Action: AgentRootTreeNode.getChildren Error type: o Error Message: 403: Access denied due to Virtual Network/Firewall rules.',
        source: 'https://github.com/microsoft/microsoft-foundry-for-vscode/issues/29'
      },
      {
        text: 'Web Api response status: \'Forbidden\', Web Api response details: \'{"error":{"code":"403","message": "Access denied due to Virtual Network/Firewall rules."}}\'',
        source: 'https://github.com/Azure-Samples/azure-search-openai-demo/issues/1494'
      }
    ]
  },
  throttled: {
    signs:
      'HTTP 429 "Rate limit is exceeded. Try again in N seconds" / "exceeded token rate limit ... Please retry after N seconds" with a short wait; `Retry-After` is read.',
    examples: [
      {
        text: 'Error: Rate limit is exceeded. Try again in 30 seconds.',
        source: 'https://github.com/Azure-Samples/azure-search-openai-demo/issues/177'
      },
      {
        text: '{"success":false,"error":{"message":"azure-openai error: The system is currently experiencing high demand and cannot process your request. Your request exceeds the maximum usage size allowed during peak load. Please retry after 20 seconds. For improved latency reliability, consider switching to Provisioned Throughput.","code":"RATE_LIMITED","timestamp":"2025-12-21T01:27:42.111Z"},"status":429}',
        source: 'https://github.com/pollinations/pollinations/issues/6260'
      }
    ]
  },
  'quota-exhausted': {
    signs:
      'HTTP 429 asking to retry after an hour or more (typically "Please retry after 86400 seconds"), `insufficient_quota`.',
    examples: [
      {
        text: 'HTTP 429 (429) Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-05-01-preview have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 86400 seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.',
        source: 'https://github.com/alex-wolf-ps/dbchatprov2/issues/2'
      },
      {
        text: "Error code: 429 - {'error': {'code': '429', 'message': 'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-08-01-preview have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 86400 seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.",
        source: 'https://github.com/vanderschaarlab/climb/issues/1'
      }
    ]
  },
  'service-error': {
    signs:
      'HTTP 5xx, `InternalServerError`, "The server had an error while processing your request", "Service Unavailable".',
    examples: [
      {
        text: "openai.InternalServerError: Error code: 500 - {'error': {'message': 'An error occurred while processing your request. You can retry your request, or contact us through an Azure support request at: https://go.microsoft.com/fwlink/?linkid=2213926 if the error persists. Please include the request ID 394a40f7-7222-4168-9fc5-b61bb7cd76f3 in your message.', 'type': 'server_error', 'param': None, 'code': 'server_error'}}",
        source: 'https://github.com/microsoft/agent-framework/issues/2525'
      }
    ]
  },
  'dns-failure': {
    signs: '`getaddrinfo ENOTFOUND <host>`, `EAI_AGAIN`, "Name or service not known", "No such host is known".',
    examples: [
      {
        text: 'Sorry, there was an error from the AI: Failed after 3 attempts. Last error: Cannot connect to API: getaddrinfo ENOTFOUND',
        source: 'https://github.com/dyad-sh/dyad/issues/2572'
      },
      {
        text: "Error communicating with OpenAI: HTTPSConnectionPool(host='MYACCOUNT.openai.azure.com', port=443): Max retries exceeded with url: //openai/deployments/MYDEPLOYMENT/chat/completions?api-version=2023-03-15-preview (Caused by NameResolutionError(\"<urllib3.connection.HTTPSConnection object at 0x7f00b540b670>: Failed to resolve 'MYACCOUNT.openai.azure.com' ([Errno -2] Name or service not known)\"))",
        source: 'https://github.com/microsoft/sample-app-aoai-chatGPT/issues/82'
      }
    ]
  },
  'tls-failure': {
    signs:
      '`SELF_SIGNED_CERT_IN_CHAIN`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`, "[SSL: CERTIFICATE_VERIFY_FAILED]", "PKIX path building failed", "The SSL connection could not be established".',
    examples: [
      {
        text: 'Using Azure Open AI LLM to chat but failed due to "self signed certificate in certification chain"',
        source: 'https://github.com/Mintplex-Labs/anything-llm/issues/2896'
      },
      {
        text: 'httpx.ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain (_ssl.c:1000)',
        source: 'https://github.com/sinaptik-ai/pandas-ai/issues/1845'
      }
    ]
  },
  'proxy-failure': {
    signs:
      '"tunneling socket could not be established", HTTP 407 "Proxy Authentication Required", `ProxyError`; `ECONNREFUSED` or `ECONNRESET` (also from Entra ID through MSAL\'s `network_error`). A proxy that answers the CONNECT with 502/503/504 lists `dns-failure` as an alternative: proxies answer so when the host does not resolve.',
    examples: [
      {
        text: 'litellm.exceptions.APIError: AzureException - Connection error. map_httpcore_exceptions raise mapped_exc(message) from exc httpx.ConnectError: [Errno 11001] getaddrinfo failed',
        source: 'https://github.com/BerriAI/litellm/issues/1458'
      },
      {
        text: "requests.exceptions.ProxyError: HTTPSConnectionPool(host='login.microsoftonline.com', port=443): Max retries exceeded with url: / (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 403 Forbidden',)))",
        source: 'https://github.com/Azure/azure-cli/issues/14812'
      }
    ]
  },
  timeout: {
    signs:
      '`ETIMEDOUT`, `UND_ERR_CONNECT_TIMEOUT`, "Request timed out", `APITimeoutError`, the action\'s own `timeout-seconds` deadline.',
    examples: [
      {
        text: '{ "error": { "message": "APITimeoutError - Request timed out. \\n model: azure/chatgpt-v-2 \\n api_base: https://openai-gpt-4-test-v-1.openai.azure.com/ \\n error_str: Request timed out.", "type": null, "param": null, "code": 408 } }',
        source: 'https://github.com/BerriAI/litellm/pull/3279'
      }
    ]
  },
  'arm-authorization-failed': {
    signs:
      'ARM `AuthorizationFailed` "The client ... with object id ... does not have authorization to perform action ... over scope ...", Azure/login\'s "No subscriptions found".',
    examples: []
  },
  'api-key-in-repository': {
    signs:
      'A warning annotation on the file and line of the value (`AZURE_OPENAI_API_KEY=…`, `api_key: …`, `Key=…` in a connection string), from the files `config-file` names; the value itself is never shown.',
    examples: []
  },
  'role-assignment-propagating': {
    signs:
      'PermissionDenied shortly after a role was assigned (listed as an alternative); an RBAC denial that says "If role assignments ... were changed recently, please observe propagation time" (ranked first, with `missing-data-plane-role` as the alternative); ARM `PrincipalNotFound` "...replication delay".',
    examples: [
      {
        text: 'ERROR: Caller is not authorized to perform action on resource. If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.',
        source: 'https://github.com/Azure/azure-cli/issues/22510'
      }
    ]
  },
  'arm-resource-not-found': {
    signs:
      'Resource Manager answers 404 with `ResourceNotFound`, `ResourceGroupNotFound` or `SubscriptionNotFound` (in az, azd, Terraform or an SDK\'s rendering); a missing deployment named by its ARM path is `deployment-not-found` instead.',
    examples: []
  },
  'model-retiring': {
    signs:
      'Resource Manager lists the deployment\'s model version with `lifecycleStatus` `Deprecating` or `Deprecated` and `deprecation.inference` (…/accounts/<name>/models, with its `replacementConfig`; the deployment\'s `versionUpgradeOption` says what Azure will do), or refuses a deployment of it: `ServiceModelDeprecated` "has been deprecated since <date>", `DeploymentModelNotSupported`; inference on a retired version answers 404 "Resource not found", 410 or OperationNotSupported (listed as an alternative there).',
    examples: [
      {
        text: "ServiceModelDeprecated: The model 'Format:OpenAI,Name:gpt-35-turbo-16k,Version:0613' has been deprecated since 04/30/2025 00:00:00.",
        source: 'https://github.com/shohei1029/book-azureopenai-sample/issues/23'
      }
    ]
  },
  unknown: {
    signs:
      'Nothing known matched. A bare "Connection error." also answers `unknown` first, ranking the transport causes, because the underlying error code decides.',
    examples: []
  }
}
