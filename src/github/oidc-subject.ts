// Reads GitHub OIDC `sub` claims and explains why one does not match a federated credential's subject.
// Default forms (GitHub docs, "OpenID Connect reference"): environment > pull_request > ref, and since
// July 2026 the immutable `repo:OWNER@OWNER_ID/REPO@REPO_ID:...` form.

export interface SubjectAnalysis {
  form: 'branch' | 'tag' | 'pull_request' | 'environment' | 'custom' | 'unknown'
  /** The immutable `repo:owner@id/repo@id` form. */
  immutable: boolean
  /** `owner/repo`, without ids. */
  repository?: string
  detail: string
}

const DEFAULT_SUBJECT = /^repo:([^/:@]+)(@\d+)?\/([^/:@]+)(@\d+)?:(.*)$/

interface ParsedSubject {
  owner: string
  repo: string
  immutable: boolean
  context: string
}

function parse(subject: string): ParsedSubject | undefined {
  const match = DEFAULT_SUBJECT.exec(subject.trim())
  if (!match) return undefined
  return { owner: match[1], repo: match[3], immutable: Boolean(match[2] && match[4]), context: match[5] }
}

export function analyseSubject(subject: string): SubjectAnalysis {
  const parsed = parse(subject)
  if (!parsed) {
    const looksLikeClaims = /^[a-z_]+:[^:]+(:[a-z_]+:[^:]+)*$/i.test(subject.trim())
    return looksLikeClaims
      ? { form: 'custom', immutable: false, detail: 'a customized subject template (include_claim_keys) built from ' +
          `the claims ${claimKeys(subject).join(', ')}` }
      : { form: 'unknown', immutable: false, detail: 'not a GitHub Actions subject' }
  }
  const repository = `${parsed.owner}/${parsed.repo}`
  const idForm = parsed.immutable ? ' (immutable owner@id/repo@id form)' : ''
  const { context } = parsed
  let form: SubjectAnalysis['form']
  let detail: string
  if (/^ref:refs\/heads\/[^:]+$/.test(context)) {
    form = 'branch'
    detail = `branch ${context.slice('ref:refs/heads/'.length)} of ${repository}`
  } else if (/^ref:refs\/tags\/[^:]+$/.test(context)) {
    form = 'tag'
    detail = `tag ${context.slice('ref:refs/tags/'.length)} of ${repository}`
  } else if (context === 'pull_request') {
    form = 'pull_request'
    detail = `a pull_request event in ${repository}`
  } else if (/^environment:[^:]+$/.test(context)) {
    form = 'environment'
    detail = `a job in environment ${context.slice('environment:'.length)} of ${repository}`
  } else {
    form = 'custom'
    detail = `a customized subject template for ${repository} (claims: ${claimKeys(context).join(', ') || context})`
  }
  return { form, immutable: parsed.immutable, repository, detail: detail + idForm }
}

function claimKeys(subject: string): string[] {
  const keys = subject.split(':').filter((_part, index) => index % 2 === 0)
  return keys.filter((key) => /^[a-z_]+$/.test(key))
}

function withoutIds(subject: string): string {
  return subject.replace(/^repo:([^/:@]+)@\d+\/([^/:@]+)@\d+:/, 'repo:$1/$2:')
}

