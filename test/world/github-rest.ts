// Fake GitHub REST API (api.github.com): a pull request's files with their patches, and the pull request's issue
// comments (list, create, update), paginated with Link headers as GitHub paginates. It checks the job's token
// (GITHUB_TOKEN) on every call, and a fork's or Dependabot's read-only token may read but never write.
//
// Bodies and statuses, with their sources:
// - 401 {"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}:
//   https://github.com/hisxo/gitGraber/issues/54, https://github.com/anmol098/waka-readme-stats/issues/506
// - 403 {"message":"Resource not accessible by integration",...} with x-accepted-github-permissions on a write by a
//   fork's read-only token: https://github.com/microsoft/azure-pipelines-tasks/issues/20278,
//   https://github.com/jayamanikharyono/airflow-dag-action/issues/23, https://github.com/MeilCli/danger-action/issues/390
// - list pull request files (shape, `patch`, 30 per page by default, 3000 files at most) and the Link header
//   `<…?page=2>; rel="next", <…?page=5>; rel="last"`: docs.github.com/en/rest/pulls/pulls#list-pull-requests-files,
//   docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
import { json, type Fake, type FakeRequest, type FakeResponse, type WorldState } from './http.ts'
import type { GithubScenario, IssueComment } from './scenario.ts'

export const GITHUB_API_HOST = 'api.github.com'
/** Who a comment made with the job's GITHUB_TOKEN is from. */
export const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100
const MAX_FILES = 3000
const API = `https://${GITHUB_API_HOST}`

/** The job's token can write to the pull request, unless it is a fork's or Dependabot's (read-only). */
export function tokenCanWrite(github: GithubScenario): boolean {
  return github.event !== 'fork-pull-request' && github.event !== 'dependabot-pull-request'
}

export const githubRest: Fake = (request, state) => Promise.resolve(answer(request, state))

