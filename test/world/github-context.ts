// The GitHub context of the scenario's job: the GITHUB_* variables the runner sets and the event payload it writes
// to GITHUB_EVENT_PATH. Fork and Dependabot pull requests never receive an OIDC token (no id-token: write), unless
// a person re-runs Dependabot's run; pull_request_target runs in the base repository and gets one when permitted.
import { eventNameOf, isPullRequestEvent, refOf } from './github-oidc.ts'
import type { GithubScenario } from './scenario.ts'

export const DEPENDABOT = { login: 'dependabot[bot]', id: 49699333 }
export const FORK_OWNER = { login: 'outside-contributor', id: 7654321 }

export function canRequestIdToken(github: GithubScenario): boolean {
  // A Dependabot run stays restricted when a person re-runs it (rerunBy): GitHub keeps the original actor.
  const withheld = github.event === 'fork-pull-request' || github.event === 'dependabot-pull-request'
  return github.idTokenPermission && !withheld
}

function actorOf(github: GithubScenario): { login: string; id: number } {
  if (github.event === 'dependabot-pull-request') return DEPENDABOT
  if (github.event === 'fork-pull-request' || github.event === 'fork-pull-request-target') return FORK_OWNER
  return { login: github.actor, id: github.actorId }
}

/** pull_request_target carries the pull request but runs on the base branch (ref, subject, permissions). */
function carriesPullRequest(github: GithubScenario): boolean {
  return isPullRequestEvent(github) || github.event === 'fork-pull-request-target'
}

export function githubVariables(github: GithubScenario): Record<string, string> {
  const { ref, refType } = refOf(github)
  const repository = `${github.owner}/${github.repo}`
  const actor = actorOf(github)
  const pullRequest = carriesPullRequest(github)
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: github.owner,
    GITHUB_REPOSITORY_OWNER_ID: String(github.ownerId),
    GITHUB_REPOSITORY_ID: String(github.repoId),
    GITHUB_EVENT_NAME: eventNameOf(github),
    GITHUB_REF: ref,
    GITHUB_REF_NAME: isPullRequestEvent(github)
      ? `${github.pullRequestNumber}/merge`
      : ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: refType,
    GITHUB_REF_PROTECTED: github.event === 'push' ? 'true' : 'false',
    GITHUB_SHA: github.sha,
    GITHUB_HEAD_REF: pullRequest ? 'feature/probe' : '',
    GITHUB_BASE_REF: pullRequest ? github.branch : '',
    GITHUB_ACTOR: actor.login,
    GITHUB_ACTOR_ID: String(actor.id),
    GITHUB_TRIGGERING_ACTOR: github.rerunBy ?? actor.login,
    GITHUB_WORKFLOW: 'aoai-auth-check',
    GITHUB_WORKFLOW_REF: `${repository}/${github.workflowFile}@${ref}`,
    GITHUB_WORKFLOW_SHA: github.sha,
    GITHUB_RUN_ID: String(github.runId),
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'check',
    GITHUB_ACTION: '__octo-org_aoai-auth-check',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    RUNNER_ENVIRONMENT: github.runnerEnvironment,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: github.runnerEnvironment === 'github-hosted' ? 'GitHub Actions 1000000001' : 'self-hosted-1'
  }
}

/** A realistic, trimmed webhook payload for the scenario's event. */
export function eventPayload(github: GithubScenario): Record<string, unknown> {
  const repository = {
    id: github.repoId, node_id: 'R_kgDOtestrepo', name: github.repo, full_name: `${github.owner}/${github.repo}`,
    private: github.visibility !== 'public', visibility: github.visibility, fork: false,
    default_branch: github.branch,
    owner: { login: github.owner, id: github.ownerId, type: 'Organization' },
    html_url: `https://github.com/${github.owner}/${github.repo}`
  }
  const actor = actorOf(github)
  const sender = { login: actor.login, id: actor.id, type: actor === DEPENDABOT ? 'Bot' : 'User' }
  if (carriesPullRequest(github)) {
    const fromFork = github.event === 'fork-pull-request' || github.event === 'fork-pull-request-target'
    const headRepo = fromFork
      ? { ...repository, id: 99887766, full_name: `${FORK_OWNER.login}/${github.repo}`, fork: true,
        owner: { login: FORK_OWNER.login, id: FORK_OWNER.id, type: 'User' } }
      : repository
    const branch = github.event === 'dependabot-pull-request'
      ? 'dependabot/npm_and_yarn/undici-7.30.2'
      : 'feature/probe'
    return {
      action: 'synchronize', number: github.pullRequestNumber, repository, sender,
      pull_request: {
        number: github.pullRequestNumber, state: 'open', title: 'Probe Azure OpenAI auth',
        user: { login: actor.login, id: actor.id, type: sender.type },
        head: { ref: branch, sha: github.sha, repo: headRepo, label: `${headRepo.owner.login}:${branch}` },
        base: { ref: github.branch, sha: '0000000000000000000000000000000000000001', repo: repository },
        author_association: fromFork ? 'FIRST_TIME_CONTRIBUTOR' : 'MEMBER'
      }
    }
  }
  const { ref } = refOf(github)
  if (github.event === 'workflow_dispatch') {
    return { inputs: {}, ref, repository, sender, workflow: github.workflowFile }
  }
  return {
    ref, before: '0000000000000000000000000000000000000001', after: github.sha, created: false, deleted: false,
    forced: false, repository, sender, pusher: { name: actor.login }, head_commit: { id: github.sha, message: 'ci' }
  }
}
