import * as github from '@actions/github'

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

export function readEventFacts(): EventFacts {
  const { eventName, payload, actor } = github.context
  const pullRequest = payload.pull_request as
    | { head?: { repo?: RepoRef | null }; base?: { repo?: RepoRef }; user?: { login?: string } }
    | undefined
  const head = pullRequest?.head?.repo
  const base = pullRequest?.base?.repo
  // A deleted fork leaves head.repo null: still a fork.
  const fromOtherRepository = !!head?.full_name && !!base?.full_name && head.full_name !== base.full_name
  const isForkPullRequest = pullRequest !== undefined && (head === null || head?.fork === true || fromOtherRepository)
  const isDependabot = [actor, pullRequest?.user?.login, payload.sender?.login].includes(DEPENDABOT)
  return { name: eventName ?? '', isForkPullRequest, isDependabot }
}
