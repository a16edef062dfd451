// The cause catalogue: for every cause id, a title, what it means, and the fix with the user's own values.
import type { CauseId, CausePhase } from './ids.js'
import { phaseOfCause } from './ids.js'
import { bash, code, link, prose, yaml, type Fix, type FixBlock } from './fix.js'
import { explainSubjectMismatch } from '../github/oidc-subject.js'
import {
  accountNameOfHost,
  authorityHostName,
  cloudNamed,
  cloudOfHost,
  customEndpointTemplate,
  dataPlaneScope,
  isDataPlaneAudience,
  type Cloud
} from '../azure/clouds.js'

/** The user's own values; any may be missing (the fix then shows a <placeholder>). */
export interface FixValues {
  endpoint?: string
  suggestedEndpoint?: string
  deployment?: string
  apiVersion?: string
  clientId?: string
  tenantId?: string
  principalId?: string
  subject?: string
  /** The subject matches a registered credential's only case-insensitively (AADSTS7002138). */
  subjectCaseOnly?: boolean
  issuer?: string
  audience?: string
  registeredSubjects?: string[]
  cloud?: string
  /** Token scope. */
  scope?: string
  /** ARM resource id. */
  resourceScope?: string
  role?: string
  tokenAudience?: string
  allowedHosts?: string[]
  host?: string
  retryAfterSeconds?: number
  eventName?: string
  model?: string
  parameter?: string
  identityKind?: 'app' | 'managed-identity'
}

export interface CauseEntry {
  id: CauseId
  phase: CausePhase
  title: string
  meaning: string
  fix(values: FixValues): Fix
}

type EntryText = Omit<CauseEntry, 'id' | 'phase'>

const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
const DATA_PLANE_ROLE = 'Cognitive Services OpenAI User'
/**
 * Foundry project APIs check accounts/AIServices/... data actions, which Cognitive Services OpenAI User does not
 * grant (reference/azure-facts.md §3). The role was renamed from "Azure AI User" in 05/2026; its id never changes.
 */
const FOUNDRY_DATA_PLANE_ROLE = 'Foundry User'
const ROLE_IDS: Record<string, string> = {
  [DATA_PLANE_ROLE]: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd',
  [FOUNDRY_DATA_PLANE_ROLE]: '53ca6127-db72-4b80-b1b0-d745d6d5456d'
}

/** The data-plane role a fix should name, when it is not Cognitive Services OpenAI User. */
export function dataPlaneRoleFor(facts: { dataAction?: string; foundryProject?: boolean }): string | undefined {
  return facts.foundryProject || facts.dataAction?.includes('/AIServices/') ? FOUNDRY_DATA_PLANE_ROLE : undefined
}
const RESOURCE_ID =
  '/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/' +
  'Microsoft.CognitiveServices/accounts/<account-name>'

/** The cloud the fix is for: the chosen one, else the endpoint's, else the public cloud. */
function cloudOf(v: FixValues): Cloud {
  if (v.cloud) return cloudNamed(v.cloud)
  const host = hostIn(v)
  return (host ? cloudOfHost(host) : undefined) ?? cloudNamed(undefined)
}

function hostIn(v: FixValues): string | undefined {
  return v.host ?? (v.endpoint ? hostOf(v.endpoint) : undefined)
}

function exchangeAudience(v: FixValues): string {
  return v.audience ?? cloudOf(v).tokenExchangeAudience
}

function accountName(v: FixValues): string | undefined {
  const host = hostIn(v)
  return host ? accountNameOfHost(host) : undefined
}

function customEndpoint(v: FixValues): string {
  return customEndpointTemplate(cloudOf(v))
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname
  } catch {
    return undefined
  }
}

function scopeFor(v: FixValues): string {
  return v.scope ?? dataPlaneScope(cloudOf(v))
}

/**
 * The account's resource id: known, or looked up by the endpoint's custom subdomain (which need not be the
 * account's name) in the subscription `az` is set to, so the command runs as pasted.
 */
function resourceScope(v: FixValues): string {
  if (v.resourceScope) return v.resourceScope
  const subdomain = accountName(v)
  if (!subdomain) return RESOURCE_ID
  const query = `[?properties.customSubDomainName=='${subdomain}'].id`
  return `"$(az cognitiveservices account list --query "${query}" -o tsv)"`
}

const UNKNOWN_SUBJECT = '<subject the token presents>'

/**
 * The `az` commands that register (or, for `update`, correct) the presented subject on the app registration or the
 * user-assigned identity: the one for the kind of identity when known, else both.
 */
