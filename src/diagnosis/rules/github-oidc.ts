// GitHub OIDC: the runner gave the job no ID token, or GitHub's token endpoint refused one. Every tool words the
// same three refusals its own way (a missing permission, a fork's pull request, a Dependabot run), so the rows
// below match the stable part (the runner's variable names, the permission's name) and let the event decide.
import { anyPhrase } from './phrases.js'
import type { Candidate, DiagnosisContext, Facts, Rule } from './types.js'

/** Text about a GitHub OIDC login (Azure/login, its auth-type, an OIDC or federated token request). */
export const OIDC_LOGIN_CONTEXT = anyPhrase(
  /Azure\/login/,
  /\bauth-type\b/,
  /\bOIDC\b/,
  /\bid-token\b/,
  /getIDToken/,
  /ACTIONS_ID_TOKEN_REQUEST/,
  /federated token/
)

export const NO_OIDC_ALTERNATIVES: Candidate[] = [
  {
    cause: 'fork-pr-no-oidc',
    why:
      'A pull request from a fork never gets an OIDC token (id-token is read-only ' +
      'for forks), which shows the same missing ACTIONS_ID_TOKEN_REQUEST_URL: the triggering event decides.'
  },
  {
    cause: 'dependabot-no-oidc',
    why:
      'Runs triggered by Dependabot get a read-only GITHUB_TOKEN and no OIDC ' +
      'token, with the same missing ACTIONS_ID_TOKEN_REQUEST_URL: the actor (dependabot[bot]) decides.'
  }
]

const MISSING_PERMISSION: Candidate = {
  cause: 'missing-id-token-permission',
  why:
    'A job without ' +
    "`permissions: id-token: write` (or whose workflow or caller grants less) gets no token: the job's and the " +
    "calling workflow's `permissions` decide."
}

/** A text that names the fork or Dependabot case itself decides; otherwise the live run's event does. */
export function decideNoOidc(facts: Facts, context: DiagnosisContext): Candidate | undefined {
  const event = context.event
  if (event?.isDependabot) {
    return { cause: 'dependabot-no-oidc', why: 'The run was triggered by Dependabot, which never gets an OIDC token.' }
  }
  if (event?.isForkPullRequest) {
    return {
      cause: 'fork-pr-no-oidc',
      why: `The ${event.name} event comes from a fork, which never gets an OIDC ` + 'token.'
    }
  }
  if (event) {
    return {
      cause: 'missing-id-token-permission',
      why:
        `The ${event.name} run is not one GitHub withholds ` +
        "OIDC tokens from (a fork's pull_request, a Dependabot run), so the job lacks `permissions: id-token: write`."
    }
  }
  if (/dependabot/i.test(facts.text)) {
    return { cause: 'dependabot-no-oidc', why: 'The run is a Dependabot run, which never gets an OIDC token.' }
  }
  if (
    /\bfork(?:ed)? (?:detected|pull request|PR|repository)|\bfrom (?:a |the )?fork/i.test(facts.text) &&
    !/\bor (?:this job is being run |it is )?from a fork/i.test(facts.text)
  ) {
    return { cause: 'fork-pr-no-oidc', why: 'The log shows a run from a fork, which never gets an OIDC token.' }
  }
  return undefined
}

