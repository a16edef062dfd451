// The GitHub REST calls the pull-request features make, through @actions/github's octokit (proxy-aware, the
// runner's GITHUB_API_URL), each under the run's deadline.
import { getOctokit } from '@actions/github'
import type { PullRequestFile } from './pull-request-changes.js'

/** An octokit and the signal that ends its calls with the run's deadline. */
export interface GitHubClient {
  octokit: ReturnType<typeof getOctokit>
  /** Per call: a `request` option given to getOctokit would replace @actions/github's proxy-aware fetch. */
  request: { signal: AbortSignal }
}

/** The repository and pull request the event names. */
export interface PullRequestRef {
  owner: string
  repo: string
  number: number
}

export function gitHubClient(token: string, signal: AbortSignal): GitHubClient {
  return { octokit: getOctokit(token), request: { signal } }
}

/** Every file of the pull request, all pages (GitHub lists 3000 at most). */
export async function listPullRequestFiles(client: GitHubClient, pull: PullRequestRef): Promise<PullRequestFile[]> {
  const { octokit, request } = client
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: pull.owner,
    repo: pull.repo,
    pull_number: pull.number,
    per_page: 100,
    request
  })
  return files.map((file) => ({
    filename: file.filename,
    status: file.status,
    patch: file.patch,
    previous_filename: file.previous_filename
  }))
}

/** The HTTP status of a failed octokit call, when it got that far. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}
