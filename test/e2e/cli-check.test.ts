// `aoai-auth-check check` through the committed bundle, on a "laptop" in the world: no runner variables, only the
// proxy and CA, and whatever sign-in the machine has: @azure/identity's environment variables with a federated
// token file or a client secret, an `az` login (the stand-in), a managed identity endpoint, GitHub OIDC in a job,
// or an API key. Every answer is scanned for every secret the world holds.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { installAzStandIn } from '../world/azure-cli.ts'
import {
  API_KEY,
  buildScenario,
  CHAT_DEPLOYMENT,
  CLIENT_ID,
  CLIENT_SECRET,
  ENDPOINT,
  MANAGED_IDENTITY_CLIENT_ID,
  MANAGED_IDENTITY_PRINCIPAL_ID,
  PRINCIPAL_ID,
  scenarios,
  TENANT_ID,
  type World
} from '../world/index.ts'
import { sharedWorld } from './support.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CLI = join(ROOT, 'dist', 'cli.js')
const GUARD = join(ROOT, 'test', 'world', 'guard.mjs')
const world = sharedWorld()
const home = mkdtempSync(join(tmpdir(), 'aoai-cli-home-'))
afterAll(() => {
  rmSync(home, { recursive: true, force: true })
})

interface CliRun {
  status: number
  stdout: string
  stderr: string
}

/** A machine with the proxy and CA of the world and nothing else, plus `env`. */
function laptop(env: Record<string, string> = {}): Record<string, string> {
  const { HTTPS_PROXY, NODE_EXTRA_CA_CERTS } = world().env()
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, HTTPS_PROXY, NODE_EXTRA_CA_CERTS, ...env }
}

function check(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', GUARD, CLI, 'check', ...args], { env, cwd: home })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      resolve({ status: code ?? 1, stdout, stderr })
    })
  })
}

const TARGET = ['--endpoint', ENDPOINT, '--deployment', CHAT_DEPLOYMENT]
const ENV_IDS = { AZURE_CLIENT_ID: CLIENT_ID, AZURE_TENANT_ID: TENANT_ID }

function expectNoSecret(run: CliRun, of: World): void {
  for (const secret of of.secrets()) {
    expect(run.stdout).not.toContain(secret)
    expect(run.stderr).not.toContain(secret)
  }
}

/** A green run: the terminal report says passed, names the sign-in, and the token's principal. */
function expectPassed(run: CliRun, signIn: RegExp, principal = PRINCIPAL_ID): void {
  expect(run.status, run.stdout + run.stderr).toBe(0)
  expect(run.stdout).toMatch(signIn)
  expect(run.stdout).toMatch(/^ {2}pass {2}Entra ID access token /m)
  expect(run.stdout).toMatch(/^ {2}pass {2}Data-plane probe /m)
  expect(run.stdout).toContain(`Azure OpenAI auth check passed for ${ENDPOINT}`)
  expect(run.stdout).toContain(`principal ${principal}`)
  expectNoSecret(run, world())
}

