import { describe, expect, it } from 'vitest'
import { judgeAccessToken } from '../../src/diagnosis/access-token.ts'
import { classify } from '../../src/diagnosis/classify.ts'

const now = Date.parse('2026-11-24T08:00:00Z')
const inAnHour = now / 1000 + 3600
const custom = ['https://cognitiveservices.azure.com', 'https://ai.azure.com']

describe('one verdict on an access token, for the live check and the diagnosis of a 401', () => {
  it('a v1 token\'s audience with a trailing slash is the audience the endpoint takes', () => {
    const claims = { aud: 'https://cognitiveservices.azure.com/', exp: inAnHour }
    expect(judgeAccessToken(claims, { expectedAudiences: custom, now })).toBeUndefined()
  })

  it('another audience names what the endpoint takes', () => {
    const claims = { aud: 'https://management.azure.com/', exp: inAnHour }
    expect(judgeAccessToken(claims, { expectedAudiences: ['https://ai.azure.com'], taker: 'p.services.ai.azure.com', now }))
      .toEqual({
        cause: 'wrong-token-audience',
        detail: 'The token\'s audience is https://management.azure.com, but p.services.ai.azure.com takes https://ai.azure.com.'
      })
  })

  it('without the endpoint\'s audiences, any cloud\'s Azure OpenAI audience fits and others do not', () => {
    expect(judgeAccessToken({ aud: 'https://cognitiveservices.azure.us', exp: inAnHour }, { now })).toBeUndefined()
    expect(judgeAccessToken({ aud: 'https://graph.microsoft.com', exp: inAnHour }, { now })?.cause)
      .toBe('wrong-token-audience')
  })

  it('a gateway decides the audience itself, but an expired token is still expired', () => {
    const gateway = { expectedAudiences: 'any' as const, now }
    expect(judgeAccessToken({ aud: 'api://my-gateway', exp: inAnHour }, gateway)).toBeUndefined()
    expect(judgeAccessToken({ aud: 'api://my-gateway', exp: now / 1000 - 60 }, gateway)).toEqual({
      cause: 'token-expired',
      detail: 'The token expired at 2026-11-24T07:59:00.000Z.'
    })
  })

  it('the audience is judged before the expiry, and claims without exp use the expiry the token service reported', () => {
    const expiredElsewhere = { aud: 'https://graph.microsoft.com', exp: now / 1000 - 60 }
    expect(judgeAccessToken(expiredElsewhere, { expectedAudiences: custom, now })?.cause).toBe('wrong-token-audience')
    const noExp = { aud: 'https://ai.azure.com' }
    expect(judgeAccessToken(noExp, { expectedAudiences: custom, now, expiresOn: now - 1 })?.cause).toBe('token-expired')
    expect(judgeAccessToken(noExp, { expectedAudiences: custom, now, expiresOn: now + 1 })).toBeUndefined()
  })

  it('a live 401 on a custom subdomain does not blame a Foundry audience the access-token check accepted', () => {
    const foundryToken = { aud: 'https://ai.azure.com', exp: Date.now() / 1000 + 3600, tid: 't1' }
    const answer = '{"error":{"code":"401","message":"Unauthorized. Access token is missing, invalid, or have expired."}}'
    const context = { accessTokenClaims: foundryToken, sentCredential: 'entra-token' as const, expectedAudiences: custom }
    expect(judgeAccessToken(foundryToken, { expectedAudiences: custom, now: Date.now() })).toBeUndefined()
    expect(classify({ text: answer, status: 401, phase: 'data-plane' }, context).cause).toBe('token-tenant-mismatch')
  })
})
