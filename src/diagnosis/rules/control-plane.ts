// Azure Resource Manager: its error envelope {"error":{"code","message"}} as az, azd, Terraform, Bicep and the
// SDKs print it. The codes are stable (reference: arm-facts.md §f); the sentence after them names the action,
// the scope or the missing resource.
import { anyPhrase } from './phrases.js'
import type { Candidate, Facts, Rule } from './types.js'

const PROPAGATION: Candidate = {
  cause: 'role-assignment-propagating',
  why:
    'A role assigned in the last minutes ' +
    'is not yet visible to Resource Manager (Azure/login lists no subscription until it is): if one was just ' +
    'assigned, wait and retry with a new token.'
}

/** A missing deployment, named by its Resource Manager path, is the data plane's deployment-not-found. */
function decideNotFound(facts: Facts): Candidate | undefined {
  const deployment = /Microsoft\.CognitiveServices\/accounts\/[^/'"\s]+\/deployments\/([^/'"\s]+)/i.exec(
    facts.text
  )?.[1]
  if (!deployment) return undefined
  return { cause: 'deployment-not-found', why: `Resource Manager finds no deployment '${deployment}' on the account.` }
}

/** ARM says who, what and where: the role that allows the action at that scope is the fix. */
function decideAuthorization(facts: Facts): Candidate | undefined {
  if (!facts.armAction) return undefined
  const role = facts.roleToGrant ? ` — ${facts.roleToGrant} allows it` : ''
  return {
    cause: 'arm-authorization-failed',
    why:
      `Resource Manager refused '${facts.armAction}'` +
      `${facts.scope ? ` at ${facts.scope}` : ''}: the identity holds no role with that action there${role}.`
  }
}

