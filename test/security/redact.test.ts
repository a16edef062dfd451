import { UnsecuredJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { redactDeep, redactSecrets } from '../../src/security/redact.ts'

const jwt = new UnsecuredJWT({ sub: 'repo:octo-org/octo-repo:ref:refs/heads/main' }).encode() + 'c2lnbmF0dXJl'
const key = '0123456789abcdef0123456789abcdef'

describe('redactSecrets', () => {
  it('masks JWTs, Bearer values, api-key headers and client assertions, keeping their labels', () => {
    const text = [
      `Authorization: Bearer ${jwt}`,
      `api-key: ${key}`,
      `{"api_key": "${key}"}`,
      `grant_type=client_credentials&client_assertion=${jwt}&client_secret=s3cr3t~value`,
      `token ${jwt} in a log`
    ].join('\n')
    const redacted = redactSecrets(text)
    expect(redacted).not.toContain(jwt)
    expect(redacted).not.toContain(key)
    expect(redacted).not.toContain('s3cr3t~value')
    expect(redacted).toContain('Authorization: Bearer ***')
    expect(redacted).toContain('api-key: ***')
    expect(redacted).toContain('client_assertion=***')
    expect(redacted).toContain('client_secret=***')
  })

  it('masks known secrets wherever they appear, even without a label', () => {
    expect(redactSecrets('the value was hunter2-password!', ['hunter2-password!'])).toBe('the value was ***')
  })

  it('keeps what a person needs: GUIDs (trace, correlation, principal ids), subjects, URLs, AADSTS codes', () => {
    const text = "AADSTS700213: ... subject 'repo:octo-org/octo-repo:environment:prod'. Trace ID: " +
      '2b4e1a37-77b5-4e3c-9a0d-8c2c2f0a4b00 https://contoso.openai.azure.com/openai/deployments/gpt-4o-mini'
    expect(redactSecrets(text)).toBe(text)
  })

  it("keeps prose that names a token's shape", () => {
    const text = 'If the Bearer value is not a JWT (eyJ...), that is the cause.'
    expect(redactSecrets(text)).toBe(text)
  })

  it('leaves an already masked value alone', () => {
    expect(redactSecrets('Authorization: Bearer ***')).toBe('Authorization: Bearer ***')
  })
})

describe('redactSecrets on environment dumps', () => {
  it('masks values of variables whose names end in a credential word', () => {
    const text = 'AZURE_OPENAI_API_KEY=abc123secretvalue\nACTIONS_ID_TOKEN_REQUEST_TOKEN=runtime-bearer-value\n' +
      'AZURE_CLIENT_SECRET: s3cr3t'
    expect(redactSecrets(text)).toBe('AZURE_OPENAI_API_KEY=***\nACTIONS_ID_TOKEN_REQUEST_TOKEN=***\nAZURE_CLIENT_SECRET: ***')
  })
})

describe('redactSecrets on tokens wrapped over lines', () => {
  const signed = new UnsecuredJWT({
    aud: 'https://cognitiveservices.azure.com',
    iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/',
    oid: '11111111-2222-3333-4444-555555555555'
  }).encode() + 'c2lnbmF0dXJlLXRoYXQtaXMtbG9uZy1lbm91Z2gtdG8td3JhcC1vdmVyLWEtbGluZQ'
  const lines = signed.match(/.{1,60}/g)!

  it('masks every piece of a token a terminal wrapped, and keeps the words around it', () => {
    const redacted = redactSecrets(`Authorization header was ${lines.join('\n')}\nand the call failed`)
    for (const piece of lines.slice(0, -1)) expect(redacted).not.toContain(piece)
    expect(redacted).toContain('Authorization header was ***')
    expect(redacted).toContain('and the call failed')
  })

  it('masks a token a JSON log split with escaped newlines', () => {
    const redacted = redactSecrets(JSON.stringify({ message: `token: ${lines.join('\n')}` }))
    for (const piece of lines.slice(0, -1)) expect(redacted).not.toContain(piece)
  })

  it('masks a token whose lines were joined with spaces, as the classifier reads a paste', () => {
    const redacted = redactSecrets(`401 Unauthorized ${lines.join(' ')} expired`)
    for (const piece of lines.slice(0, -1)) expect(redacted).not.toContain(piece)
    expect(redacted).toMatch(/^401 Unauthorized \*\*\* .*expired$/)
  })
})

describe('redactSecrets on Entra ID client secrets', () => {
  it('masks the client-secret shape (three characters, a digit, Q~, the rest) even without a label', () => {
    const secret = 'abc8Q~xY1zW2vU3tS4rQ5pO6nM7lK8jI9hG0fE1d'
    expect(redactSecrets(`client-id: '${secret}' is not a GUID`)).toBe("client-id: '***' is not a GUID")
  })
})

describe('redactDeep', () => {
  it('redacts every string of a nested value, with the known secrets too, and leaves the rest as it was', () => {
    const value = {
      detail: 'sent gw-key-Plain-Words-42',
      evidence: { headers: [`Authorization: Bearer ${jwt}`], status: 401, ok: false, none: null },
      at: undefined
    }
    expect(redactDeep(value, ['gw-key-Plain-Words-42'])).toEqual({
      detail: 'sent ***',
      evidence: { headers: ['Authorization: Bearer ***'], status: 401, ok: false, none: null },
      at: undefined
    })
    expect(value.detail).toBe('sent gw-key-Plain-Words-42')
  })
})
