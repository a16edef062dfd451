import { describe, expect, it } from 'vitest'
import { normaliseText, unwrappedText } from '../../src/diagnosis/text.ts'

describe('normaliseText', () => {
  it('undoes JSON escaping, twice-escaped bodies and HTML entities', () => {
    expect(normaliseText('{\\"error\\":{\\"code\\":\\"PermissionDenied\\"}}')).toBe('{"error":{"code":"PermissionDenied"}}')
    expect(normaliseText('msg \\\\u0027x\\\\u0027 done')).toBe("msg 'x' done")
    expect(normaliseText('&quot;code&quot;: &#39;401&#39;')).toBe('"code": \'401\'')
  })

  it('drops timestamps and workflow-command prefixes, and joins lines', () => {
    const log = '2026-11-24T06:00:00.1234567Z ##[error]Error: AADSTS700213: No matching\n' +
      '2026-11-24T06:00:00.1234568Z federated identity record found'
    expect(normaliseText(log)).toBe('Error: AADSTS700213: No matching federated identity record found')
  })

  it('keeps escaped line breaks as spaces (\\r\\n inside error_description)', () => {
    expect(normaliseText('Timestamp: 2019-09-30 20:03:53Z\\r\\nTrace ID: 61e0')).toBe('Timestamp: 2019-09-30 20:03:53Z Trace ID: 61e0')
  })
})

describe('unwrappedText', () => {
  it('rejoins a word a terminal broke across lines', () => {
    expect(unwrappedText('Access denied due to Virtual Network/Fire\nwall rules.')).toBe(
      'Access denied due to Virtual Network/Firewall rules.')
  })
})