/** Ranked likely reasons why `presented` matched none of `registered` (most likely first). */
export function explainSubjectMismatch(presented: string, registered: readonly string[] = []): string[] {
  const reasons: string[] = []
  const mine = analyseSubject(presented)
  for (const candidate of registered) {
    const theirs = analyseSubject(candidate)
    if (candidate === presented) continue
    if (candidate.toLowerCase() === presented.toLowerCase()) {
      reasons.push(`The registered subject '${candidate}' differs only in letter case; Entra compares subjects ` +
        'case-sensitively (AADSTS7002138), and GitHub keeps the exact case of the owner, repository, branch ' +
        'and environment names.')
    } else if (withoutIds(candidate) === withoutIds(presented)) {
      reasons.push(mine.immutable
        ? `The token uses the immutable form '${presented}' (owner@id/repo@id, new repositories and renamed or ` +
          `transferred ones since July 2026) but the credential was registered for '${candidate}'.`
        : `The credential '${candidate}' uses the immutable owner@id/repo@id form, but this repository still ` +
          `presents '${presented}'; register the name form or opt the repository into immutable subjects.`)
    } else if (candidate.toLowerCase().includes('pull-request') && mine.form === 'pull_request') {
      reasons.push(`The credential is registered for '${candidate}' ('pull-request'); GitHub presents ` +
        `'pull_request' with an underscore.`)
    } else if (/:environment\//.test(candidate) && mine.form === 'environment') {
      reasons.push(`The credential '${candidate}' writes 'environment/NAME'; the subject uses 'environment:NAME'.`)
    } else if (theirs.repository && mine.repository &&
      theirs.repository.toLowerCase() !== mine.repository.toLowerCase()) {
      reasons.push(`The credential '${candidate}' is for repository ${theirs.repository}, the token comes from ` +
        `${mine.repository}.`)
    } else if (theirs.form !== mine.form) {
      reasons.push(formMismatch(mine, theirs, candidate))
    } else {
      reasons.push(`The credential '${candidate}' is for ${theirs.detail}, the token presents ${mine.detail}.`)
    }
  }
  if (registered.length === 0) reasons.push(...reasonsFromPresentedAlone(mine, presented))
  return [...new Set(reasons)]
}

function formMismatch(mine: SubjectAnalysis, theirs: SubjectAnalysis, candidate: string): string {
  if (mine.form === 'environment') {
    return `The job references an environment, so GitHub presents the environment subject (${mine.detail}) ` +
      `instead of the branch or pull_request one; the credential '${candidate}' is for ${theirs.detail}.`
  }
  if (theirs.form === 'environment') {
    return `The credential '${candidate}' is for ${theirs.detail}, but the job does not reference that ` +
      `environment (add \`environment: ${candidate.split('environment:')[1]}\` to the job), so the token presents ` +
      `${mine.detail}.`
  }
  if (mine.form === 'pull_request') {
    return `Pull request events present 'pull_request', not the branch; the credential '${candidate}' is for ` +
      `${theirs.detail}.`
  }
  if (mine.form === 'custom' || theirs.form === 'custom') {
    return `A customized subject template (include_claim_keys) is in effect on one side: the token presents ` +
      `${mine.detail}, the credential expects ${theirs.detail}.`
  }
  return `The credential '${candidate}' is for ${theirs.detail}, the token presents ${mine.detail}.`
}

function reasonsFromPresentedAlone(mine: SubjectAnalysis, presented: string): string[] {
  const reasons: string[] = []
  switch (mine.form) {
    case 'environment':
      reasons.push('The job references an environment, so the token presents the environment subject ' +
        `'${presented}', not the branch: a credential registered for the branch does not match.`)
      break
    case 'pull_request':
      reasons.push(`Pull request events present '${presented}', not the branch; register a credential for ` +
        'the pull_request entity.')
      break
    case 'branch':
    case 'tag':
      reasons.push(`The token presents ${mine.detail}; a credential for another branch or tag, an environment ` +
        'or pull_request does not match it.')
      break
    case 'custom':
      reasons.push(`The repository or organization uses a customized subject template: ${mine.detail}.`)
      break
    case 'unknown':
      reasons.push('The subject is not in a GitHub Actions form; was the token issued by another provider?')
      break
  }
  if (mine.immutable) {
    reasons.push('The subject is in the immutable owner@id/repo@id form; a credential registered with the ' +
      'repo:owner/repo form does not match it.')
  } else if (mine.form !== 'unknown' && mine.form !== 'custom') {
    reasons.push('A credential created for the immutable owner@id/repo@id form (as the Azure portal now ' +
      'generates) does not match this name-form subject.')
  }
  reasons.push('Entra compares subjects case-sensitively: the owner, repository, branch and environment ' +
    'names must have the exact case GitHub uses.')
  return reasons
}