function federatedCredentialCommands(v: FixValues, action: 'create' | 'update'): FixBlock[] {
  const subject = v.subject ?? UNKNOWN_SUBJECT
  const issuer = v.issuer ?? GITHUB_ISSUER
  const audience = exchangeAudience(v)
  const name =
    action === 'create' && v.subject
      ? 'github-' +
        v.subject
          .replace(/^repo:/, '')
          .replace(/[^A-Za-z0-9-]+/g, '-')
          .replace(/^-|-$/g, '')
          .slice(0, 100)
      : '<credential-name>'
  const credentialId = action === 'update' ? ' --federated-credential-id <credential-id>' : ''
  const appCommand = bash(
    `az ad app federated-credential ${action} --id ${v.clientId ?? '<client-id>'}${credentialId} ` +
      `--parameters '${JSON.stringify({ name, issuer, subject, audiences: [audience] })}'`
  )
  const identityCommand = bash(
    `az identity federated-credential ${action} --name ${name} --identity-name ` +
      `<identity-name> --resource-group <resource-group> --issuer ${issuer} --subject '${subject}' ` +
      `--audiences ${audience}`
  )
  if (v.identityKind === 'managed-identity') return [identityCommand]
  if (v.identityKind === 'app') return [appCommand]
  return [appCommand, prose('For a user-assigned managed identity:'), identityCommand]
}

/**
 * AADSTS7002138: a credential already holds the subject in other letter case. Correcting that credential's
 * subject fixes it; registering another would leave the wrong one behind.
 */
function caseOnlySubjectFix(v: FixValues): Fix {
  const subject = v.subject ?? UNKNOWN_SUBJECT
  const clientId = v.clientId ?? '<client-id>'
  return [
    prose(
      'Likely: a federated credential holds this subject in other letter case; Entra compares subjects ' +
        'case-sensitively (AADSTS7002138), and GitHub presents the owner, repository, branch and environment names in ' +
        'their exact case.'
    ),
    prose(
      `Correct that credential's subject to exactly ${subject} (find it with `,
      code(`az ad app federated-credential list --id ${clientId} --query "[].{id:id,name:name,subject:subject}"`),
      '):'
    ),
    ...federatedCredentialCommands(v, 'update')
  ]
}

/** Names the role by its id where it has been renamed before, so the command keeps working after a rename. */
function roleAssignmentCommand(v: FixValues, role = v.role ?? DATA_PLANE_ROLE): FixBlock {
  const roleArgument = role === FOUNDRY_DATA_PLANE_ROLE ? ROLE_IDS[role] : `"${role}"`
  return bash(
    `az role assignment create --assignee-object-id ${v.principalId ?? '<principal-object-id>'} ` +
      `--assignee-principal-type ServicePrincipal --role ${roleArgument} --scope ${resourceScope(v)}`
  )
}

function quotedRole(role: string): string {
  return role === FOUNDRY_DATA_PLANE_ROLE
    ? `"${role}" (formerly "Azure AI User", role id ${ROLE_IDS[role]})`
    : `"${role}"`
}

function endpointText(v: FixValues): string {
  return v.endpoint ?? '<endpoint>'
}

