// The Entra ID stage, end to end: every way the token exchange fails is named with its cause, and the fix carries
// the user's own values (the presented subject, client id, tenant id) as a copy-paste command.
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness/run-action.ts'
import {
  buildScenario,
  CLIENT_ID,
  ENVIRONMENT,
  REPOSITORY,
  scenarios,
  UNKNOWN_TENANT_ID
} from '../world/index.ts'
import {
  checkStatuses,
  credentialedRequests,
  expectFailure,
  OIDC_INPUTS,
  reportOf,
  sharedWorld
} from './support.ts'

const world = sharedWorld()

const ACCOUNT_HOST = 'contoso.openai.azure.com'

/** The fix's first line: the reason it names for this subject (the detail and the command quote the subject itself). */
function likelyReason(message: string): string {
  const line = /^Likely: (.*)$/m.exec(message)
  expect(line, `a "Likely:" line in:\n${message}`).not.toBeNull()
  return line![1]
}

/** The fix registers exactly the subject the token presented, for this app. */
function expectRegisterCommandFor(message: string, subject: string): void {
  expect(message).toContain(`az ad app federated-credential create --id ${CLIENT_ID}`)
  expect(message).toContain(`"subject":"${subject}"`)
  expect(message).toContain('"issuer":"https://token.actions.githubusercontent.com"')
  expect(message).toContain('az identity federated-credential create')
}

describe('subject mismatch, in each of its forms', () => {
  it('a job with an environment presents the environment subject, not the branch one', async () => {
    world().scenario = buildScenario(scenarios.environmentJob())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
    const subject = `repo:${REPOSITORY}:environment:${ENVIRONMENT}`
    expect(run.outputs['oidc-subject']).toBe(subject)
    expect(likelyReason(annotation.message)).toMatch(/^The job references an environment, so the token presents the environment subject/)
    expectRegisterCommandFor(annotation.message, subject)
    expect(checkStatuses(run)).toMatchObject({ 'entra-token': 'fail', probe: 'skip' })
    expect(credentialedRequests(world(), ACCOUNT_HOST)).toEqual([])
  })

  it('a pull_request run presents the pull_request subject', async () => {
    const run = await runAction(world(), { inputs: OIDC_INPUTS, event: 'pull_request' })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
    expect(likelyReason(annotation.message)).toMatch(/^Pull request events present '[^']+:pull_request', not the branch/)
    expectRegisterCommandFor(annotation.message, `repo:${REPOSITORY}:pull_request`)
  })

  it('a credential that differs only in letter case is named as a case mismatch (AADSTS7002138)', async () => {
    world().scenario = buildScenario(scenarios.subjectCaseMismatch())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
    expect(annotation.message).toContain('AADSTS7002138')
    // The credential exists in other letter case: the fix corrects it rather than registering another.
    expect(likelyReason(annotation.message)).toMatch(/^a federated credential holds this subject in other letter case/)
    expect(annotation.message).toContain(`az ad app federated-credential update --id ${CLIENT_ID}`)
    expect(annotation.message).toContain(`"subject":"repo:${REPOSITORY}:ref:refs/heads/main"`)
    expect(annotation.message).not.toContain('federated-credential create')
  })

  it('a repository on the immutable owner@id/repo@id subject form is told so', async () => {
    world().scenario = buildScenario(scenarios.immutableSubject())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
    expect(likelyReason(annotation.message)).toMatch(/\(immutable owner@id\/repo@id form\)/)
    expectRegisterCommandFor(annotation.message, 'repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main')
  })

  it('a customized subject template (include_claim_keys) is recognised', async () => {
    world().scenario = buildScenario(scenarios.customSubjectTemplate(['repo', 'context', 'job_workflow_ref']))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
    expect(likelyReason(annotation.message)).toMatch(/^The repository or organization uses a customized subject template/)
    expect(run.outputs['oidc-subject']).toContain(':job_workflow_ref:')
    expectRegisterCommandFor(annotation.message, run.outputs['oidc-subject'])
  })

  it('a credential for another branch', async () => {
    world().scenario = buildScenario(scenarios.subjectMismatch())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
    expect(likelyReason(annotation.message)).toMatch(/^The token presents branch main of octo-org\/octo-repo; a credential for another branch/)
    expectRegisterCommandFor(annotation.message, `repo:${REPOSITORY}:ref:refs/heads/main`)
  })
})

describe('the other federation and directory failures', () => {
  it('an issuer with a trailing slash gets fic-issuer-mismatch (AADSTS700211)', async () => {
    world().scenario = buildScenario(scenarios.issuerMismatch())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-issuer-mismatch')
    expect(annotation.message).toContain('https://token.actions.githubusercontent.com')
  })

  it('a credential expecting another audience gets fic-audience-mismatch (AADSTS700212)', async () => {
    world().scenario = buildScenario(scenarios.audienceMismatch())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-audience-mismatch')
    expect(annotation.message).toContain('api://AzureADTokenExchange')
  })

  it('an app without any federated credential gets no-fic-configured (AADSTS70025)', async () => {
    world().scenario = buildScenario(scenarios.noFederatedCredentials())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'no-fic-configured')
    expect(annotation.message).toContain(CLIENT_ID)
  })

  it('a client id that is not in the tenant gets app-not-found (AADSTS700016)', async () => {
    const unknownClient = '00000000-1111-4222-8333-444444444444'
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'client-id': unknownClient } })
    const annotation = expectFailure(run, world(), 'app-not-found')
    expect(annotation.message).toContain(unknownClient)
  })

  it('a tenant id that does not exist gets tenant-not-found (AADSTS90002)', async () => {
    const run = await runAction(world(), { inputs: { ...OIDC_INPUTS, 'tenant-id': UNKNOWN_TENANT_ID } })
    const annotation = expectFailure(run, world(), 'tenant-not-found')
    expect(annotation.message).toContain(UNKNOWN_TENANT_ID)
  })
})

describe('network failures on the way to Entra ID are named by what the transport said, not MSAL\'s network_error', () => {
  it('login.microsoftonline.com in NO_PROXY on a runner whose only way out is the proxy gets dns-failure', async () => {
    const run = await runAction(world(), { inputs: OIDC_INPUTS, env: { NO_PROXY: 'login.microsoftonline.com' } })
    const annotation = expectFailure(run, world(), 'dns-failure')
    expect(run.blocked).toContain('connect login.microsoftonline.com:443')
    expect(annotation.message).toContain('ENOTFOUND')
    expect(annotation.message).toContain('Check the host login.microsoftonline.com')
    expect(checkStatuses(run)).toMatchObject({ 'github-oidc': 'pass', 'entra-token': 'fail', probe: 'skip' })
  })

  it('a connection to Entra ID reset on the way gets proxy-failure, with ECONNRESET in the evidence', async () => {
    world().scenario = buildScenario(scenarios.hostUnreachable('login.microsoftonline.com', 'reset'))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    expectFailure(run, world(), 'proxy-failure')
    const entra = reportOf(run).targets[0].checks.find((check) => check.id === 'entra-token') as { evidence?: { error?: string } }
    expect(entra.evidence?.error).toMatch(/ECONNRESET|socket hang up/)
  })
})
