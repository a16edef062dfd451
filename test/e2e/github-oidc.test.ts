// The GitHub OIDC stage, end to end through the bundle: a job that cannot get a token is told which of the
// three reasons it is, from the event, and nothing is requested from Entra ID or Azure OpenAI.
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness/run-action.ts'
import { buildScenario, scenarios } from '../world/index.ts'
import { checkStatuses, expectFailure, expectPass, OIDC_INPUTS, sharedWorld } from './support.ts'

const world = sharedWorld()

describe('getting the GitHub OIDC token', () => {
  it('a job without `id-token: write` gets missing-id-token-permission and the permissions block to add', async () => {
    world().scenario = buildScenario(scenarios.noIdTokenPermission())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'missing-id-token-permission')
    expect(annotation.message).toContain('id-token: write')
    expect(run.summary).toContain('id-token: write')
    expect(checkStatuses(run)).toMatchObject({ 'github-oidc': 'fail', 'entra-token': 'skip', probe: 'skip' })
    expect(world().connects).toEqual([])
  })

  it('a pull request from a fork gets fork-pr-no-oidc, and no token is requested', async () => {
    world().scenario = buildScenario(scenarios.forkPullRequest())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fork-pr-no-oidc')
    expect(annotation.message).toMatch(/fork/i)
    expect(world().connects).toEqual([])
  })

  it('a Dependabot pull request gets dependabot-no-oidc, and no token is requested', async () => {
    world().scenario = buildScenario(scenarios.dependabotPullRequest())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'dependabot-no-oidc')
    expect(annotation.message).toMatch(/dependabot/i)
    expect(world().connects).toEqual([])
  })

  it('pull_request_target for a fork\'s pull request runs in the base repository: no permission is the job\'s missing permission, not the fork', async () => {
    world().scenario = buildScenario({ github: { event: 'fork-pull-request-target', idTokenPermission: false } })
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'missing-id-token-permission')
    expect(annotation.message).toContain('id-token: write')
    expect(annotation.message).not.toMatch(/fork/i)
    expect(world().connects).toEqual([])
  })

  it('pull_request_target for a fork\'s pull request, with the permission, gets its token', async () => {
    world().scenario = buildScenario(scenarios.pullRequestTargetFromFork())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectPass(run, world())
    expect(run.outputs['oidc-subject']).toBe('repo:octo-org/octo-repo:ref:refs/heads/main')
  })

  it('a person re-running a Dependabot run still gets dependabot-no-oidc: the restrictions stay with the run', async () => {
    world().scenario = buildScenario(scenarios.dependabotRerunBy('octocat'))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectFailure(run, world(), 'dependabot-no-oidc')
    expect(world().connects).toEqual([])
  })

  it('asks GitHub for the token with the cloud token-exchange audience and shows its claims', async () => {
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const oidc = world().requests.filter((request) => request.host.endsWith('.actions.githubusercontent.com'))
    expect(oidc.length).toBeGreaterThan(0)
    expect(oidc.every((request) => request.query.audience === 'api://AzureADTokenExchange')).toBe(true)
    expect(run.outputs['oidc-subject']).toBe('repo:octo-org/octo-repo:ref:refs/heads/main')
    expect(run.summary).toContain('https://token.actions.githubusercontent.com')
  })
})
