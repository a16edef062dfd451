// The host's managed identity endpoint (App Service protocol) with @azure/identity's ManagedIdentityCredential.
// A file of its own: @azure/identity reads NO_PROXY once per process, at its first request, and the endpoint on
// loopback must bypass HTTPS_PROXY, so the variables are in place before any credential of this process runs.
import { ManagedIdentityCredential } from '@azure/identity'
import { decodeJwt } from 'jose'
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { useProcessEnv } from '../support/process-env.ts'
import {
  CLIENT_ID,
  COGNITIVE_SERVICES_SCOPE,
  MANAGED_IDENTITY_CLIENT_ID,
  MANAGED_IDENTITY_PRINCIPAL_ID,
  scenarios
} from './index.ts'

const noRetries = { retryOptions: { maxRetries: 0 } }

describe('the managed identity endpoint', () => {
  const world = worldInThisProcess(scenarios.managedIdentityHost())
  let restore = () => {}
  beforeAll(() => {
    restore = useProcessEnv(world().managedIdentityEnv())
  })
  afterAll(() => {
    restore()
  })

  it("gives ManagedIdentityCredential the user-assigned identity's token, asked by client id", async () => {
    const { token } = await new ManagedIdentityCredential({
      clientId: MANAGED_IDENTITY_CLIENT_ID,
      ...noRetries
    }).getToken(COGNITIVE_SERVICES_SCOPE)
    expect(decodeJwt(token)).toMatchObject({
      aud: 'https://cognitiveservices.azure.com',
      oid: MANAGED_IDENTITY_PRINCIPAL_ID,
      appid: MANAGED_IDENTITY_CLIENT_ID
    })
    const request = world().requests.findLast((r) => r.path === '/msi/token')
    expect(request?.query).toMatchObject({
      'api-version': '2019-08-01',
      client_id: MANAGED_IDENTITY_CLIENT_ID,
      resource: 'https://cognitiveservices.azure.com'
    })
  })

  it("answers an identity the host does not have with App Service's 400", async () => {
    await expect(
      new ManagedIdentityCredential({ clientId: CLIENT_ID, ...noRetries }).getToken(COGNITIVE_SERVICES_SCOPE)
    ).rejects.toThrow(/Unable to load the proper Managed Identity/)
  })
})
