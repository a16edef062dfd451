import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readEventFacts } from '../../src/github/event.ts'
import { useProcessEnv } from '../support/process-env.ts'

const BASE = { full_name: 'octo-org/octo-repo', fork: false }
const FORK = { full_name: 'outside-contributor/octo-repo', fork: true }

let restore: (() => void) | undefined
afterEach(() => restore?.())

/** The runner's variables and event file for one run. */
function runnerSays(variables: Record<string, string>, payload: Record<string, unknown> = {}): void {
  const path = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
  writeFileSync(path, JSON.stringify(payload))
  restore = useProcessEnv({ GITHUB_ACTOR: '', GITHUB_TRIGGERING_ACTOR: '', ...variables, GITHUB_EVENT_PATH: path })
}

const pullRequestFrom = (head: object | null, author = 'outside-contributor') =>
  ({ pull_request: { user: { login: author }, head: { repo: head }, base: { repo: BASE } }, sender: { login: author } })

describe('where the run came from', () => {
  it('a pull_request from a fork runs in the fork context', () => {
    runnerSays({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'outside-contributor' }, pullRequestFrom(FORK))
    expect(readEventFacts()).toEqual({ name: 'pull_request', isForkPullRequest: true, isDependabot: false })
  })

  it('a review on a fork pull request runs in the fork context too, and a deleted fork is still a fork', () => {
    runnerSays({ GITHUB_EVENT_NAME: 'pull_request_review' }, pullRequestFrom(null))
    expect(readEventFacts().isForkPullRequest).toBe(true)
  })

  it('pull_request_target from a fork runs in the base repository: not a fork run', () => {
    runnerSays({ GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_ACTOR: 'outside-contributor' }, pullRequestFrom(FORK))
    expect(readEventFacts()).toEqual({ name: 'pull_request_target', isForkPullRequest: false, isDependabot: false })
  })

  it('a Dependabot pull request is Dependabot\'s run', () => {
    runnerSays({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'dependabot[bot]',
      GITHUB_TRIGGERING_ACTOR: 'dependabot[bot]' }, pullRequestFrom(BASE, 'dependabot[bot]'))
    expect(readEventFacts().isDependabot).toBe(true)
  })

  it('a person re-running a Dependabot pull request\'s run is still Dependabot\'s run (GitHub keeps the restrictions)', () => {
    runnerSays({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'dependabot[bot]', GITHUB_TRIGGERING_ACTOR: 'octocat' },
      pullRequestFrom(BASE, 'dependabot[bot]'))
    expect(readEventFacts().isDependabot).toBe(true)
  })

  it('a maintainer pushing to a Dependabot branch is not Dependabot, whoever opened the pull request', () => {
    runnerSays({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_ACTOR: 'octocat', GITHUB_TRIGGERING_ACTOR: 'octocat' },
      { pull_request: { user: { login: 'dependabot[bot]' }, head: { repo: BASE }, base: { repo: BASE } } })
    expect(readEventFacts().isDependabot).toBe(false)
  })

  it('without GITHUB_ACTOR, the event\'s sender names the actor', () => {
    runnerSays({ GITHUB_EVENT_NAME: 'pull_request' }, pullRequestFrom(BASE, 'dependabot[bot]'))
    expect(readEventFacts().isDependabot).toBe(true)
  })

  it('a push by Dependabot is Dependabot\'s run', () => {
    runnerSays({ GITHUB_EVENT_NAME: 'push', GITHUB_ACTOR: 'dependabot[bot]' })
    expect(readEventFacts().isDependabot).toBe(true)
  })
})
