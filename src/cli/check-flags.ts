// The flags of `aoai-auth-check check`, their help, and the typed request they make. Pure: no environment reads.
import { describeFlags, parseFlags, UsageError, type FlagSpec } from './args.js'

export const AUTH_CHOICES = ['auto', 'cli', 'env', 'managed-identity', 'oidc', 'api-key'] as const
export type AuthChoice = (typeof AUTH_CHOICES)[number]
const PROBES = ['auto', 'chat', 'embeddings', 'models', 'none'] as const
const CLOUDS = ['azurecloud', 'azureusgovernment', 'azurechinacloud'] as const
const FAIL_ON = ['error', 'warning'] as const

export interface CheckRequest {
  endpoint?: string
  deployment?: string
  apiVersion?: string
  probe?: (typeof PROBES)[number]
  auth: AuthChoice
  clientId?: string
  tenantId?: string
  environment?: (typeof CLOUDS)[number]
  configFiles: string[]
  json: boolean
  timeoutSeconds?: number
  failOn: (typeof FAIL_ON)[number]
}

export const CHECK_FLAGS: Record<string, FlagSpec> = {
  endpoint: {
    kind: 'string',
    valueName: 'URL',
    description: 'the resource endpoint, e.g. https://<name>.openai.azure.com/'
  },
  deployment: {
    kind: 'string',
    valueName: 'D',
    description: 'the deployment to probe (needed unless --probe models|none)'
  },
  'api-version': {
    kind: 'string',
    valueName: 'V',
    description: 'YYYY-MM-DD, YYYY-MM-DD-preview or v1 (default 2024-10-21)'
  },
  probe: { kind: 'choice', values: PROBES, description: 'the call that proves access (default auto)' },
  auth: { kind: 'choice', values: AUTH_CHOICES, description: 'how to sign in (default auto: the first available)' },
  'client-id': {
    kind: 'string',
    valueName: 'ID',
    description: 'client id of the app or managed identity (default $AZURE_CLIENT_ID)'
  },
  'tenant-id': { kind: 'string', valueName: 'T', description: 'directory (tenant) id (default $AZURE_TENANT_ID)' },
  environment: { kind: 'choice', values: CLOUDS, description: 'the Azure cloud (default azurecloud)' },
  'config-file': {
    kind: 'string',
    valueName: 'F',
    repeatable: true,
    description: 'a repository config file to read targets from'
  },
  json: { kind: 'boolean', description: 'print the JSON report (schemaVersion 1) on stdout and nothing else' },
  timeout: {
    kind: 'integer',
    valueName: 'S',
    min: 1,
    max: 600,
    description: 'one deadline for the whole run, in seconds (default 30)'
  },
  'fail-on': { kind: 'choice', values: FAIL_ON, description: 'exit 1 on errors only (default), or on warnings too' },
  help: { kind: 'boolean', description: 'show this help' }
}

export const CHECK_HELP = `Usage: aoai-auth-check check --endpoint URL [--deployment D] [--api-version V]
         [--probe ${PROBES.join('|')}] [--auth ${AUTH_CHOICES.join('|')}]
         [--client-id ID] [--tenant-id T] [--environment ${CLOUDS.join('|')}]
         [--config-file F]... [--json] [--timeout S] [--fail-on ${FAIL_ON.join('|')}]

Runs the action's checks from any machine: endpoint form, sign-in, the access token, and one tiny probe call.
On a failure it names the cause and the fix, with your values.

${describeFlags(CHECK_FLAGS)}

Sign-in (--auth):
  env               @azure/identity's variables: AZURE_CLIENT_ID, AZURE_TENANT_ID, and AZURE_FEDERATED_TOKEN_FILE
                    (workload identity, e.g. on AKS) or AZURE_CLIENT_SECRET
  cli               the Azure CLI's login (az account get-access-token)
  managed-identity  the machine's managed identity (--client-id picks a user-assigned one)
  oidc              GitHub OIDC, as the action does (in a GitHub job with id-token: write)
  api-key           the key in the environment variable AZURE_OPENAI_API_KEY (never a flag: flags show in
                    process lists)
  auto              the first of env, oidc, managed-identity, cli, api-key that this machine has; the output
                    says which

Exit status: 0 pass (or warn, unless --fail-on warning), 1 fail, 2 usage error.

Examples:
  az login && aoai-auth-check check --endpoint https://contoso.openai.azure.com/ --deployment gpt-4o-mini --auth cli
  AZURE_OPENAI_API_KEY=... aoai-auth-check check --endpoint https://contoso.openai.azure.com/ --probe models --auth api-key
`

/** Reads the flags of `check` into a request; a mistake is a UsageError naming the flag and what it allows. */
export function parseCheckRequest(argv: readonly string[]): CheckRequest | 'help' {
  const flags = parseFlags(argv, CHECK_FLAGS, 'check takes flags only; the endpoint goes in --endpoint URL')
  if (flags.help) return 'help'
  const text = (name: string): string | undefined => flags[name] as string | undefined
  const configFiles = (flags['config-file'] as string[] | undefined) ?? []
  if (!text('endpoint') && configFiles.length === 0) {
    throw new UsageError(
      '--endpoint is required: the resource endpoint, e.g. https://<name>.openai.azure.com/ ' +
        '(or --config-file F to read the targets from a config file)'
    )
  }
  return {
    endpoint: text('endpoint'),
    deployment: text('deployment'),
    apiVersion: text('api-version'),
    probe: flags.probe as CheckRequest['probe'],
    auth: (flags.auth as AuthChoice | undefined) ?? 'auto',
    clientId: text('client-id'),
    tenantId: text('tenant-id'),
    environment: flags.environment as CheckRequest['environment'],
    configFiles,
    json: flags.json === true,
    timeoutSeconds: flags.timeout as number | undefined,
    failOn: (flags['fail-on'] as CheckRequest['failOn'] | undefined) ?? 'error'
  }
}
