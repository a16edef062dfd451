import { readFileSync } from 'node:fs'

/** What the workflow run's event says about where the job came from (decides why OIDC may be unavailable). */
export interface EventFacts {
  name: string
  isForkPullRequest: boolean
  isDependabot: boolean
}

const DEPENDABOT = 'dependabot[bot]'

/**
 * The events whose runs a fork's pull request starts in the fork's context, without an OIDC token.
 * pull_request_target and workflow_run run in the base repository's context and get one when the job asks.
 */
const FORK_CONTEXT_EVENTS = ['pull_request', 'pull_request_review', 'pull_request_review_comment']

interface RepoRef {
  full_name?: string
  fork?: boolean
}

interface EventPayload {
  pull_request?: { head?: { repo?: RepoRef | null }; base?: { repo?: RepoRef } }
  sender?: { login?: string }
}

/** The event payload the runner wrote to GITHUB_EVENT_PATH (empty when run outside a workflow). */
function readEventPayload(): EventPayload {
  const path = process.env.GITHUB_EVENT_PATH
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload
  } catch {
    return {}
  }
}

export function readEventFacts(): EventFacts {
  const name = process.env.GITHUB_EVENT_NAME ?? ''
  const payload = readEventPayload()
  const pullRequest = payload.pull_request
  const head = pullRequest?.head?.repo
  const base = pullRequest?.base?.repo
  // A deleted fork leaves head.repo null: still a fork.
  const fromOtherRepository = !!head?.full_name && !!base?.full_name && head.full_name !== base.full_name
  const fromFork = pullRequest !== undefined && (head === null || head?.fork === true || fromOtherRepository)
  const isForkPullRequest = fromFork && FORK_CONTEXT_EVENTS.includes(name)
  // GitHub restricts a run whose actor is Dependabot "even if the workflow is re-run by a different actor"
  // (docs: Troubleshooting Dependabot on GitHub Actions); a person's own push to its branch is not restricted.
  // The event's sender is the actor the runner would name: it stands in when GITHUB_ACTOR is absent.
  const actor = process.env.GITHUB_ACTOR || payload.sender?.login
  return { name, isForkPullRequest, isDependabot: actor === DEPENDABOT }
}
