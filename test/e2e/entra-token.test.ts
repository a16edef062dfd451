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
  sharedWorld
} from './support.ts'

const world = sharedWorld()

const ACCOUNT_HOST = 'contoso.openai.azure.com'

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
    expect(annotation.message).toMatch(/environment/)
    expectRegisterCommandFor(annotation.message, subject)
    expect(checkStatuses(run)).toMatchObject({ 'entra-token': 'fail', probe: 'skip' })
    expect(credentialedRequests(world(), ACCOUNT_HOST)).toEqual([])
  })

  it('a pull_request run presents the pull_request subject', async () => {
    const run = await runAction(world(), { inputs: OIDC_INPUTS, event: 'pull_request' })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
    expect(annotation.message).toContain('pull_request')
    expectRegisterCommandFor(annotation.message, `repo:${REPOSITORY}:pull_request`)
  })

  it('a credential that differs only in letter case is named as a case mismatch (AADSTS7002138)', async () => {
    world().scenario = buildScenario(scenarios.subjectCaseMismatch())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
    expect(annotation.message).toContain('AADSTS7002138')
    expect(annotation.message).toMatch(/case-sensitive/)
    expectRegisterCommandFor(annotation.message, `repo:${REPOSITORY}:ref:refs/heads/main`)
  })

  it('a repository on the immutable owner@id/repo@id subject form is told so', async () => {
    world().scenario = buildScenario(scenarios.immutableSubject())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
    expect(annotation.message).toMatch(/immutable/)
    expectRegisterCommandFor(annotation.message, 'repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main')
  })

  it('a customized subject template (include_claim_keys) is recognised', async () => {
    world().scenario = buildScenario(scenarios.customSubjectTemplate(['repo', 'context', 'job_workflow_ref']))
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
    expect(annotation.message).toMatch(/custom/i)
    expect(run.outputs['oidc-subject']).toContain(':job_workflow_ref:')
    expectRegisterCommandFor(annotation.message, run.outputs['oidc-subject'])
  })

  it('a credential for another branch', async () => {
    world().scenario = buildScenario(scenarios.subjectMismatch())
    const run = await runAction(world(), { inputs: OIDC_INPUTS })
    const annotation = expectFailure(run, world(), 'fic-subject-mismatch')
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
