import { describe, expect, it } from 'vitest'
import { availability, chooseSignIn, describeSignIn, type SignInFacts } from '../../src/azure/credentials.ts'

const ids = {
  AZURE_CLIENT_ID: 'a7c3e5f1-2b4d-4c6e-8f0a-1b3c5d7e9f01',
  AZURE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47'
}
const facts = (env: Record<string, string>, more: Partial<SignInFacts> = {}): SignInFacts => ({
  env,
  azOnPath: false,
  ...more
})

describe('which sign-in a machine offers', () => {
  it('env needs both ids and a federated token file or a client secret, and says which it found', () => {
    expect(availability('env', facts({ ...ids, AZURE_FEDERATED_TOKEN_FILE: '/var/run/token' }))).toEqual({
      mode: 'env',
      available: true,
      reason: 'AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE are set'
    })
    expect(availability('env', facts({ AZURE_CLIENT_SECRET: 'x' })).reason).toBe(
      'needs AZURE_CLIENT_ID (or --client-id) and AZURE_TENANT_ID (or --tenant-id)'
    )
    expect(availability('env', facts(ids)).reason).toBe('needs AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_SECRET')
  })

  it('flags stand in for the id variables', () => {
    const given = facts({ AZURE_CLIENT_SECRET: 'x' }, { clientId: ids.AZURE_CLIENT_ID, tenantId: ids.AZURE_TENANT_ID })
    expect(availability('env', given).available).toBe(true)
  })

  it('oidc needs a GitHub job with the OIDC request variables and the ids', () => {
    const github = { ...ids, ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'y' }
    expect(availability('oidc', facts(github)).available).toBe(true)
    expect(availability('oidc', facts(ids)).reason).toMatch(/id-token: write/)
  })

  it('auto takes the first available in the order env, oidc, managed-identity, cli, api-key', () => {
    expect(chooseSignIn(facts({ AZURE_OPENAI_API_KEY: 'k' }, { azOnPath: true }))).toMatchObject({ mode: 'cli' })
    expect(chooseSignIn(facts({ AZURE_OPENAI_API_KEY: 'k' }))).toMatchObject({ mode: 'api-key' })
    expect(chooseSignIn(facts({ IDENTITY_ENDPOINT: 'http://127.0.0.1/msi/token' }, { azOnPath: true }))).toMatchObject({
      mode: 'managed-identity',
      reason: 'IDENTITY_ENDPOINT is set'
    })
    expect(chooseSignIn(facts({ ...ids, AZURE_CLIENT_SECRET: 's' }, { azOnPath: true }))).toMatchObject({ mode: 'env' })
  })

  it('auto with nothing available lists why each mode is not', () => {
    const none = chooseSignIn(facts({}))
    expect(none.mode).toBeUndefined()
    expect('reasons' in none && none.reasons.map((r) => r.mode)).toEqual([
      'env',
      'oidc',
      'managed-identity',
      'cli',
      'api-key'
    ])
  })

  it('names the variables it relies on, never their values', () => {
    const env = { ...ids, AZURE_CLIENT_SECRET: 'Xy8Q~supersecretvalue', AZURE_OPENAI_API_KEY: 'a1b2c3d4e5f6' }
    const said = [
      availability('env', facts(env)).reason,
      availability('api-key', facts(env)).reason,
      describeSignIn('env', env, 'because')
    ]
    for (const line of said) expect(line).not.toMatch(/supersecret|a1b2c3/)
    expect(describeSignIn('env', env, availability('env', facts(env)).reason)).toBe(
      'env: client secret from the environment (auto: AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET are set)'
    )
  })
})
