// The login step's own setup: values that reached it empty, or a credential chain with nothing configured.
import { SECRETS_WITHHELD, decideSecretsWithheld } from './entra-token.js'
import { anyPhrase } from './phrases.js'
import type { Rule } from './types.js'

export const SETUP_RULES: readonly Rule[] = [
  {
    cause: 'invalid-input',
    why:
      'The client id or tenant id reached the login step empty (a secret that is not set, or set in an ' +
      'environment the job does not reference).',
    text: anyPhrase(
      // Azure/login: "Not all values are present. Ensure 'client-id' and 'tenant-id' are supplied."
      /Not all values are present\. Ensure 'client-id' and 'tenant-id' are supplied/,
      // @actions/core getInput({ required: true })
      /Input required and not supplied: (?:client-id|tenant-id|creds)/,
      // google-github-actions/auth with empty inputs: "must specify exactly one of "workload_identity_provider" or
      // "credentials_json"! ... secrets are not passed to workflows triggered from forks, including Dependabot."
      // (malloydata/malloy-samples#97)
      /must specify exactly one of "?workload_identity_provider"? or "?credentials_json/
    ),
    alternatives: SECRETS_WITHHELD,
    decide: decideSecretsWithheld
  },
  {
    cause: 'invalid-input',
    why:
      'The OpenAI client was built without a value it needs (the deployment, the endpoint, the api-version or a ' +
      'credential): the setting or environment variable that should carry it is empty.',
    text: anyPhrase(
      // openai-python 0.x: "Must provide an 'engine' or 'deployment_id' parameter to create a <class ...>"
      // (run-llama/llama_index#7312)
      /Must provide an '?engine'? or '?deployment_id'? parameter/,
      // openai-python 1.x / openai-node AzureOpenAI constructors: "Must provide one of the `base_url` or
      // `azure_endpoint` arguments, or the `AZURE_OPENAI_ENDPOINT` environment variable", "Must provide either the
      // `api_version` argument or the `OPENAI_API_VERSION` environment variable", "Missing credentials. Please pass
      // one of `api_key`, `azure_ad_token`, `azure_ad_token_provider`, ..."
      /Must provide (?:one of the|either the) `?(?:base_?url|baseURL|api_?version|apiVersion|endpoint|azure_endpoint)/i,
      /Missing credentials\. Please pass one of `?api_?key/i
    )
  },
  // After the specific rows: a chain that holds an AADSTS code or a service error is that.
  {
    cause: 'invalid-input',
    why:
      'No credential in the chain was configured (DefaultAzureCredential tried environment variables, workload ' +
      'identity, managed identity and the Azure CLI, and none was set up): in a workflow, the client id, tenant id ' +
      'and the GitHub OIDC token are not wired in.',
    text: anyPhrase(
      // azure-identity (Python, JS, .NET, Java, Go) chain summaries
      /DefaultAzureCredential failed to retrieve a token/,
      /(?:ChainedTokenCredential|DefaultAzureCredential)(?: authentication failed|: failed to acquire a token)/,
      /CredentialUnavailableError/,
      /No credential in this chain/,
      /EnvironmentCredential (?:authentication )?(?:is )?unavailable/,
      /Please run 'az login'/
    ),
    alternatives: [
      {
        cause: 'oidc-request-failed',
        why:
          'If the workflow runs azure/login or sets ' +
          'AZURE_FEDERATED_TOKEN_FILE, an earlier failed OIDC token request leaves the chain empty the same way.'
      }
    ]
  }
]