const ENTRIES: Record<CauseId, EntryText> = {
  // ── inputs / static ──
  'invalid-input': {
    title: 'An input is invalid',
    meaning:
      'A value given to the tool (or to the SDK: scope, client id, tenant id, endpoint) is missing or not ' +
      'in an accepted form, so nothing was sent.',
    fix: (v) => [
      prose(
        'Correct the value named in the message. Token scopes for Azure OpenAI are ',
        code(dataPlaneScope(cloudOf(v))),
        ' (a client-credentials scope always ends in ',
        code('/.default'),
        '); ',
        'client and tenant ids are GUIDs.'
      )
    ]
  },
  'endpoint-malformed': {
    title: 'The endpoint is not a bare resource URL',
    meaning:
      "The endpoint must be the resource's base URL (`https://<name>.openai.azure.com/`). A URL with " +
      'extra path (`/openai/deployments/<name>/chat/completions?api-version=...`), http, or a typo builds wrong ' +
      'request URLs.',
    fix: (v) => [
      prose(
        `Use the resource's base URL as the endpoint: ${v.suggestedEndpoint ?? customEndpoint(v)}`,
        v.endpoint ? ` (instead of ${v.endpoint}).` : '.',
        ' The SDK adds /openai/deployments/<deployment>/... and the api-version itself.'
      )
    ]
  },
  'endpoint-cloud-mismatch': {
    title: 'The endpoint belongs to another Azure cloud',
    meaning:
      "The endpoint's host is in a different cloud (public, US Government, China) than the one the " +
      'token is requested from: the authority, the token-exchange audience and the scope must all be of the ' +
      "endpoint's cloud.",
    fix: (v) => [
      prose(
        'Set ',
        code('environment'),
        " to the endpoint's cloud (azurecloud for *.azure.com, " +
          'azureusgovernment for *.azure.us, azurechinacloud for *.azure.cn)',
        v.host ? `; the endpoint host is ${v.host}` : '',
        v.cloud ? ` and the chosen cloud is ${v.cloud}` : '',
        '. The app registration and its federated credential must live in a tenant of that cloud.'
      )
    ]
  },
  'regional-endpoint-no-subdomain': {
    title: "Entra ID tokens need the resource's custom subdomain endpoint",
    meaning:
      'Regional endpoints (`https://<region>.api.cognitive.microsoft.com/`) accept only API keys: the ' +
      'service finds the resource from the custom subdomain in the host name, and a token does not say which ' +
      'resource it is for. Azure answers 400 "Please provide a custom subdomain for token authentication, ' +
      'otherwise API key is required."',
    fix: (v) => [
      prose(
        `Use the custom subdomain endpoint of the resource: ${v.suggestedEndpoint ?? customEndpoint(v)}`,
        v.endpoint ? ` instead of ${v.endpoint}` : '',
        ' (Azure portal: the resource\'s "Keys and Endpoint" page; or:'
      ),
      bash('az cognitiveservices account show -n <name> -g <resource-group> --query properties.endpoint'),
      prose('A resource created without one can get a custom subdomain once (it cannot be changed later):'),
      bash('az cognitiveservices account update -n <name> -g <resource-group> --custom-domain <name>')
    ]
  },
  'untrusted-endpoint-host': {
    title: "The endpoint's host is not allowed to receive credentials",
    meaning:
      "Credentials are sent only to hosts of the chosen cloud's Azure AI suffixes or to hosts the " +
      'workflow lists in `allowed-hosts`; the endpoint is on another host, so no token or key was sent.',
    fix: (v) => [
      prose(
        `If ${v.host ?? 'the host'} is your own gateway (e.g. API Management), add it to the workflow's `,
        code('allowed-hosts'),
        ' input',
        v.allowedHosts?.length ? ` (now: ${v.allowedHosts.join(', ')})` : '',
        '. Otherwise point ',
        code('endpoint'),
        ' at your Azure OpenAI resource (',
        code(customEndpoint(v)),
        '). ',
        'A value read from a file in the repository cannot widen the list.'
      )
    ]
  },

  // ── GitHub OIDC ──
  'missing-id-token-permission': {
    title: 'The job has no `id-token: write` permission',
    meaning:
      'GitHub gives a job an OIDC token only when it is granted `permissions: id-token: write`; without ' +
      'it the runner does not set ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN ("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL ' +
      'env variable"). Declaring any `permissions:` block sets every unlisted permission to none.',
    fix: () => [
      prose('Add to the job (or the workflow):'),
      yaml('permissions:', '  id-token: write', '  contents: read'),
      prose('A reusable workflow needs it in the caller too.')
    ]
  },
  'fork-pr-no-oidc': {
    title: 'Pull requests from forks never get an OIDC token',
    meaning:
      'For pull_request events from a fork GitHub caps id-token at read, so no OIDC token can be issued, ' +
      'whatever the workflow declares (secrets are withheld too). Only a private repository\'s "Send write tokens ' +
      'to workflows from fork pull requests" setting lifts that cap.',
    fix: (v) => [
      prose(
        'Skip the check for fork pull requests (',
        code('if: github.event.pull_request.head.repo.fork == false'),
        ') or run it after merge',
        v.eventName ? ` (event: ${v.eventName})` : '',
        '. Do not switch to ',
        code('pull_request_target'),
        ' to get a token: it would run untrusted code with your credentials.'
      )
    ]
  },
  'dependabot-no-oidc': {
    title: 'Dependabot runs never get an OIDC token',
    meaning:
      'Workflows triggered by Dependabot run with a read-only GITHUB_TOKEN and no OIDC token, like fork ' +
      "pull requests. GitHub keeps these restrictions when a person re-runs such a run (the run's actor stays " +
      'dependabot[bot]); a run a person triggers (a push to the Dependabot branch, workflow_dispatch) is not one.',
    fix: () => [
      prose(
        'Skip the check for Dependabot (',
        code("if: github.actor != 'dependabot[bot]'"),
        '), or run it after merge.'
      )
    ]
  },
  'oidc-request-failed': {
    title: 'GitHub did not issue an OIDC token',
    meaning:
      "The job had the permission, but the request to GitHub's token endpoint failed (an HTTP error, an " +
      'empty response, a self-hosted runner or GHES without OIDC), or an empty assertion was passed on to Entra ' +
      '(AADSTS50027 "JWT token is invalid or malformed").',
    fix: () => [
      prose(
        'Check the step log for the earlier token error; on self-hosted runners make sure the runner ' +
          'can reach the ACTIONS_ID_TOKEN_REQUEST_URL host; re-run the job (the endpoint can fail transiently). Debug ' +
          'the claims with ',
        link('https://github.com/github/actions-oidc-debugger', 'github/actions-oidc-debugger'),
        '.'
      )
    ]
  },

  // ── Entra token ──
  'fic-subject-mismatch': {
    title: "No federated credential matches the GitHub token's subject",
    meaning:
      'Entra looks for a federated identity credential whose issuer, subject and audience equal the ' +
      "GitHub token's exactly (case-sensitively). The subject depends on the trigger: environment " +
      '(`repo:O/R:environment:E`) wins over pull_request (`repo:O/R:pull_request`), which wins over the ref ' +
      '(`repo:O/R:ref:refs/heads/B`); newer repositories use `repo:O@id/R@id:...`; an org can customise the template.',
    fix: (v) => {
      if (v.subjectCaseOnly) return caseOnlySubjectFix(v)
      const reasons = v.subject ? explainSubjectMismatch(v.subject, v.registeredSubjects) : []
      return [
        ...(reasons[0] ? [prose(`Likely: ${reasons[0]}`)] : []),
        prose(`Register a federated credential for the subject the token presents (${v.subject ?? UNKNOWN_SUBJECT}):`),
        ...federatedCredentialCommands(v, 'create')
      ]
    }
  },
  'fic-issuer-mismatch': {
    title: "No federated credential has the GitHub token's issuer",
    meaning:
      "The credential's issuer must equal the token's `iss` exactly: `https://token.actions.githubusercontent.com` " +
      '(no trailing slash); GHEC custom issuers add `/<enterprise-slug>`, GHE.com and GHES use their own hosts.',
    fix: (v) => [
      prose(
        `Set the federated credential's issuer to ${v.issuer ?? GITHUB_ISSUER} (the token's `,
        code('iss'),
        ', character for character):'
      ),
      ...federatedCredentialCommands(v, 'create')
    ]
  },
  'fic-audience-mismatch': {
    title: "The GitHub token's audience is not the credential's",
    meaning:
      'The GitHub token must be requested for the audience listed in the federated credential, normally ' +
      '`api://AzureADTokenExchange` (US Gov: `api://AzureADTokenExchangeUSGov`, China: `api://AzureADTokenExchangeChina`).',
    fix: (v) => [
      prose(
        `Request the GitHub token for ${exchangeAudience(v)} (the `,
        code('audience'),
        ' input), and give the ' + 'federated credential that audience:'
      ),
      ...federatedCredentialCommands(v, 'create')
    ]
  },
  'no-fic-configured': {
    title: 'The identity has no federated credential',
    meaning:
      'The app registration or managed identity has no federated identity credential at all, so no ' +
      'GitHub token can be exchanged for it.',
    fix: (v) => [prose('Add one for the subject the token presents:'), ...federatedCredentialCommands(v, 'create')]
  },
  'app-not-found': {
    title: 'The client id is not an application in this tenant',
    meaning:
      'Entra found no application (service principal) or managed identity with this client id in the ' +
      'tenant: a typo, the object id instead of the application (client) id, a deleted app, or the wrong tenant.',
    fix: (v) => [
      prose(
        'Use the application (client) id of the app registration or managed identity, in its own tenant: ',
        code(`az ad app show --id ${v.clientId ?? '<client-id>'} --query appId`),
        ' or ',
        code('az identity show -n <identity-name> -g <resource-group> --query clientId'),
        '; check the tenant with ',
        code('az account show --query tenantId'),
        v.tenantId ? ` (configured: ${v.tenantId})` : '',
        '.'
      ),
      prose('An app without a service principal needs:'),
      bash(`az ad sp create --id ${v.clientId ?? '<client-id>'}`)
    ]
  },
  'tenant-not-found': {
    title: 'The tenant does not exist',
    meaning:
      'The tenant id (or domain) is not a tenant of this cloud: a typo, a subscription id instead of ' +
      'the tenant id, or a tenant of another cloud.',
    fix: (v) => [
      prose(
        'Set tenant-id to the directory (tenant) id: ',
        code('az account show --query tenantId'),
        v.tenantId ? ` (configured: ${v.tenantId})` : '',
        '; for US Government or China set ',
        code('environment'),
        '.'
      )
    ]
  },
  'assertion-expired': {
    title: 'The GitHub OIDC token expired before it was exchanged',
    meaning:
      'GitHub OIDC tokens are valid for minutes (AADSTS700024: the client assertion is not within its ' +
      'valid time range). Long jobs that fetch the token once and exchange it later, or a runner clock that is ' +
      'off, hit this.',
    fix: () => [
      prose(
        'Request a fresh GitHub OIDC token right before each exchange (tools: re-run azure/login ' +
          "before the step that needs it); check the runner's clock on self-hosted machines."
      )
    ]
  },
  'resource-principal-not-found': {
    title: 'The token scope names a resource that does not exist in the tenant',
    meaning:
      "AADSTS500011: the scope's resource (e.g. the endpoint URL, or a misspelt audience) has no " +
      'service principal in the tenant. Azure OpenAI tokens are requested for ' +
      '`https://cognitiveservices.azure.com/.default`, not for the endpoint.',
    fix: (v) => [
      prose(
        'Request the token for ',
        v.scope && isDataPlaneAudience(v.scope.replace(/\/\.default$/, '')) ? v.scope : dataPlaneScope(cloudOf(v)),
        ` (Foundry project endpoints: ${cloudOf(v).foundryAudience}/.default).`
      )
    ]
  },
  'invalid-client-secret': {
    title: 'The client secret is wrong or expired',
    meaning:
      'A client secret was sent instead of (or as well as) the GitHub OIDC assertion and Entra refused ' +
      "it: the secret's id instead of its value, a rotated or expired secret.",
    fix: (v) => [
      prose(
        'With GitHub OIDC no secret is needed: remove the client secret (AZURE_CLIENT_SECRET) so the ' +
          'federated credential is used. To keep a secret, create a new one and store its value (not its id):'
      ),
      bash(`az ad app credential reset --id ${v.clientId ?? '<client-id>'} --append`)
    ]
  },
  'conditional-access-blocked': {
    title: 'A Conditional Access policy blocks the identity',
    meaning:
      'The federated credential matched, but a Conditional Access policy for workload identities ' +
      '(AADSTS53003 "Access has been blocked by Conditional Access policies") refused to issue the token, ' +
      "typically a location policy that does not trust the runner's IP address.",
    fix: (v) => [
      prose(
        'Ask the Entra administrator to exclude the service principal',
        v.clientId ? ` (client id ${v.clientId})` : '',
        " from the policy or to trust the runner's network (a " +
          'self-hosted runner with a fixed egress IP, or GitHub-hosted larger runners with static IPs); the sign-in ' +
          'logs for service principals name the policy.'
      )
    ]
  },

  // ── data plane ──
  'wrong-token-audience': {
    title: 'The token is for another audience',
    meaning:
      'Azure OpenAI accepts tokens whose `aud` is https://cognitiveservices.azure.com (or ' +
      'https://ai.azure.com); Foundry project endpoints need https://ai.azure.com. A token for ARM, Graph or ' +
      'the endpoint URL gets 401 "Access token is missing, invalid, audience is incorrect ..., or have expired".',
    fix: (v) => [
      prose(
        `Request the token for the scope ${scopeFor(v)}`,
        v.tokenAudience ? ` (the token sent has aud ${v.tokenAudience})` : '',
        ': e.g. ',
        code(`getBearerTokenProvider(credential, '${scopeFor(v)}')`),
        ', ',
        code(`az account get-access-token --resource ${scopeFor(v).replace(/\/\.default$/, '')}`),
        '.'
      )
    ]
  },
  'token-expired': {
    title: 'The access token had expired',
    meaning:
      'Entra access tokens live 60–90 minutes; a token fetched once and reused (an environment ' +
      'variable, a cached string) expires in long jobs.',
    fix: () => [
      prose(
        'Use a token provider that refreshes (e.g. ',
        code('getBearerTokenProvider'),
        ' / ',
        code('azure_ad_token_provider'),
        ') instead of a fixed token string, or fetch a new token right before the call.'
      )
    ]
  },
  'token-tenant-mismatch': {
    title: 'The token is from another tenant than the resource',
    meaning:
      'The resource accepts tokens issued by its own tenant only; the identity signed in to another ' +
      'tenant (a multi-tenant app, a wrong tenant-id).',
    fix: (v) => [
      prose(
        'Set tenant-id to the tenant of the Azure OpenAI resource',
        v.tenantId ? ` (configured: ${v.tenantId})` : '',
        ': ',
        code('az account show --query tenantId'),
        " in the resource's subscription. The app (or managed identity) needs a service principal there."
      )
    ]
  },
  'key-sent-as-bearer': {
    title: 'An API key was sent as a Bearer token',
    meaning:
      'An `Authorization: Bearer` header is read as an Entra token by the dated API; an API key there ' +
      'is refused with the "Access token is missing, invalid, audience is incorrect" 401.',
    fix: () => [
      prose(
        'Send API keys in the ',
        code('api-key'),
        ' header (AzureOpenAI({ apiKey }) does this), or ' +
          'send an Entra token (azureADTokenProvider) as Bearer. Only the /openai/v1/ API also takes a key as Bearer.'
      )
    ]
  },
  'missing-data-plane-role': {
    title: 'The identity lacks a data-plane role on the resource',
    meaning:
      'The token is valid, but the principal has no role granting the data action (401 PermissionDenied ' +
      '"lacks the required data action Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action"). ' +
      'Owner, Contributor and Cognitive Services Contributor grant no data actions; Cognitive Services OpenAI ' +
      'User does.',
    fix: (v) => [
      prose(`Assign ${quotedRole(v.role ?? DATA_PLANE_ROLE)} to the principal on the resource:`),
      roleAssignmentCommand(v),
      prose('It can take up to 10 minutes to take effect; get a new token afterwards.')
    ]
  },
  'wrong-endpoint-host': {
    title: 'The request went to the wrong host',
    meaning:
      'The call did not reach the Azure OpenAI resource: e.g. the client defaulted to api.openai.com ' +
      '(OpenAI instead of AzureOpenAI, or no endpoint set), or the key belongs to another resource.',
    fix: (v) => [
      prose(
        `Point the client at your resource endpoint (${endpointText(v)}) with the Azure client ` +
          `(AzureOpenAI / AzureChatOpenAI, or base_url ${customEndpoint(v)}openai/v1/).`
      )
    ]
  },
  'invalid-api-key': {
    title: 'The API key is not valid for this resource',
    meaning:
      'The `api-key` was refused (401 "Access denied due to invalid subscription key or wrong API ' +
      'endpoint"): a key of another resource, a regenerated key, or a stray character; or no key reached the ' +
      'header the service reads (401 "missing subscription key", e.g. an empty variable, or an API Management ' +
      'gateway that expects its own subscription key).',
    fix: (v) => [
      prose(
        'Copy a current key of this resource, and use it with its own endpoint',
        v.endpoint ? ` (${v.endpoint})` : '',
        ':'
      ),
      bash(`az cognitiveservices account keys list -n ${accountName(v) ?? '<account-name>'} -g <resource-group>`)
    ]
  },
  'local-auth-disabled': {
    title: 'Key authentication is disabled on the resource',
    meaning:
      'The resource has disableLocalAuth=true: API keys are refused with 403 AuthenticationTypeDisabled; ' +
      'only Entra ID tokens work.',
    fix: (v) => [
      prose('Use Entra ID (the ', code('auth: oidc'), ' default) with a role on the resource:'),
      roleAssignmentCommand(v)
    ]
  },
  'deployment-not-found': {
    title: 'The deployment does not exist on this resource',
    meaning:
      'The deployment name in the URL (or `model` on the v1 API) is not a deployment of this resource ' +
      '(404 DeploymentNotFound). The deployment name is yours, not necessarily the model name.',
    fix: (v) => [
      prose('List the deployments:'),
      bash(
        `az cognitiveservices account deployment list -n ${accountName(v) ?? '<account-name>'} ` +
          '-g <resource-group> --query "[].name"'
      ),
      prose(
        'and set deployment to one of them',
        v.deployment ? ` (configured: ${v.deployment})` : '',
        '. A deployment created in the last minutes may need a moment.'
      )
    ]
  },
  'wrong-api-version-or-path': {
    title: 'The api-version or the request path is wrong',
    meaning:
      'The dated API needs a supported `api-version` query parameter; a wrong path (an endpoint pasted ' +
      'with extra segments, /v1/ mixed with api-version) gets 404 "Resource not found".',
    fix: (v) => [
      prose(
        'Use api-version 2024-10-21 (latest GA) or omit it with the /openai/v1/ API',
        v.apiVersion ? ` (configured: ${v.apiVersion})` : '',
        `; the endpoint is the bare resource URL (${v.suggestedEndpoint ?? customEndpoint(v)}).`
      )
    ]
  },
  'operation-not-supported': {
    title: "The deployment's model does not support this operation",
    meaning:
      'E.g. chat completions on an embeddings deployment (400 OperationNotSupported "The chatCompletion ' +
      'operation does not work with the specified model").',
    fix: (v) => [
      prose(
        'Call the operation the model supports (probe: embeddings for an embeddings model), or use a ' +
          'deployment of a chat model',
        v.deployment ? ` instead of ${v.deployment}` : '',
        v.model ? ` (${v.model})` : '',
        '.'
      )
    ]
  },
  'unsupported-parameter': {
    title: 'The model rejects a request parameter',
    meaning:
      'Reasoning models (o1, o3, o4-mini, gpt-5...) reject `max_tokens` (use `max_completion_tokens`) and ' +
      'non-default `temperature`; old api-versions do not know newer parameters.',
    fix: (v) => [
      prose(
        `Remove or replace ${v.parameter ? `'${v.parameter}'` : 'the parameter'}: use `,
        code('max_completion_tokens'),
        ' instead of ',
        code('max_tokens'),
        ' for reasoning models, and an ' + 'api-version of 2024-12-01-preview or later.'
      )
    ]
  },
  'network-blocked': {
    title: "The resource's network rules block the caller",
    meaning:
      'Public network access is disabled or limited to selected networks/IPs or private endpoints ' +
      '(403 "Access denied due to Virtual Network/Firewall rules"); GitHub-hosted runners come from changing ' +
      'public IPs.',
    fix: (v) => [
      prose(
        'Run on a runner inside the allowed network (self-hosted, or GitHub-hosted with Azure private ' +
          "networking), or allow the runner's IP:"
      ),
      bash(
        `az cognitiveservices account network-rule add -n ${accountName(v) ?? '<account-name>'} ` +
          '-g <resource-group> --ip-address <runner-ip>'
      )
    ]
  },
  throttled: {
    title: 'Rate limited (429): authentication works',
    meaning:
      "The deployment's tokens-per-minute or requests-per-minute limit was hit. The credentials and " +
      'the role are fine.',
    fix: (v) => [
      prose(
        `Retry after ${v.retryAfterSeconds ?? 'the Retry-After'} seconds, or raise the deployment's ` +
          'capacity (TPM) in the portal.'
      )
    ]
  },
  'quota-exhausted': {
    title: 'The quota is used up',
    meaning:
      'A 429 asking to retry after hours (typically 86400 seconds), or insufficient_quota: a daily or ' +
      'subscription quota is exhausted; retrying soon will not help. Authentication works.',
    fix: (v) => [
      prose(
        'Wait for the quota to reset',
        v.retryAfterSeconds ? ` (retry after ${v.retryAfterSeconds} s)` : '',
        ', move to a paid or higher tier, or request more quota for the model and region.'
      )
    ]
  },
  'service-error': {
    title: 'The service failed (5xx)',
    meaning:
      'Azure OpenAI (or Entra) answered with a server error after retries; this is not a configuration ' + 'problem.',
    fix: () => [
      prose(
        'Retry later; check Azure status and the resource health; a model that is often overloaded ' +
          'may need another region or deployment type.'
      )
    ]
  },

  // ── transport ──
  'dns-failure': {
    title: 'The host name does not resolve',
    meaning:
      'DNS found no address for the host (ENOTFOUND / getaddrinfo): a typo in the endpoint, a deleted ' +
      "resource, or a private-endpoint-only name that the runner's DNS cannot see.",
    fix: (v) => [
      prose(
        `Check the host${v.host ? ` ${v.host}` : ''} (`,
        code('nslookup <host>'),
        '), the resource ' + "name, and the runner's DNS (private DNS zone ",
        `privatelink.${cloudOf(v).subdomainSuffixes[0]}`,
        ' for private endpoints).'
      )
    ]
  },
  'tls-failure': {
    title: 'The TLS certificate is not trusted',
    meaning:
      'The TLS handshake failed: typically a TLS-inspecting corporate proxy whose CA the runner does not ' +
      'trust (SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE).',
    fix: () => [
      prose(
        "Trust the proxy's CA: set NODE_EXTRA_CA_CERTS (Node), REQUESTS_CA_BUNDLE / SSL_CERT_FILE " +
          '(Python) to a PEM bundle that includes it. Do not disable certificate verification.'
      )
    ]
  },
  'proxy-failure': {
    title: 'The proxy refused or failed the connection',
    meaning:
      'The HTTPS proxy (HTTPS_PROXY) refused the CONNECT tunnel, asked for authentication (407), or ' +
      'could not be reached; or a proxy or firewall on the path refused or reset the connection (ECONNREFUSED, ' +
      'ECONNRESET).',
    fix: (v) => [
      prose(
        'Check HTTPS_PROXY (including credentials for a 407) and NO_PROXY, and that the proxy allows ' +
          `${authorityHostName(cloudOf(v))}, *.${cloudOf(v).subdomainSuffixes[0]} and the GitHub OIDC host. A proxy ` +
          'answers 502 or 503 to a CONNECT when the host does not resolve: check the name with ',
        code(`nslookup ${hostIn(v) ?? '<host>'}`),
        '.'
      )
    ]
  },
  timeout: {
    title: 'The call timed out',
    meaning:
      'A call did not complete within its deadline: a blocked network path, a slow proxy, or a hung ' + 'service.',
    fix: () => [
      prose(
        'Check that the runner can reach the hosts (firewall, proxy), and raise ',
        code('timeout-seconds'),
        ' if the network is merely slow.'
      )
    ]
  },

  // ── control plane ──
  'arm-authorization-failed': {
    title: 'The identity may not read the resource (control plane)',
    meaning:
      'An Azure Resource Manager call was refused (AuthorizationFailed): the identity has no role that ' +
      'allows it at this scope. Only the optional control-plane checks need it.',
    fix: (v) => [
      prose(
        `Give the identity ${v.role ?? 'Reader'} on ${v.resourceScope ? 'that scope' : 'the resource'} ` +
          '(or skip the control-plane checks):'
      ),
      roleAssignmentCommand(v, v.role ?? 'Reader')
    ]
  },
  'role-assignment-propagating': {
    title: 'A new role assignment has not propagated yet',
    meaning:
      'Role assignments (and new principals) take up to ~10 minutes to reach the data plane, longer for ' +
      'group memberships and management-group scopes; tokens issued before keep the old view.',
    fix: () => [prose('Wait a few minutes and retry with a new token.')]
  },
  'arm-resource-not-found': {
    title: 'Resource Manager does not find the subscription, resource group or resource',
    meaning: 'Azure Resource Manager answered 404 (ResourceNotFound, ResourceGroupNotFound, SubscriptionNotFound): ' +
      'the name, resource group or subscription is wrong, the resource was deleted or not created yet, or it lives ' +
      'in a subscription, tenant or cloud the identity does not sign in to.',
    fix: (v) => [
      prose(
        'Check the names and the subscription the identity sees',
        v.resourceScope ? ` for ${v.resourceScope}:` : ':'
      ),
      bash('az account show', 'az resource list --name <name>'),
      prose('For the Azure OpenAI account behind the endpoint:'),
      bash(`az cognitiveservices account list --query "[?properties.endpoint=='${endpointText(v)}']"`)
    ]
  },
  'model-retiring': {
    title: "The deployment's model version is retired or retiring",
    meaning:
      'The model version is deprecated or retired: Resource Manager refuses new deployments of it ' +
      '(ServiceModelDeprecated, DeploymentModelNotSupported) and, after its retirement date, inference calls on ' +
      'existing deployments fail. NoAutoUpgrade deployments stop working at that date.',
    fix: (v) => [
      prose('Deploy a current model version (the account lists them with their deprecation dates):'),
      bash(
        `az cognitiveservices account list-models -n ${accountName(v) ?? '<account-name>'} -g <resource-group> ` +
          '--query "[].{name:name, version:version, deprecation:deprecation}" -o table'
      ),
      prose(
        'then move the deployment to it, or set its version upgrade option to OnceNewDefaultVersionAvailable: ',
        link('https://learn.microsoft.com/azure/ai-services/openai/concepts/model-retirements', 'model retirements')
      )
    ]
  },
  unknown: {
    title: 'The cause could not be determined',
    meaning: 'The error does not match a known cause; the redacted evidence shows what was seen.',
    fix: (v) => [
      prose(
        'Read the evidence: the status, the response body (error.code), the AADSTS code or the network error ' +
          'code. For a connection that failed without a code, run on the same runner:'
      ),
      bash(`curl -sv https://${hostIn(v) ?? '<host>'}/ -o /dev/null`),
      prose(
        '(for the Entra ID step: ',
        code(`curl -sv ${cloudOf(v).authorityHost}/ -o /dev/null`),
        '): it shows ' + 'whether DNS, the proxy, TLS or the service fails. ',
        code('aoai-auth-check explain'),
        ' names the cause ' + 'of a pasted error text.'
      )
    ]
  }
}

export const CATALOGUE: Readonly<Record<CauseId, CauseEntry>> = Object.fromEntries(
  Object.entries(ENTRIES).map(([id, entry]) => [id, { id, phase: phaseOfCause(id as CauseId), ...entry }])
) as Record<CauseId, CauseEntry>