describe('aoai-auth-check check, for every sign-in the world can serve', () => {
  it('env with a federated token file (workload identity)', async () => {
    const file = await world().federatedTokenFile()
    const run = await check([...TARGET, '--auth', 'env'], laptop({ ...ENV_IDS, AZURE_FEDERATED_TOKEN_FILE: file }))
    rmSync(dirname(file), { recursive: true, force: true })
    expectPassed(run, /^Sign-in: env: workload identity \(federated token file\)$/m)
    const exchange = world().requests.find((r) => r.host === 'login.microsoftonline.com' && r.method === 'POST')
    expect(new URLSearchParams(exchange?.body).get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    )
  })

  it('--config-file reads the targets from a file in the current directory, as the action reads the workspace', async () => {
    writeFileSync(join(home, '.env'), `AZURE_OPENAI_ENDPOINT=${ENDPOINT}\nAZURE_OPENAI_DEPLOYMENT=${CHAT_DEPLOYMENT}\n`)
    const env = laptop({ ...ENV_IDS, AZURE_CLIENT_SECRET: CLIENT_SECRET })
    const run = await check(['--config-file', '.env', '--auth', 'env', '--json'], env)
    rmSync(join(home, '.env'), { force: true })
    expect(run.status, run.stdout + run.stderr).toBe(0)
    const report = JSON.parse(run.stdout) as { targets: { deployment?: string; source: { file?: string; line?: number } }[] }
    expect(report.targets.map((t) => [t.deployment, t.source.file])).toEqual([[CHAT_DEPLOYMENT, '.env']])
    expectNoSecret(run, world())
  })

  it('env with a client secret, and a wrong secret named as invalid-client-secret', async () => {
    expectPassed(
      await check([...TARGET, '--auth', 'env'], laptop({ ...ENV_IDS, AZURE_CLIENT_SECRET: CLIENT_SECRET })),
      /^Sign-in: env: client secret from the environment$/m
    )
    const wrong = 'Xy8Q~wrongsecretvalue0000000000000000000001'
    const run = await check([...TARGET, '--auth', 'env'], laptop({ ...ENV_IDS, AZURE_CLIENT_SECRET: wrong }))
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/^Cause: .*\(invalid-client-secret\)$/m)
    expect(run.stdout + run.stderr).not.toContain(wrong)
  })

  it('cli: the Azure CLI login, through the az stand-in', async () => {
    const az = installAzStandIn({ tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })
    const run = await check([...TARGET, '--auth', 'cli'], laptop(az.env()))
    expectPassed(run, /^Sign-in: cli: Azure CLI login$/m)
    rmSync(dirname(az.binDir), { recursive: true, force: true })
  })

  it("cli when az is not logged in: the CLI credential's own message, not a crash", async () => {
    const az = installAzStandIn(undefined)
    const run = await check([...TARGET, '--auth', 'cli'], laptop(az.env()))
    rmSync(dirname(az.binDir), { recursive: true, force: true })
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/^ {2}FAIL {2}Entra ID access token .*az login/m)
  })

  it("managed-identity: the host's user-assigned identity, from its IDENTITY_ENDPOINT", async () => {
    world().scenario = buildScenario(scenarios.managedIdentityHost())
    const run = await check(
      [...TARGET, '--auth', 'managed-identity', '--client-id', MANAGED_IDENTITY_CLIENT_ID],
      laptop(world().managedIdentityEnv())
    )
    expectPassed(run, /^Sign-in: managed-identity: managed identity$/m, MANAGED_IDENTITY_PRINCIPAL_ID)
  })

  it('oidc: in a GitHub job with id-token: write, as the action signs in', async () => {
    const run = await check([...TARGET, '--auth', 'oidc', '--client-id', CLIENT_ID, '--tenant-id', TENANT_ID], {
      ...world().env(),
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home
    })
    expectPassed(run, /^Sign-in: oidc: GitHub OIDC token$/m)
    expect(run.stdout).toContain('GitHub OIDC subject: repo:octo-org/octo-repo:ref:refs/heads/main')
  })

  it('api-key: only from AZURE_OPENAI_API_KEY, sent in the api-key header', async () => {
    const run = await check([...TARGET, '--auth', 'api-key'], laptop({ AZURE_OPENAI_API_KEY: API_KEY }))
    expect(run.status, run.stdout).toBe(0)
    expect(run.stdout).toMatch(/^Sign-in: api-key: API key from AZURE_OPENAI_API_KEY$/m)
    const probe = world().requests.find((r) => r.host === 'contoso.openai.azure.com')
    expect(probe?.headers['api-key']).toBe(API_KEY)
    expect(probe?.headers.authorization).toBeUndefined()
    expectNoSecret(run, world())
  })

  it('auto takes the first sign-in the machine has, and says which and why', async () => {
    const az = installAzStandIn({ tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })
    const run = await check(TARGET, laptop({ ...az.env(), AZURE_OPENAI_API_KEY: API_KEY }))
    rmSync(dirname(az.binDir), { recursive: true, force: true })
    expectPassed(run, /^Sign-in: cli: Azure CLI login \(auto: az is on the PATH\)$/m)
  })
})

