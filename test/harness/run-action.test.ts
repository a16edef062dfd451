import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEFAULT_SUBJECT, OIDC_REQUEST_URL, scenarios, startWorld, TOKEN_EXCHANGE_AUDIENCE, type World
} from '../world/index.ts'
import { inputVariable, runAction, type RunActionOptions } from './run-action.ts'
import { parseKeyValueFile, parseWorkflowCommands } from './workflow-commands.ts'

const FIXTURE = 'test/harness/fixtures/core-action.mjs'
const INPUTS = { 'client-id': 'abc' }
const WITH_ID_TOKEN = { ...INPUTS, audience: TOKEN_EXCHANGE_AUDIENCE }
const OIDC_HOST = new URL(OIDC_REQUEST_URL).host

function runFixture(world: World, options: Partial<RunActionOptions> = {}) {
  return runAction(world, { inputs: INPUTS, bundle: FIXTURE, ...options })
}

describe('the runner harness running an action on the real @actions/core', () => {
  let world: World
  beforeAll(async () => { world = await startWorld() })
  afterAll(async () => { await world.stop() })

  it('names inputs the way the runner does: upper-cased, spaces as underscores, hyphens kept', () => {
    expect(inputVariable('client-id')).toBe('INPUT_CLIENT-ID')
    expect(inputVariable('fail on')).toBe('INPUT_FAIL_ON')
  })

  it('passes inputs and action.yml defaults, and reads outputs, summary, files, annotations and masks', async () => {
    const run = await runFixture(world)
    expect(run.exitCode, run.stderr).toBe(0)
    expect(run.outputs).toMatchObject({ 'client-id': 'abc', greeting: "it's on",
      'multi-line': 'first line\nsecond line', 'event-name': 'push' })
    expect(run.summary).toContain('<h1>Fixture report</h1>')
    expect(run.files['temp/fixture-report.json']).toBe('{"ok":true}')
    expect(run.masks).toContain('fixture-secret-value')
    expect(run.commands).toContainEqual({ command: 'warning',
      properties: { title: 'Title, with: punctuation', file: 'action.yml', line: '3', endLine: '4' },
      message: '100% sure:\nsecond line' })
    expect(run.commands.map((c) => c.command)).toEqual(expect.arrayContaining(['group', 'endgroup', 'debug', 'notice']))
    const envFile = Object.entries(run.files).find(([path]) => path.includes('set_env_'))?.[1] ?? ''
    expect(parseKeyValueFile(envFile)).toEqual({ FIXTURE_VARIABLE: 'exported' })
    expect(run.blocked).toEqual([])
  })

  it('reports setFailed as exit code 1 with an error command', async () => {
    const run = await runFixture(world, { inputs: { ...INPUTS, fail: 'true' } })
    expect(run.exitCode).toBe(1)
    expect(run.commands.at(-1)).toEqual({ command: 'error', properties: {}, message: 'failed on purpose:\nline two' })
  })

  it('fails a required input that is missing, as core does', async () => {
    const run = await runFixture(world, { inputs: {} })
    expect(run.exitCode).toBe(1)
    expect(run.commands).toContainEqual({ command: 'error', properties: {},
      message: 'Input required and not supplied: client-id' })
  })

  it('gives the action an OIDC token through the proxy, masked, for a push to main', async () => {
    const run = await runFixture(world, { inputs: WITH_ID_TOKEN })
    expect(run.exitCode, run.stderr).toBe(0)
    expect(run.outputs.subject).toBe(DEFAULT_SUBJECT)
    const minted = world.secrets().filter((secret) => secret.startsWith('ey'))
    expect(run.masks.some((mask) => minted.includes(mask))).toBe(true)
    expect(world.connects.at(-1)).toEqual({ host: OIDC_HOST, port: 443, allowed: true })
  })

  it('withholds the OIDC variables from a pull request from a fork, as GitHub does', async () => {
    const requestsBefore = world.requests.length
    const run = await runFixture(world, { inputs: WITH_ID_TOKEN, event: 'fork-pull-request' })
    expect(run.exitCode).toBe(1)
    expect(run.commands.at(-1)?.message).toContain('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable')
    expect(world.requests.length).toBe(requestsBefore)
    expect(world.scenario.github.event).toBe('push')
  })

  it('writes the pull request payload a Dependabot run sees', async () => {
    const run = await runFixture(world, { event: 'dependabot-pull-request' })
    const payload = JSON.parse(run.files['temp/_github_workflow/event.json']) as { sender: { login: string } }
    expect(payload.sender.login).toBe('dependabot[bot]')
    expect(run.outputs['event-name']).toBe('pull_request')
  })

  it('a job with an environment gets the environment subject', async () => {
    const environmentWorld = await startWorld(scenarios.environmentJob())
    try {
      const run = await runFixture(environmentWorld, { inputs: WITH_ID_TOKEN })
      expect(run.outputs.subject).toBe('repo:octo-org/octo-repo:environment:production')
    } finally {
      await environmentWorld.stop()
    }
  })

  it('does not pass on proxies, NO_PROXY or Azure variables from the test process', async () => {
    process.env.NO_PROXY = '*'
    process.env.AZURE_OPENAI_API_KEY = 'leaked'
    try {
      const run = await runFixture(world, { inputs: WITH_ID_TOKEN })
      expect(run.exitCode, run.stderr).toBe(0)
      expect(run.blocked).toEqual([])
    } finally {
      delete process.env.NO_PROXY
      delete process.env.AZURE_OPENAI_API_KEY
    }
  })
})

describe('parsing what an action printed', () => {
  it('unescapes messages and properties, and skips what stop-commands fences off', () => {
    const stdout = [
      '::error title=a%2Cb%3Ac,file=x.ts,line=1::100%25%0Adone',
      '::stop-commands::fence',
      '::error::not a command',
      '::fence::',
      'plain text',
      '::add-mask::secret'
    ].join('\n')
    expect(parseWorkflowCommands(stdout)).toEqual([
      { command: 'error', properties: { title: 'a,b:c', file: 'x.ts', line: '1' }, message: '100%\ndone' },
      { command: 'add-mask', properties: {}, message: 'secret' }
    ])
  })

  it('reads heredoc and name=value lines from a file command file', () => {
    const file = 'result<<ghadelimiter_1\npass\nghadelimiter_1\nlegacy=yes\n'
    expect(parseKeyValueFile(file)).toEqual({ result: 'pass', legacy: 'yes' })
  })
})
