// The security rules end to end: a credential never follows a redirect, never reaches a log, output, summary or
// report (even when the user put it where it does not belong), and a key goes only in the api-key header.
import { describe, expect, it } from 'vitest'
import type { ActionRun } from '../harness/run-action.ts'
import { runAction } from '../harness/run-action.ts'
import { API_KEY, buildScenario, ENDPOINT, GATEWAY_HOST, scenarios } from '../world/index.ts'
import {
  credentialedRequests,
  errorAnnotations,
  expectFailure,
  expectNoSecrets,
  OIDC_INPUTS,
  sharedWorld
} from './support.ts'

const world = sharedWorld()

const ACCOUNT_HOST = 'contoso.openai.azure.com'
// A realistic Entra ID client secret (three characters, a digit, 'Q~', the rest), not one the world holds.
const PASTED_CLIENT_SECRET = 'kX48Q~Vb3nT9wLq2ZrYc7uPm5sDf1gHj6kNa0eR.'

/** Everything the run printed or wrote, except the `add-mask` commands that hand secrets to the runner. */
function everythingShown(run: ActionRun): string {
  const stdout = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')
  return [stdout, run.stderr, JSON.stringify(run.outputs), run.summary, ...Object.values(run.files)].join('\n')
}

/** Whether anything at all (a CONNECT, a request) reached `host`. */
function reached(host: string): boolean {
  return world().connects.some((connect) => connect.host === host) ||
    world().requests.some((request) => request.host === host)
}

describe('a credential never follows a redirect', () => {
  it('the probe does not re-send the token to the host a 307 from the endpoint names', async () => {
    world().scenario = buildScenario(scenarios.redirectedHost(ACCOUNT_HOST))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expect(run.outputs.result).toBe('fail')
    expect(credentialedRequests(world(), ACCOUNT_HOST).length).toBeGreaterThan(0)
    expect(world().requests.find((request) => request.host === ACCOUNT_HOST)?.status).toBe(307)
    expect(reached(GATEWAY_HOST)).toBe(false)
    expectNoSecrets(run, world())
  })

  it('the probe does not re-send the api-key to the host a 307 from the endpoint names', async () => {
    world().scenario = buildScenario(scenarios.redirectedHost(ACCOUNT_HOST))
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, auth: 'api-key', 'api-key': API_KEY } })
    expect(run.outputs.result).toBe('fail')
    expect(credentialedRequests(world(), ACCOUNT_HOST).length).toBeGreaterThan(0)
    expect(reached(GATEWAY_HOST)).toBe(false)
    expectNoSecrets(run, world())
  })

  it('the token request does not re-send the client assertion to the host a 307 from Entra ID names', async () => {
    world().scenario = buildScenario(scenarios.redirectedHost('login.microsoftonline.com'))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expect(run.outputs.result).toBe('fail')
    const tokenPosts = world().requests.filter((request) => request.path.endsWith('/oauth2/v2.0/token'))
    expect(tokenPosts.length).toBeGreaterThan(0)
    expect(tokenPosts.every((request) => request.status === 307)).toBe(true)
    expect(reached(GATEWAY_HOST)).toBe(false)
    expectNoSecrets(run, world())
  })
})

describe('a credential the user put in the wrong place is never printed', () => {
  it('a password in the endpoint URL: masked, and absent from the headline, summary, outputs and report', async () => {
    const password = 'Hunter2-Corp-Pass'
    const endpoint = `https://bob:${password}@${ACCOUNT_HOST}/`
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint } })
    expectFailure(run, world(), 'endpoint-malformed')
    expect(run.masks).toContain(password)
    expect(everythingShown(run)).not.toContain(password)
    expect(everythingShown(run)).not.toContain('bob:')
    // Still says which endpoint, and what to use instead.
    expect(run.summary).toContain(ENDPOINT)
    expect(errorAnnotations(run).map((annotation) => annotation.message).join('\n')).toContain(ACCOUNT_HOST)
    expect(reached(ACCOUNT_HOST)).toBe(false)
  })

  it('a pasted request URL: its api-version is shown, any other query value (a SAS signature) is not', async () => {
    const signature = 'sv2024SasSignatureValue'
    const endpoint =
      `${ENDPOINT}openai/deployments/gpt-4o/chat/completions?api-version=2024-08-01-preview&sig=${signature}`
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint } })
    expectFailure(run, world(), 'endpoint-malformed')
    expect(everythingShown(run)).not.toContain(signature)
    expect(run.summary).toContain("api-version '2024-08-01-preview'")
  })

  it('a client secret typed into client-id: the invalid-input message describes it without echoing it', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'client-id': PASTED_CLIENT_SECRET } })
    const annotation = expectFailure(run, world(), 'invalid-input')
    expect(annotation.message).toContain('client-id')
    expect(everythingShown(run)).toContain('it looks like a secret')
    expect(everythingShown(run)).not.toContain(PASTED_CLIENT_SECRET)
    expect(world().requests).toEqual([])
  })
})

describe('a key goes only in the api-key header', () => {
  it('on the v1 API the key is sent as api-key, never as an Authorization bearer', async () => {
    const run = await runAction(world(), {
      inputs: { ...OIDC_INPUTS, auth: 'api-key', 'api-key': API_KEY, 'api-version': 'v1' }
    })
    expect(run.outputs.result, run.stdout).toBe('pass')
    const [probe] = credentialedRequests(world(), ACCOUNT_HOST)
    expect(probe).toMatchObject({ method: 'POST', path: '/openai/v1/chat/completions', status: 200 })
    expect(probe.headers['api-key']).toBe(API_KEY)
    expect(probe.headers.authorization).toBeUndefined()
    expectNoSecrets(run, world())
  })
})

describe('an unexpected error', () => {
  it('still sets result fail and cause unknown, and ends the step', async () => {
    // The report cannot be written: RUNNER_TEMP is a file, not a folder.
    const run = await runAction(world(), { inputs: OIDC_INPUTS, env: { RUNNER_TEMP: '/dev/null' } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs.cause).toBe('unknown')
    expect(errorAnnotations(run).map((annotation) => annotation.message).join('\n')).toContain('failed unexpectedly')
    expectNoSecrets(run, world())
  })
})
