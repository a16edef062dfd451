import { readFileSync } from 'node:fs'

/** What the workflow run's event says about where the job came from (decides why OIDC may be unavailable). */
export interface EventFacts {
  name: string
  isForkPullRequest: boolean
  isDependabot: boolean
}

const DEPENDABOT = 'dependabot[bot]'

interface RepoRef {
  full_name?: string
  fork?: boolean
}

interface EventPayload {
  pull_request?: { head?: { repo?: RepoRef | null }; base?: { repo?: RepoRef }; user?: { login?: string } }
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
  const payload = readEventPayload()
  const pullRequest = payload.pull_request
  const head = pullRequest?.head?.repo
  const base = pullRequest?.base?.repo
  // A deleted fork leaves head.repo null: still a fork.
  const fromOtherRepository = !!head?.full_name && !!base?.full_name && head.full_name !== base.full_name
  const isForkPullRequest = pullRequest !== undefined && (head === null || head?.fork === true || fromOtherRepository)
  const isDependabot = [process.env.GITHUB_ACTOR, pullRequest?.user?.login, payload.sender?.login].includes(DEPENDABOT)
  return { name: process.env.GITHUB_EVENT_NAME ?? '', isForkPullRequest, isDependabot }
}
