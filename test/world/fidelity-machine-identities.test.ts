// The sign-ins a laptop or another CI uses, with @azure/identity's own credentials against the world: the Azure
// CLI login (through the `az` stand-in), a federated token file (workload identity), a client secret, and the
// host's managed identity endpoint (fidelity-managed-identity.test.ts).
import { AzureCliCredential, ClientSecretCredential, WorkloadIdentityCredential } from '@azure/identity'
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { useProcessEnv } from '../support/process-env.ts'
import { installAzStandIn } from './azure-cli.ts'
import { CLIENT_ID, CLIENT_SECRET, COGNITIVE_SERVICES_SCOPE, PRINCIPAL_ID, TENANT_ID } from './index.ts'

const noRetries = { retryOptions: { maxRetries: 0 } }

describe('sign-ins outside GitHub OIDC, with the real credentials', () => {
  const world = worldInThisProcess()

  it('AzureCliCredential runs `az account get-access-token` and the stand-in gets the token from Entra', async () => {
    const az = installAzStandIn({ tenantId: TENANT_ID, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })
    const restore = useProcessEnv(az.env())
    try {
      const { token, expiresOnTimestamp } = await new AzureCliCredential().getToken(COGNITIVE_SERVICES_SCOPE)
      expect(decodeJwt(token)).toMatchObject({
        aud: 'https://cognitiveservices.azure.com',
        oid: PRINCIPAL_ID,
        tid: TENANT_ID
      })
      expect(expiresOnTimestamp).toBeGreaterThan(Date.now())
      const exchange = world().requests.findLast((r) => r.host === 'login.microsoftonline.com' && r.method === 'POST')
      expect(new URLSearchParams(exchange?.body).get('grant_type')).toBe('client_credentials')
    } finally {
      restore()
      rmSync(dirname(az.binDir), { recursive: true, force: true })
    }
  })

  it('a logged-out az gives AzureCliCredential the "az login" message it recognises', async () => {
    const az = installAzStandIn(undefined)
    const restore = useProcessEnv(az.env())
    try {
      await expect(new AzureCliCredential().getToken(COGNITIVE_SERVICES_SCOPE)).rejects.toThrow(/az login/)
    } finally {
      restore()
      rmSync(dirname(az.binDir), { recursive: true, force: true })
    }
  })

  it('WorkloadIdentityCredential sends the federated token file as the client assertion', async () => {
    const file = await world().federatedTokenFile()
    const credential = new WorkloadIdentityCredential({
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      tokenFilePath: file,
      ...noRetries
    })
    const { token } = await credential.getToken(COGNITIVE_SERVICES_SCOPE)
    expect(decodeJwt(token).oid).toBe(PRINCIPAL_ID)
    rmSync(dirname(file), { recursive: true, force: true })
  })

  it('ClientSecretCredential signs in with the app secret; a wrong one gets AADSTS7000215', async () => {
    const { token } = await new ClientSecretCredential(TENANT_ID, CLIENT_ID, CLIENT_SECRET, noRetries).getToken(
      COGNITIVE_SERVICES_SCOPE
    )
    expect(decodeJwt(token).appid).toBe(CLIENT_ID)
    await expect(
      new ClientSecretCredential(TENANT_ID, CLIENT_ID, 'Xy8Q~wrong', noRetries).getToken(COGNITIVE_SERVICES_SCOPE)
    ).rejects.toThrow(/AADSTS7000215/)
  })
})
