// The fake GitHub REST API through the real @actions/github octokit (its proxy-aware fetch, through the world's
// CONNECT proxy): paginated pull request files and comments, comment create and update, the token checked.
// @actions/github reads HTTPS_PROXY and GITHUB_API_URL when it is imported (as the action's process starts with
// them set), so it is imported once the world's variables are in place.
import { RequestError } from '@octokit/request-error'
import { beforeAll, describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { ACTIONS_BOT } from './github-rest.ts'
import { buildScenario, JOB_TOKEN, OWNER, PULL_REQUEST_NUMBER, REPO, type PullRequestFileChange } from './index.ts'

const pull = { owner: OWNER, repo: REPO, pull_number: PULL_REQUEST_NUMBER }
const issue = { owner: OWNER, repo: REPO, issue_number: PULL_REQUEST_NUMBER }

function files(count: number): PullRequestFileChange[] {
  return Array.from({ length: count }, (_, index) => ({
    filename: `services/s${index}/.env`,
    status: 'modified',
    patch: `@@ -1,2 +1,2 @@\n AZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/\n-AZURE_OPENAI_DEPLOYMENT=old\n+AZURE_OPENAI_DEPLOYMENT=gpt-4o-mini`
  }))
}

describe('the GitHub REST API, through @actions/github', () => {
  const world = worldInThisProcess()
  const getOctokit = (token: string) => octokitModule.then((module) => module.getOctokit(token))
  let octokitModule: Promise<typeof import('@actions/github')>
  beforeAll(() => {
    octokitModule = import('@actions/github')
  })

  it('lists every page of a pull request’s files, with their patches', async () => {
    world().scenario = buildScenario({ github: { event: 'pull_request', pullRequestFiles: files(130) } })
    const octokit = await getOctokit(JOB_TOKEN)
    const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { ...pull, per_page: 100 })
    expect(listed).toHaveLength(130)
    expect(listed[129]).toMatchObject({
      filename: 'services/s129/.env',
      status: 'modified',
      additions: 1,
      deletions: 1
    })
    expect(listed[0].patch).toContain('+AZURE_OPENAI_DEPLOYMENT=gpt-4o-mini')
    const calls = world().requests.filter((request) => request.path.endsWith('/files'))
    expect(calls.map((call) => [call.host, call.path, call.query.page || '1'])).toEqual([
      ['api.github.com', `/repos/${OWNER}/${REPO}/pulls/${PULL_REQUEST_NUMBER}/files`, '1'],
      ['api.github.com', `/repositories/456789/pulls/${PULL_REQUEST_NUMBER}/files`, '2']
    ])
    expect(calls[0].headers.authorization).toBe(`token ${JOB_TOKEN}`)
  })

  it('creates a comment, lists every page of comments, and updates one in place', async () => {
    const others = Array.from({ length: 45 }, (_, index) => ({
      id: 500 + index,
      body: `review ${index}`,
      user: { login: 'octocat', id: 583231, type: 'User' },
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z'
    }))
    world().scenario = buildScenario({ github: { event: 'pull_request', issueComments: others } })
    const octokit = await getOctokit(JOB_TOKEN)
    const created = await octokit.rest.issues.createComment({ ...issue, body: '<!-- marker -->\nfirst' })
    expect(created.status).toBe(201)
    expect(created.data.user).toMatchObject(ACTIONS_BOT)
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...issue, per_page: 20 })
    expect(all).toHaveLength(46)
    expect(all.at(-1)?.body).toBe('<!-- marker -->\nfirst')
    const updated = await octokit.rest.issues.updateComment({
      owner: OWNER,
      repo: REPO,
      comment_id: created.data.id,
      body: '<!-- marker -->\nsecond'
    })
    expect(updated.data.body).toBe('<!-- marker -->\nsecond')
    expect(world().scenario.github.issueComments.filter((comment) => comment.user.type === 'Bot')).toHaveLength(1)
  })

  it('refuses a wrong token with 401 Bad credentials', async () => {
    world().scenario = buildScenario({ github: { event: 'pull_request' } })
    const octokit = await getOctokit('ghs_not-the-job-token')
    const error = await octokit.rest.pulls.listFiles(pull).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RequestError)
    expect((error as RequestError).status).toBe(401)
    expect((error as RequestError).message).toMatch(/Bad credentials/)
  })

  it('lets a fork’s read-only token read the pull request but not comment: 403', async () => {
    world().scenario = buildScenario({ github: { event: 'fork-pull-request', pullRequestFiles: files(1) } })
    const octokit = await getOctokit(JOB_TOKEN)
    expect((await octokit.rest.pulls.listFiles(pull)).data).toHaveLength(1)
    expect((await octokit.rest.issues.listComments(issue)).data).toEqual([])
    const error = (await octokit.rest.issues
      .createComment({ ...issue, body: 'x' })
      .catch((caught: unknown) => caught)) as RequestError
    expect(error.status).toBe(403)
    expect(error.message).toMatch(/Resource not accessible by integration/)
    expect(error.response?.headers['x-accepted-github-permissions']).toBe('issues=write; pull_requests=write')
    expect(world().scenario.github.issueComments).toEqual([])
  })
})