function answer(request: FakeRequest, state: WorldState): FakeResponse {
  const github = state.scenario.github
  const presented = /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
  if (presented !== github.jobToken) {
    return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' })
  }
  const route = routeOf(request.path, github)
  if (!route) return notFound()
  const write = request.method === 'POST' || request.method === 'PATCH'
  if (write && !tokenCanWrite(github)) {
    return json(
      403,
      {
        message: 'Resource not accessible by integration',
        documentation_url: `https://docs.github.com/rest/issues/comments#${route.kind === 'comment' ? 'update' : 'create'}-an-issue-comment`,
        status: '403'
      },
      { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' }
    )
  }
  if (route.kind === 'files' && request.method === 'GET') {
    if (route.number !== github.pullRequestNumber) return notFound()
    return page(
      request,
      route.base,
      github.pullRequestFiles.slice(0, MAX_FILES).map((file) => fileEntry(file, github))
    )
  }
  if (route.kind === 'comments' && route.number === github.pullRequestNumber) {
    if (request.method === 'GET')
      return page(
        request,
        route.base,
        github.issueComments.map((c) => commentEntry(c, github))
      )
    if (request.method === 'POST') {
      const body = bodyOf(request)
      if (body === undefined) return invalid()
      const comment: IssueComment = {
        id: nextCommentId(github),
        body,
        user: ACTIONS_BOT,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString()
      }
      github.issueComments.push(comment)
      return json(201, commentEntry(comment, github))
    }
  }
  if (route.kind === 'comment' && request.method === 'PATCH') {
    const comment = github.issueComments.find((known) => known.id === route.id)
    if (!comment) return notFound()
    const body = bodyOf(request)
    if (body === undefined) return invalid()
    comment.body = body
    comment.updatedAt = new Date().toISOString()
    return json(200, commentEntry(comment, github))
  }
  return notFound()
}

type Route =
  { kind: 'files' | 'comments'; base: string; number: number } | { kind: 'comment'; base: string; id: number }

// GitHub serves /repos/{owner}/{repo}/... and, in the Link headers it sends, /repositories/{id}/...
function routeOf(path: string, github: GithubScenario): Route | undefined {
  const match =
    /^\/(?:repos\/([^/]+)\/([^/]+)|repositories\/(\d+))\/(pulls\/(\d+)\/files|issues\/(\d+)\/comments|issues\/comments\/(\d+))$/.exec(
      path
    )
  if (!match) return undefined
  const [, owner, repo, id, , pull, issue, comment] = match
  const sameRepository = id
    ? Number(id) === github.repoId
    : owner.toLowerCase() === github.owner.toLowerCase() && repo.toLowerCase() === github.repo.toLowerCase()
  if (!sameRepository) return undefined
  const base = `${API}/repositories/${github.repoId}`
  if (pull) return { kind: 'files', base: `${base}/pulls/${pull}/files`, number: Number(pull) }
  if (issue) return { kind: 'comments', base: `${base}/issues/${issue}/comments`, number: Number(issue) }
  return { kind: 'comment', base, id: Number(comment) }
}

function page(request: FakeRequest, base: string, items: unknown[]): FakeResponse {
  const perPage = Math.min(Math.max(Number(request.query.get('per_page')) || DEFAULT_PER_PAGE, 1), MAX_PER_PAGE)
  const number = Math.max(Number(request.query.get('page')) || 1, 1)
  const last = Math.max(Math.ceil(items.length / perPage), 1)
  const link = (to: number, rel: string) => `<${base}?per_page=${perPage}&page=${to}>; rel="${rel}"`
  const links = [
    ...(number > 1 ? [link(number - 1, 'prev')] : []),
    ...(number < last ? [link(number + 1, 'next'), link(last, 'last')] : []),
    ...(number > 1 ? [link(1, 'first')] : [])
  ]
  return json(
    200,
    items.slice((number - 1) * perPage, number * perPage),
    links.length ? { link: links.join(', ') } : {}
  )
}

function fileEntry(file: GithubScenario['pullRequestFiles'][number], github: GithubScenario): Record<string, unknown> {
  const lines = file.patch?.split('\n') ?? []
  const additions = lines.filter((line) => line.startsWith('+')).length
  const deletions = lines.filter((line) => line.startsWith('-')).length
  return {
    sha: 'bbcd538c8e72b8c175046e27cc8f907076331401',
    filename: file.filename,
    status: file.status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `https://github.com/${github.owner}/${github.repo}/blob/${github.sha}/${file.filename}`,
    raw_url: `https://github.com/${github.owner}/${github.repo}/raw/${github.sha}/${file.filename}`,
    contents_url: `${API}/repos/${github.owner}/${github.repo}/contents/${file.filename}?ref=${github.sha}`,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
    ...(file.previousFilename ? { previous_filename: file.previousFilename } : {})
  }
}

function commentEntry(comment: IssueComment, github: GithubScenario): Record<string, unknown> {
  return {
    id: comment.id,
    node_id: `IC_kwDO${comment.id}`,
    url: `${API}/repos/${github.owner}/${github.repo}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${github.owner}/${github.repo}/pull/${github.pullRequestNumber}#issuecomment-${comment.id}`,
    issue_url: `${API}/repos/${github.owner}/${github.repo}/issues/${github.pullRequestNumber}`,
    body: comment.body,
    user: comment.user,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER'
  }
}

function nextCommentId(github: GithubScenario): number {
  return Math.max(1_000_000_000, ...github.issueComments.map((comment) => comment.id)) + 1
}

function bodyOf(request: FakeRequest): string | undefined {
  try {
    const parsed = JSON.parse(request.body) as { body?: unknown }
    return typeof parsed.body === 'string' ? parsed.body : undefined
  } catch {
    return undefined
  }
}

function notFound(): FakeResponse {
  return json(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
}

// The 422 text is GitHub's for a missing required field as commonly seen; no public report of this exact call found.
function invalid(): FakeResponse {
  return json(422, {
    message: 'Invalid request.\n\n"body" wasn\'t supplied.',
    documentation_url: 'https://docs.github.com/rest',
    status: '422'
  })
}
