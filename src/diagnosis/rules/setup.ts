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
