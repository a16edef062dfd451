// One comment per pull request that the action keeps up to date: found by a hidden marker on any page of the
// comments, updated in place, created only when there is none. A token that may not write (a fork's read-only
// GITHUB_TOKEN) skips it with a notice; the comment never fails the check.
import { statusOf, type GitHubClient, type PullRequestRef } from './rest.js'

export const COMMENT_MARKER = '<!-- aoai-auth-check -->'

export type CommentOutcome =
  { action: 'created' | 'updated'; id: number; url: string } | { action: 'skipped'; reason: string }

export async function upsertStickyComment(
  client: GitHubClient,
  pull: PullRequestRef,
  text: string
): Promise<CommentOutcome> {
  const body = `${COMMENT_MARKER}\n${text}`
  const { octokit, request } = client
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: pull.owner,
      repo: pull.repo,
      issue_number: pull.number,
      per_page: 100,
      request
    })
    const marked = comments.filter((comment) => comment.body?.startsWith(COMMENT_MARKER))
    // The action's own comment first: another author's comment that merely quotes the marker is not ours.
    const existing = marked.find((comment) => comment.user?.type === 'Bot') ?? marked.at(0)
    if (existing) {
      const updated = await octokit.rest.issues.updateComment({
        owner: pull.owner,
        repo: pull.repo,
        comment_id: existing.id,
        body,
        request
      })
      return { action: 'updated', id: updated.data.id, url: updated.data.html_url }
    }
    const created = await octokit.rest.issues.createComment({
      owner: pull.owner,
      repo: pull.repo,
      issue_number: pull.number,
      body,
      request
    })
    return { action: 'created', id: created.data.id, url: created.data.html_url }
  } catch (error) {
    return { action: 'skipped', reason: skipReason(error) }
  }
}

function skipReason(error: unknown): string {
  const status = statusOf(error)
  if (status === 403 || status === 404) {
    return (
      `the token cannot write to this pull request (HTTP ${status}; a pull request from a fork gets a read-only ` +
      'GITHUB_TOKEN): the comment is skipped. For pull requests from this repository, give the job ' +
      '`permissions: pull-requests: write`'
    )
  }
  if (status === 401) return 'GitHub refused the github-token (HTTP 401 Bad credentials): the comment is skipped'
  return `the comment could not be written (${status ? `HTTP ${status}` : 'no answer from GitHub'}): it is skipped`
}
