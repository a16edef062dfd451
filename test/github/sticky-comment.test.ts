// The sticky comment against the fake GitHub REST API, through the real octokit. The modules that import
// @actions/github are imported once the world's variables (proxy, GITHUB_API_URL) are set, as in the action.
import { beforeAll, describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { buildScenario, JOB_TOKEN, OWNER, PULL_REQUEST_NUMBER, REPO, type IssueComment } from '../world/index.ts'

const pull = { owner: OWNER, repo: REPO, number: PULL_REQUEST_NUMBER }
type Modules = [typeof import('../../src/github/rest.ts'), typeof import('../../src/github/sticky-comment.ts')]

function comment(id: number, body: string, type = 'User'): IssueComment {
  return {
    id,
    body,
    user: { login: type === 'Bot' ? 'github-actions[bot]' : 'octocat', id: 1, type },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z'
  }
}

describe('the sticky pull request comment', () => {
  const world = worldInThisProcess()
  let modules: Modules
  beforeAll(async () => {
    modules = await Promise.all([import('../../src/github/rest.ts'), import('../../src/github/sticky-comment.ts')])
  })
  const upsert = (text: string) => {
    const [rest, sticky] = modules
    return sticky.upsertStickyComment(rest.gitHubClient(JOB_TOKEN, AbortSignal.timeout(10_000)), pull, text)
  }
  const ours = () => world().scenario.github.issueComments.filter((c) => c.body.startsWith('<!-- aoai-auth-check -->'))

  it('is created once, then updated in place, found on a later page of comments', async () => {
    const reviews = Array.from({ length: 130 }, (_, index) => comment(100 + index, `review ${index}`))
    world().scenario = buildScenario({ github: { event: 'pull_request', issueComments: reviews } })
    const first = await upsert('| target | result |\n| a | fail |')
    expect(first).toMatchObject({ action: 'created' })
    for (const text of ['| a | pass |', '| a | warn |']) expect(await upsert(text)).toMatchObject({ action: 'updated' })
    expect(ours()).toEqual([expect.objectContaining({ body: '<!-- aoai-auth-check -->\n| a | warn |' })])
    const writes = world().requests.filter((r) => r.method !== 'GET')
    expect(writes.map((r) => [r.method, r.status])).toEqual([
      ['POST', 201],
      ['PATCH', 200],
      ['PATCH', 200]
    ])
    // Every page was read each time before deciding (130 others + ours at 100 a page: two pages).
    expect(world().requests.filter((r) => r.method === 'GET').length).toBe(6)
  })

  it('prefers its own comment to another author’s that starts with the marker', async () => {
    world().scenario = buildScenario({
      github: {
        event: 'pull_request',
        issueComments: [
          comment(1, '<!-- aoai-auth-check -->\nquoted by a reviewer'),
          comment(2, '<!-- aoai-auth-check -->\nold', 'Bot')
        ]
      }
    })
    expect(await upsert('new')).toMatchObject({ action: 'updated', id: 2 })
    expect(world().scenario.github.issueComments[0].body).toContain('quoted by a reviewer')
  })

  it('on a fork’s pull request (read-only token) is skipped with the reason, and nothing is written', async () => {
    world().scenario = buildScenario({ github: { event: 'fork-pull-request' } })
    const outcome = await upsert('x')
    expect(outcome).toMatchObject({
      action: 'skipped',
      reason: expect.stringMatching(/^the token cannot write to this pull request \(HTTP 403/)
    })
    expect(world().scenario.github.issueComments).toEqual([])
  })
})
