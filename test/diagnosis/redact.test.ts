import { UnsecuredJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { redactSecrets } from '../../src/diagnosis/redact.ts'

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