describe('aoai-auth-check check: exit status and output', () => {
  const secret = () => laptop({ ...ENV_IDS, AZURE_CLIENT_SECRET: CLIENT_SECRET })

  it('exits 1 on a failure and prints the cause with the fix carrying the principal', async () => {
    world().scenario = buildScenario(scenarios.missingRole())
    const run = await check(TARGET, secret())
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/^Azure OpenAI auth check failed: missing-data-plane-role — /m)
    expect(run.stdout).toMatch(/^Fix:$/m)
    expect(run.stdout).toContain(`--assignee-object-id ${PRINCIPAL_ID}`)
    expectNoSecret(run, world())
  })

  it('exits 0 on a warning, and 1 with --fail-on warning', async () => {
    world().scenario = buildScenario(scenarios.quotaExhausted())
    const warned = await check(TARGET, secret())
    expect(warned.status, warned.stdout).toBe(0)
    expect(warned.stdout).toMatch(/^Warning: .*\(quota-exhausted\)$/m)
    expect((await check([...TARGET, '--fail-on', 'warning'], secret())).status).toBe(1)
  })

  it('--json prints the report-file JSON (schemaVersion 1) on stdout and nothing else', async () => {
    const run = await check([...TARGET, '--json'], secret())
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout) as Record<string, unknown>
    expect(Object.keys(report)).toEqual([
      'schemaVersion',
      'versions',
      'outcome',
      'cause',
      'failOn',
      'startedAt',
      'ms',
      'causes',
      'targets'
    ])
    expect(report).toMatchObject({
      schemaVersion: 1,
      outcome: 'pass',
      cause: null,
      causes: [],
      targets: [{ endpoint: ENDPOINT, principalId: PRINCIPAL_ID }]
    })
    expect(run.stdout.trimEnd().endsWith('}')).toBe(true)
    expectNoSecret(run, world())

    world().scenario = buildScenario(scenarios.missingRole())
    const failed = await check([...TARGET, '--json'], secret())
    expect(failed.status).toBe(1)
    expect(JSON.parse(failed.stdout)).toMatchObject({ outcome: 'fail', cause: 'missing-data-plane-role' })
  })

  it('is plain when not on a terminal, and in colour only when asked (FORCE_COLOR); NO_COLOR wins', async () => {
    const ansi = new RegExp(`${String.fromCharCode(27)}\\[`)
    expect((await check(TARGET, secret())).stdout).not.toMatch(ansi)
    expect((await check(TARGET, { ...secret(), FORCE_COLOR: '1' })).stdout).toMatch(ansi)
    expect((await check(TARGET, { ...secret(), NO_COLOR: '1' })).stdout).not.toMatch(ansi)
  })

  it.each([
    [['--auth', 'password'], "--auth must be one of auto, cli, env, managed-identity, oidc, api-key, got 'password'"],
    [['--timeout', '0'], "--timeout must be an integer from 1 to 600, got '0'"],
    [['--api-key', API_KEY], 'unknown flag --api-key'],
    [['--auth', 'env'], '--auth env needs AZURE_CLIENT_ID (or --client-id) and AZURE_TENANT_ID (or --tenant-id)'],
    [['--auth', 'api-key'], '--auth api-key needs AZURE_OPENAI_API_KEY'],
    [['--auth', 'oidc', '--client-id', CLIENT_ID, '--tenant-id', TENANT_ID], 'a GitHub job with id-token: write'],
    [['--auth', 'auto'], '--auth auto found no way to sign in on this machine'],
    [
      ['--auth', 'env', '--client-id', 'not-a-guid', '--tenant-id', TENANT_ID],
      '--client-id (or AZURE_CLIENT_ID) is not a GUID'
    ]
  ])('exits 2 on a usage error, naming the flag: %j', async (args, message) => {
    const env = args.includes('not-a-guid') ? laptop({ AZURE_CLIENT_SECRET: CLIENT_SECRET }) : laptop()
    const run = await check([...TARGET, ...args], env)
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(message)
    expect(run.stderr).not.toContain(API_KEY)
    expect(world().requests).toEqual([])
  })
})