export const CONTROL_PLANE_RULES: readonly Rule[] = [
  {
    cause: 'arm-authorization-failed',
    why: 'The identity has no role allowing this control-plane action at this scope.',
    text: anyPhrase(
      // 403 AuthorizationFailed "The client '…' with object id '…' does not have authorization to perform
      // action '…' over scope '…'": arm-facts.md §f (microsoft/foundry-dev-tools#555)
      /AuthorizationFailed/,
      /does not have authorization (?:or an ABAC condition not fulfilled )?to perform action/,
      /LinkedAuthorizationFailed/
    ),
    alternatives: [PROPAGATION],
    decide: decideAuthorization
  },
  {
    cause: 'arm-authorization-failed',
    why:
      'The identity signed in but sees no subscription: it holds no role on any subscription (a data-plane ' +
      'role on one account does not list the subscription), or a fresh assignment has not propagated.',
    text: anyPhrase(
      // Azure/login and az login --service-principal: "No subscriptions found for <client-id>."
      /No subscriptions found for/,
      /No subscriptions? (?:were )?found/,
      // azure-cli: "The subscription of '…' doesn't exist in cloud 'AzureCloud'."
      /subscription of .{0,80} doesn'?t exist in cloud/
    ),
    alternatives: [
      PROPAGATION,
      {
        cause: 'endpoint-cloud-mismatch',
        why:
          'A subscription of another cloud (US Government, China) is not ' +
          'found in the public cloud: the `environment` decides.'
      }
    ]
  },
  {
    cause: 'arm-resource-not-found',
    why: 'Resource Manager has no such subscription, resource group or resource (as this identity sees it).',
    text: anyPhrase(
      // 404 ResourceNotFound "The Resource 'Microsoft.CognitiveServices/accounts/<name>' under resource group
      // '<rg>' was not found." (arm-facts.md §f, Azure-Samples/azure-search-openai-demo#80)
      /\bResourceNotFound\b/,
      /The Resource '[^']+' under resource group '[^']+' was not found/,
      // 404 ResourceGroupNotFound "Resource group '<rg>' could not be found."
      /ResourceGroupNotFound/,
      /Resource group '[^']+' could not be found/,
      // 404 SubscriptionNotFound "The subscription '<id>' could not be found." (Azure/azure-sdk-for-go#2110)
      /SubscriptionNotFound/,
      /The subscription '[^']+' could not be found/,
      /ParentResourceNotFound/
    ),
    decide: decideNotFound,
    alternatives: [
      {
        cause: 'arm-authorization-failed',
        why:
          'A subscription or resource group the identity holds no role on ' +
          'can answer "not found" as well: whether it exists for an owner decides.'
      },
      {
        cause: 'endpoint-cloud-mismatch',
        why:
          'A subscription of another cloud is not found in this one: the ' + 'cloud the identity signs in to decides.'
      }
    ]
  },
  {
    cause: 'quota-exhausted',
    why:
      "The deployment asks for more capacity (tokens per minute) than the subscription's quota for that model " +
      'and region has left: lower the capacity, free quota from another deployment, use another region or request ' +
      'more quota.',
    text: anyPhrase(
      // ARM InsufficientQuota "This operation require N new capacity in quota Tokens Per Minute (thousands) - X,
      // which is bigger than the current available capacity M." — az, azd (InvalidTemplateDeployment), Terraform
      /InsufficientQuota/,
      /new capacity in quota/,
      /bigger than the current available capacity/,
      /(?:capacity|quota) .{0,40}(?:is )?(?:bigger|greater|larger) than (?:the )?(?:current )?(?:available|remaining)/,
      /exceed(?:s|ed)? (?:the )?(?:approved |available )?(?:quota|capacity) (?:limit )?for/,
      // "Insufficient quota. Cannot create/update/move resource" (Azure-Samples/cosmosdb-chatgpt#13), azd's
      // "Not enough quota" (Azure-Samples/assistant-data-openai-python-promptflow#64)
      /Insufficient (?:quota|capacity)/,
      /not enough (?:quota|capacity)/
    )
  },
  {
    cause: 'wrong-token-audience',
    why:
      'Resource Manager refused the bearer token (InvalidAuthenticationToken): a token for another audience ' +
      'than https://management.azure.com is the usual reason; its `aud`, `exp` and `tid` decide.',
    // 401 InvalidAuthenticationToken "The access token is invalid." (arm-facts.md §f); the Audience, Tenant and
    // Expired variants are named by the data-plane rows, which match the same codes
    text: anyPhrase(/InvalidAuthenticationToken\b/, /The access token is invalid/, /AuthenticationFailed/),
    alternatives: [
      { cause: 'token-expired', why: "An expired token gets the same answer: the token's `exp` decides." },
      { cause: 'token-tenant-mismatch', why: "A token of another tenant than the subscription's: its `tid` decides." }
    ]
  },
  {
    cause: 'model-retiring',
    why:
      'The model version is deprecated or retired (a newer version or model replaces it): Resource Manager ' +
      'refuses new deployments of it, and inference on a retired one fails. The same refusal for a current model ' +
      'means it is not offered in this region or SKU: the retirements table decides.',
    text: anyPhrase(
      // ARM ServiceModelDeprecated "The model 'Format:OpenAI,Name:gpt-35-turbo,Version:0613' has been deprecated
      // since <date>" — az, azd (inside InvalidTemplateDeployment), Terraform azurerm_cognitive_deployment
      // (Azure-Samples/aks-store-demo#203, shohei1029/book-azureopenai-sample#23)
      /ServiceModelDeprecated/,
      /The model '[^']*Name: ?[^']+' has been deprecated/,
      // the same sentence cut by a terminal (Azure-Samples/microsoft-foundry-basic#33): the catalogue's
      // "Name: <model>, Version: <v>, ..." and the date phrase are the stable part
      /Name: ?[\w.-]+, ?Version: ?[\w.-]+.{0,80}has been deprecated/,
      /has been deprecated since \d/,
      // ARM DeploymentModelNotSupported "Creating account deployment is not supported by the model
      // 'text-davinci-003'" (akshata29/entaoai#30)
      /DeploymentModelNotSupported/,
      /(?:Creating|Updating) account deployment is not supported by the model/,
      // "DeploymentModelNotSupported: The model 'Format: OpenAI, Name: ..., Version: 1' of account deployment is
      // not supported." (Azure-Samples/azure-search-openai-demo#406)
      /of account deployment is not supported/,
      // the portal's banner on a deployment past its date: "This deployment is using retired model <m> version <v>
      // which was retired on <date>. Inferencing on this endpoint will return error responses." (BerriAI/litellm#11116)
      /deployment is using retired model/,
      // the data plane (and OpenAI's wording, which Azure-compatible clients echo) after the retirement date
      /\bmodel_deprecated\b/,
      /The model [`'"][^`'"]+[`'"] has been (?:deprecated|retired)/,
      /model (?:version )?(?:has been |is )(?:retired|deprecated)/
    )
  },
  {
    cause: 'role-assignment-propagating',
    why:
      'The service says the role (or the principal) may not have propagated yet: a role assigned or a principal ' +
      'created in the last minutes decides.',
    text: anyPhrase(
      // Azure services' own advice: "If permissions have already been assigned, please wait for some time before
      // retrying since the role propagation can take a while" (crossplane-contrib/provider-upjet-azure#876)
      /(?:role|permission|RBAC)(?: assignments?)? propagation (?:can|may|might) take/,
      /wait for some time before retrying since the role propagation/,
      // AAD Graph right after the principal was created: "No matches in graph database for '<id>'"
      // (Azure/azure-cli#8530: az role assignment create just after az identity create)
      /No matches in graph database for/
    ),
    alternatives: [
      { cause: 'arm-authorization-failed', why: 'If nothing was assigned in the last minutes, no role grants it yet.' },
      { cause: 'app-not-found', why: 'If the principal id is simply wrong, it will never appear.' }
    ]
  },
  {
    cause: 'role-assignment-propagating',
    why: 'The principal or its role assignment is new and has not replicated yet.',
    text: anyPhrase(
      // ARM PrincipalNotFound "Principal <id> does not exist in the directory <tenant>. ... might be related to a
      // replication delay" (Azure/HubAndSpokeResearchEnclave#50, MicrosoftDocs/azure-docs#103085)
      /replication delay/,
      /PrincipalNotFound/,
      /Principal \S+ does not exist in the directory/
    ),
    alternatives: [{ cause: 'app-not-found', why: 'If the principal id is simply wrong, it will never appear.' }]
  }
]
