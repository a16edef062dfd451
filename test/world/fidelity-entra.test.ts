import { AuthenticationRequiredError, ClientSecretCredential, type TokenCredential } from '@azure/identity'
import { beforeEach, describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { federatedCredential } from './clients.ts'
import {
  buildScenario, CLIENT_ID, CLIENT_SECRET, COGNITIVE_SERVICES_SCOPE, DEFAULT_SUBJECT, GITHUB_ISSUER, mintIdToken, scenarios,
  TENANT_ID, TOKEN_EXCHANGE_AUDIENCE, UNKNOWN_TENANT_ID, type ScenarioOverrides
} from './index.ts'

interface AadBody {
  error: string
  error_description: string
  error_codes: number[]
  trace_id: string
  correlation_id: string
}

const NO_RETRIES = { retryOptions: { maxRetries: 0 } }

describe('Entra ID answers each federation failure with its real code, status and body', () => {
  const world = worldInThisProcess()
  beforeEach(() => { world().requests.length = 0 })

  async function rejection(overrides: ScenarioOverrides, credential: TokenCredential = federatedCredential(),
    scope = COGNITIVE_SERVICES_SCOPE) {
    world().scenario = buildScenario(overrides)
    const error = await credential.getToken(scope).then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(AuthenticationRequiredError)
    const exchange = world().requests.filter((r) => r.host === 'login.microsoftonline.com' && r.method === 'POST')
    expect(exchange).toHaveLength(1)
    const body = JSON.parse(exchange[0].responseBody) as AadBody
    return { message: (error as Error).message, status: exchange[0].status, body }
  }

  it('a credential for another branch: AADSTS700213 naming the presented subject', async () => {
    const { message, status, body } = await rejection(scenarios.subjectMismatch())
    expect(status).toBe(401)
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [700213] })
    expect(body.error_description).toContain(`presented assertion subject '${DEFAULT_SUBJECT}'`)
    expect(message).toContain('AADSTS700213')
    expect(message).toContain(body.trace_id)
  })

  it('a credential differing only in case: AADSTS7002138', async () => {
    const { body } = await rejection(scenarios.subjectCaseMismatch())
    expect(body.error_codes).toEqual([7002138])
    expect(body.error_description)
      .toContain('matches with case-insensitive comparison, but not with case-sensitive comparison')
  })

  it('an issuer with a trailing slash: AADSTS700211', async () => {
    const { body } = await rejection(scenarios.issuerMismatch())
    expect(body.error_codes).toEqual([700211])
    expect(body.error_description).toContain(`assertion issuer '${GITHUB_ISSUER}'`)
  })

  it('a credential for another audience: AADSTS700212', async () => {
    const { body } = await rejection(scenarios.audienceMismatch())
    expect(body.error_codes).toEqual([700212])
    expect(body.error_description).toContain(`assertion audience '${TOKEN_EXCHANGE_AUDIENCE}'`)
  })

  it('an older tenant: the generic AADSTS70021 with issuer, subject and audience, status 400', async () => {
    const { status, body } = await rejection(scenarios.genericFederationError())
    expect(status).toBe(400)
    expect(body).toMatchObject({ error: 'invalid_request', error_codes: [70021] })
    expect(body.error_description).toContain(`Assertion Subject: '${DEFAULT_SUBJECT}'`)
  })

  it('an app without federated credentials: AADSTS70025', async () => {
    const { body } = await rejection(scenarios.noFederatedCredentials())
    expect(body.error_codes).toEqual([70025])
  })

  it('an unknown client id: AADSTS700016, status 400', async () => {
    const unknownClient = federatedCredential({ clientId: '00000000-1111-4222-8333-444444444444' })
    const { status, body } = await rejection({}, unknownClient)
    expect(status).toBe(400)
    expect(body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] })
  })

  it('an unknown tenant: AADSTS90002', async () => {
    const { status, body } = await rejection({}, federatedCredential({ tenantId: UNKNOWN_TENANT_ID }))
    expect(status).toBe(400)
    expect(body).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] })
  })

  it('an expired assertion: AADSTS700024 with the real time range text', async () => {
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600
    const stale = () => mintIdToken(world().scenario.github, TOKEN_EXCHANGE_AUDIENCE, 'github', anHourAgo)
    const { body } = await rejection({}, federatedCredential({ assertion: stale }))
    expect(body.error_codes).toEqual([700024])
    expect(body.error_description).toMatch(/Current time: .*, assertion valid from .*, expiry time of assertion /)
  })

  it('an assertion signed with a key GitHub never published: AADSTS700027', async () => {
    const forged = () => mintIdToken(world().scenario.github, TOKEN_EXCHANGE_AUDIENCE, 'forger')
    const { body } = await rejection({}, federatedCredential({ assertion: forged }))
    expect(body.error_codes).toEqual([700027])
  })

  it('an assertion that is not a JWT: AADSTS50027', async () => {
    const { body } = await rejection({}, federatedCredential({ assertion: async () => 'not-a-jwt' }))
    expect(body.error_codes).toEqual([50027])
  })

  it('a scope of a resource the tenant does not know: AADSTS500011', async () => {
    const { body } = await rejection({}, federatedCredential(), 'api://not-registered-resource/.default')
    expect(body).toMatchObject({ error: 'invalid_resource', error_codes: [500011] })
  })

  it('a wrong client secret: AADSTS7000215, status 401', async () => {
    const credential = new ClientSecretCredential(TENANT_ID, CLIENT_ID, 'wrong~secret', NO_RETRIES)
    const { status, body } = await rejection({}, credential)
    expect(status).toBe(401)
    expect(body.error_codes).toEqual([7000215])
  })

  it('the right client secret gets a token', async () => {
    world().scenario = buildScenario()
    const credential = new ClientSecretCredential(TENANT_ID, CLIENT_ID, CLIENT_SECRET, NO_RETRIES)
    const token = await credential.getToken(COGNITIVE_SERVICES_SCOPE)
    expect(token?.token).toMatch(/^ey/)
  })

  it('accepts and ignores the CAE claims challenge on the second token request', async () => {
    world().scenario = buildScenario()
    const credential = federatedCredential()
    await credential.getToken(COGNITIVE_SERVICES_SCOPE)
    await credential.getToken(COGNITIVE_SERVICES_SCOPE, { enableCae: true })
    const forms = world().requests.filter((r) => r.method === 'POST').map((r) => new URLSearchParams(r.body))
    expect(forms.map((f) => f.has('claims'))).toEqual([false, true])
    expect(world().requests.every((r) => r.status === 200)).toBe(true)
  })
})
