// only-changed: on a pull request, which targets the pull request changed (a line of their block in its patch).
// Targets of the step's inputs are always checked; when the files cannot be listed, every target is.
import type { ActionConfig, TargetConfig } from '../config/inputs.js'
import { changedFiles, touches } from '../github/pull-request-changes.js'
import type { Deadline } from '../net/deadline.js'

export interface ChangedScope {
  /** For each target, in order: whether it is checked. */
  checked: boolean[]
  notice?: string
}

export async function changedScope(config: ActionConfig, deadline: Deadline): Promise<ChangedScope> {
  const all = { checked: config.targets.map(() => true) }
  if (!config.repository.onlyChanged) return all
  // @actions/github (octokit) loads only for the runs that use it.
  const [{ pullRequestOfRun }, { gitHubClient, listPullRequestFiles, statusOf }] = await Promise.all([
    import('../github/pull-request.js'),
    import('../github/rest.js')
  ])
  const pull = pullRequestOfRun()
  if (!pull)
    return {
      ...all,
      notice: 'only-changed applies to pull_request and pull_request_target runs: every target is checked.'
    }
  const token = config.repository.githubToken
  if (!token)
    return {
      ...all,
      notice: "only-changed needs github-token to list the pull request's files: every target is checked."
    }
  let files
  try {
    files = await deadline.race(
      listPullRequestFiles(gitHubClient(token, deadline.signal), pull),
      "listing the pull request's files"
    )
  } catch (error) {
    const status = statusOf(error)
    return {
      ...all,
      notice: `The pull request's files could not be listed (${status ? `HTTP ${status}` : 'no answer from GitHub'}): every target is checked.`
    }
  }
  const changes = changedFiles(files)
  const checked = config.targets.map((target) => changedBy(target, changes))
  const skipped = checked.filter((isChecked) => !isChecked).length
  if (skipped === 0) return { checked }
  return {
    checked,
    notice: checked.some(Boolean)
      ? `only-changed: ${skipped} target${skipped === 1 ? '' : 's'} the pull request does not change ${skipped === 1 ? 'is' : 'are'} skipped.`
      : 'only-changed: the pull request changes no line of any target: nothing to check.'
  }
}

function changedBy(target: TargetConfig, changes: ReturnType<typeof changedFiles>): boolean {
  const source = target.source
  if (!source || !('file' in source)) return true
  return touches(changes.get(source.file), target.block ?? { start: source.line, end: source.line })
}
