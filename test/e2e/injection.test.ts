/* eslint-disable no-control-regex -- these tests are about control characters */
// Hostile values end to end (issue 7, item 1): a line break, a bare CR or a legacy `##[` in any input, in the
// endpoint's query, or in what a service answers, never starts a workflow command line; a bad input is
// invalid-input naming the input, and nothing is sent.
import { describe, expect, it, vi } from 'vitest'
import { runAction } from '../harness/run-action.ts'
import { buildScenario, ENDPOINT, scenarios } from '../world/index.ts'
import { expectFailure, expectNoSecrets, forgedCommands, OIDC_INPUTS, sharedWorld } from './support.ts'

const world = sharedWorld()
vi.setConfig({ testTimeout: 60_000 })

const MARKER = 'FORGED-7f3a'
const PAYLOADS = {
  'a line break and an annotation': `x\n::error::${MARKER}`,
  'a bare CR and add-mask': `x\r::add-mask::${MARKER}`,
  'stop-commands': `x\n::stop-commands::${MARKER}`,
  'the legacy ##[ form': `x ##[error]${MARKER}`,
  'set-output': `x\n::set-output name=${MARKER}::1`
}
const INPUTS = [
  'deployment',
  'api-version',
  'scope',
  'authority-host',
  'timeout-seconds',
  'audience',
  'auth',
  'environment',
  'probe',
  'fail-on'
]

describe('a hostile value in an input', () => {
  for (const input of INPUTS) {
    it(`${input} with a line break: invalid-input naming ${input}, no forged command, nothing sent`, async () => {
      const run = await runAction(world(), {
        inputs: { ...OIDC_INPUTS, [input]: PAYLOADS['a line break and an annotation'] }
      })
      const annotation = expectFailure(run, world(), 'invalid-input')
      expect(annotation.message).toContain(input)
      expect(forgedCommands(run, MARKER)).toEqual([])
      expect(world().requests).toEqual([])
      expect(world().connects).toEqual([])
    })
  }

  for (const [name, payload] of Object.entries(PAYLOADS)) {
    it(`the deployment with ${name}: no forged command, and the action's own failure is still annotated`, async () => {
      const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, deployment: payload } })
      expectFailure(run, world(), 'invalid-input')
      expect(forgedCommands(run, MARKER)).toEqual([])
      expect(run.masks).not.toContain(MARKER)
    })
  }

  it('a %0A in the endpoint\'s query (decoded into "the pasted URL names api-version") forges nothing', async () => {
    const endpoint = `${ENDPOINT}openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21%0A::error::${MARKER}`
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint } })
    expectFailure(run, world(), 'endpoint-malformed')
    expect(forgedCommands(run, MARKER)).toEqual([])
    expect(run.summary).toContain('\\n::')
  })

  it('a 100 KB endpoint (the largest one variable holds is 128 KiB) is refused at once, the headline short', async () => {
    const endpoint = `${ENDPOINT}${'a-'.repeat(50_000)}`
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, endpoint } })
    expectFailure(run, world(), 'invalid-input')
    for (const command of run.commands) expect(command.message.length).toBeLessThan(5000)
  })
})

describe("a hostile value in a service's answer", () => {
  it('an Entra ID error body with line breaks and commands forges nothing and is still diagnosed', async () => {
    world().scenario = buildScenario(
      scenarios.faultyAnswer('login.microsoftonline.com', {
        kind: 'malformed',
        status: 400,
        path: '/oauth2/v2.0/token'
      })
    )
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).not.toMatch(/\u001b/)
    expectNoSecrets(run, world())
  })
})

describe('an authenticating proxy on a normal run', () => {
  it('prints no warning (no UNDICI-EHPA, no DEP0005), and its password is never shown', async () => {
    const password = 'Pr0xyPassw0rd-7731'
    const proxy = new URL(world().env().HTTPS_PROXY)
    proxy.username = 'corp-user'
    proxy.password = password
    const run = await runAction(world(), { inputs: OIDC_INPUTS, env: { HTTPS_PROXY: proxy.toString() } })
    expect(run.outputs.result, run.stdout).toBe('pass')
    expect(run.stderr).toBe('')
    expect([run.stdout, run.summary, ...Object.values(run.files)].join('\n')).not.toContain(password)
  })
})