export const GITHUB_OIDC_RULES: readonly Rule[] = [
  {
    cause: 'missing-id-token-permission',
    why:
      "The workflow asks for `id-token: write` but its caller (or the workflow's own `permissions`) allows " +
      'less: a called workflow can never have more than the calling job grants.',
    text: anyPhrase(
      // GitHub's workflow validation: "The nested job 'x' is requesting 'id-token: write', but is only allowed
      // 'id-token: none'" (google-github-actions/auth#240, Azure/login#280 threads)
      /is requesting '?id-token: ?write'?,? but is only allowed '?id-token: ?(?:none|read)/,
      /requesting .{0,40}id-token: ?write.{0,40}only allowed .{0,20}id-token: ?(?:none|read)/
    )
  },
  {
    cause: 'missing-id-token-permission',
    why:
      'The runner did not provide ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN: the job has no `id-token: write` ' +
      'permission (or the event never gets one).',
    text: anyPhrase(
      // @actions/core getIDToken (Azure/login, every JS action): corpus ebpf-missing-id-token-permission
      /Unable to get (?:the )?ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)/,
      // pypa/gh-action-pypi-publish, codecov: corpus pypi-publish-oidc-request-token-unset
      /ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)\W+(?:env(?:ironment)? variable )?(?:is |was )?(?:not (?:set|defined|present|available)|missing|undefined|empty|unset)/,
      // google-github-actions/auth: "GitHub Actions did not inject $ACTIONS_ID_TOKEN_REQUEST_TOKEN or
      // $ACTIONS_ID_TOKEN_REQUEST_URL into this job" (google-github-actions/auth#51)
      /did not inject \$?ACTIONS_ID_TOKEN_REQUEST/,
      /(?:missing|no) ACTIONS_ID_TOKEN_REQUEST/,
      /GitHub Actions OIDC (?:is )?not available/,
      // sigstore/cosign, anthropics/claude-code-action: corpus dotfiles-claude-action-could-not-fetch-oidc
      /(?:missing|insufficient) (?:or insufficient )?OIDC token permissions/,
      /id-token(?:: ?write)? permission (?:is )?(?:missing|not (?:set|granted))/,
      // aws-actions/configure-aws-credentials: "Did you mean to set the `id-token` permission?"
      /Did you mean to set the .?id-token.? permission/,
      // hashicorp/vault-action, pulumi, octo-sts: "...the `id-token: write` permission is required"
      /id-token: ?write.? permissions? (?:is )?(?:required|needed)/,
      // npm provenance: 'requires "write" access to the "id-token" permission'
      /"?write"? access to the "?id-token"? permission/,
      // sigstore: "failed to get OIDC token from GitHub: ... ACTIONS_ID_TOKEN_REQUEST_URL"
      /(?:can ?not|could not|unable to) (?:get|fetch|obtain|retrieve) (?:an |the )?(?:GitHub )?OIDC token/
    ),
    alternatives: NO_OIDC_ALTERNATIVES,
    decide: decideNoOidc
  },
  {
    cause: 'oidc-request-failed',
    why:
      "The request to GitHub's OIDC token endpoint failed (the permission was there, the token was not " + 'issued).',
    text: anyPhrase(
      // @actions/core: corpus login-ghes-oidc-getcall-undefined
      /Failed to get ID Token/,
      /Response json body do not have ID Token field/,
      /getIDToken\W.{0,40}(?:failed|error)/,
      // Azure/login's own wording around an undefined error: corpus login-larger-runner-oidc-undefined
      /Error: undefined\. Please make sure to give write permissions to id-token/,
      /githubAssertion/,
      /getAssertion: received HTTP status/,
      // GitHub's token service refusing to issue: "Can't issue ID_TOKEN for job in 'Completed' state."
      // (typeKey CannotGenerateIdTokenException), as google-auth and gcloud print it (google-github-actions/auth#325)
      /CannotGenerateIdTokenException/,
      /Can'?t issue ID_TOKEN/,
      // google-auth (Python), gcloud: the federated credential's subject token is GitHub's ID token, read from
      // ACTIONS_ID_TOKEN_REQUEST_URL ("Unable to retrieve Identity Pool subject token", ZcashFoundation/zebra#7015)
      /Unable to retrieve Identity Pool subject token/,
      /(?:unable to|failed to|error) (?:retriev|fetch|obtain)\w* (?:the )?subject token/
    ),
    alternatives: [MISSING_PERMISSION]
  },
  {
    cause: 'oidc-request-failed',
    why: "GitHub's OIDC token service was unavailable (a GitHub outage): retry, and check githubstatus.com.",
    // GitHub's edge answers every service the same way during an outage: only a text about the token request says
    // it was the OIDC one (ZcashFoundation/zebra#7015)
    text: /GitHub Actions is temporarily unavailable/,
    when: (facts) =>
      facts.phase === 'github-oidc' ||
      OIDC_LOGIN_CONTEXT.test(facts.text) ||
      /subject token|ID_?TOKEN/i.test(facts.text)
  },
  {
    cause: 'oidc-request-failed',
    why:
      'A login step that uses GitHub OIDC failed without a message of its own (an undefined error from the ' +
      "token request): the request to GitHub's OIDC token endpoint failed.",
    text: /Cannot read properties of undefined \(reading 'message'\)/i,
    // Any JavaScript bug prints this: only a text that is about the OIDC login says it is the token request.
    when: (facts) => facts.phase === 'github-oidc' || OIDC_LOGIN_CONTEXT.test(facts.text)
  },
  {
    cause: 'missing-id-token-permission',
    why: 'The tool asks for `permissions: id-token: write`: the job did not get a GitHub OIDC token.',
    // Not `id-token: write` itself: pasted workflows hold it, whatever failed.
    text: anyPhrase(/give write permissions? to id-token/, /Failed to fetch federated token from GitHub/),
    alternatives: [
      ...NO_OIDC_ALTERNATIVES,
      {
        cause: 'oidc-request-failed',
        why:
          'The same wrapper text follows ' +
          'any failed token request: an "Error Code :" from GitHub in the log means the request itself failed.'
      }
    ],
    decide: decideNoOidc
  }
]
