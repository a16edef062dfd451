// Which Entra ID credential a run signs in with, built from @azure/identity's own credentials, and how `auto`
// picks one. Selection reads only the environment it is given, so it is testable without touching process.env.
// The SDK itself is passed in: it loads on first use (pipeline/sdks.ts), never at start-up.
import type * as Identity from '@azure/identity'
import type { TokenCredential, TokenCredentialOptions } from '@azure/identity'

/** How a run signs in. The action offers oidc and api-key; the CLI all of them. */
export type SignInMode = 'oidc' | 'env' | 'cli' | 'managed-identity' | 'api-key'

/** The order `auto` tries, like DefaultAzureCredential's (environment, workload identity, managed identity, CLI). */
export const AUTO_ORDER: readonly SignInMode[] = ['env', 'oidc', 'managed-identity', 'cli', 'api-key']

export type Environment = Readonly<Record<string, string | undefined>>

export interface SignInFacts {
  env: Environment
  /** From flags; they win over AZURE_CLIENT_ID / AZURE_TENANT_ID. */
  clientId?: string
  tenantId?: string
  /** Whether an `az` executable is on the PATH. */
  azOnPath: boolean
}

/** A mode this machine can use, and the evidence for it (names of variables, never their values). */
export interface Availability {
  mode: SignInMode
  available: boolean
  /** What makes it available, or what is missing. */
  reason: string
}

const MANAGED_IDENTITY_VARIABLES = ['IDENTITY_ENDPOINT', 'MSI_ENDPOINT', 'AZURE_POD_IDENTITY_AUTHORITY_HOST']

/** Whether `mode` can run here, and why (or why not). */
export function availability(mode: SignInMode, facts: SignInFacts): Availability {
  const { env } = facts
  const clientId = facts.clientId ?? env.AZURE_CLIENT_ID
  const tenantId = facts.tenantId ?? env.AZURE_TENANT_ID
  const ids = [!clientId && 'AZURE_CLIENT_ID (or --client-id)', !tenantId && 'AZURE_TENANT_ID (or --tenant-id)']
  const verdict = (available: boolean, reason: string): Availability => ({ mode, available, reason })
  const missing = (names: (string | false)[]): string => `needs ${names.filter(Boolean).join(' and ')}`
  switch (mode) {
    case 'env': {
      const proof = env.AZURE_FEDERATED_TOKEN_FILE
        ? 'AZURE_FEDERATED_TOKEN_FILE'
        : env.AZURE_CLIENT_SECRET
          ? 'AZURE_CLIENT_SECRET'
          : env.AZURE_CLIENT_CERTIFICATE_PATH
            ? 'AZURE_CLIENT_CERTIFICATE_PATH'
            : undefined
      const lacking = [...ids, !proof && 'AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_SECRET']
      return lacking.some(Boolean)
        ? verdict(false, missing(lacking))
        : verdict(true, `AZURE_CLIENT_ID, AZURE_TENANT_ID and ${proof} are set`)
    }
    case 'oidc': {
      const lacking = [
        ...ids,
        !(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) &&
          'a GitHub job with id-token: write (ACTIONS_ID_TOKEN_REQUEST_URL)'
      ]
      return lacking.some(Boolean) ? verdict(false, missing(lacking)) : verdict(true, 'GitHub OIDC is available')
    }
    case 'managed-identity': {
      const present = MANAGED_IDENTITY_VARIABLES.find((name) => env[name])
      return present
        ? verdict(true, `${present} is set`)
        : verdict(false, `no managed identity endpoint variable (${MANAGED_IDENTITY_VARIABLES.join(', ')})`)
    }
    case 'cli':
      return facts.azOnPath ? verdict(true, 'az is on the PATH') : verdict(false, 'no az on the PATH')
    case 'api-key':
      return env.AZURE_OPENAI_API_KEY
        ? verdict(true, 'AZURE_OPENAI_API_KEY is set')
        : verdict(false, 'needs AZURE_OPENAI_API_KEY')
  }
}

/** `auto`: the first available mode in AUTO_ORDER, or every reason none is. */
export function chooseSignIn(facts: SignInFacts): Availability | { mode: undefined; reasons: Availability[] } {
  const all = AUTO_ORDER.map((mode) => availability(mode, facts))
  return all.find((entry) => entry.available) ?? { mode: undefined, reasons: all }
}

export interface CredentialSettings {
  mode: Exclude<SignInMode, 'api-key'>
  env: Environment
  clientId?: string
  tenantId?: string
  /** The cloud's sign-in host (or the workflow's authority-host): never AZURE_AUTHORITY_HOST from the environment. */
  authorityHost: string
  /** The GitHub OIDC token, for oidc. */
  getAssertion?: () => Promise<string>
  /** Retry and pipeline policies (the caller's error capture) for every credential that makes HTTP requests. */
  options: TokenCredentialOptions
}

/** The @azure/identity credential for a mode; its prerequisites were checked by `availability`. */
export function createCredential(identity: typeof Identity, settings: CredentialSettings): TokenCredential {
  const { env, authorityHost } = settings
  const clientId = settings.clientId ?? env.AZURE_CLIENT_ID
  const tenantId = settings.tenantId ?? env.AZURE_TENANT_ID
  const entra = { ...settings.options, authorityHost, disableInstanceDiscovery: true }
  switch (settings.mode) {
    case 'oidc':
      if (!settings.getAssertion) throw new Error('oidc needs the GitHub OIDC token source')
      return new identity.ClientAssertionCredential(
        required(tenantId, 'tenant id'),
        required(clientId, 'client id'),
        settings.getAssertion,
        entra
      )
    case 'env':
      if (env.AZURE_FEDERATED_TOKEN_FILE) {
        return new identity.WorkloadIdentityCredential({
          ...entra,
          tenantId,
          clientId,
          tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE
        })
      }
      if (env.AZURE_CLIENT_SECRET) {
        const ids = [required(tenantId, 'tenant id'), required(clientId, 'client id')] as const
        return new identity.ClientSecretCredential(...ids, env.AZURE_CLIENT_SECRET, entra)
      }
      // A certificate: EnvironmentCredential reads AZURE_CLIENT_CERTIFICATE_PATH (and its password) itself.
      return new identity.EnvironmentCredential(entra)
    case 'cli':
      return new identity.AzureCliCredential(tenantId ? { tenantId } : {})
    case 'managed-identity':
      return clientId
        ? new identity.ManagedIdentityCredential({ ...settings.options, clientId })
        : new identity.ManagedIdentityCredential(settings.options)
  }
}

/** A value `availability` made sure of: its absence here is a wiring mistake, not a diagnosis. */
function required(value: string | undefined, what: string): string {
  if (!value) throw new Error(`the sign-in needs a ${what}, and none was given`)
  return value
}

/** One line for the output: how the run signs in, and for auto why that way. */
export function describeSignIn(mode: SignInMode, env: Environment, chosenBecause?: string): string {
  const how: Record<SignInMode, string> = {
    env: env.AZURE_FEDERATED_TOKEN_FILE
      ? 'workload identity (federated token file)'
      : env.AZURE_CLIENT_SECRET
        ? 'client secret from the environment'
        : 'client certificate from the environment',
    oidc: 'GitHub OIDC token',
    'managed-identity': 'managed identity',
    cli: 'Azure CLI login',
    'api-key': 'API key from AZURE_OPENAI_API_KEY'
  }
  return `${mode}: ${how[mode]}${chosenBecause ? ` (auto: ${chosenBecause})` : ''}`
}
