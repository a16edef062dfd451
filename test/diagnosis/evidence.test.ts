// What the evidence reader takes from a text (synthetic variants of real shapes).
import { describe, expect, it } from 'vitest'
import { readEvidence } from '../../src/diagnosis/evidence.ts'
import { normaliseText } from '../../src/diagnosis/text.ts'

function read(text: string, headers?: Record<string, string>) {
  return readEvidence(normaliseText(text), headers)
}

describe('readEvidence', () => {
  it.each([
    ['< HTTP/2 401 \n< content-type: application/json', 401],
    ["Error code: 404 - {'error': {'code': 'DeploymentNotFound'}}", 404],
    ['{"statusCode":401,"message":"Unauthorized."}', 401],
    ['Service request failed.\nStatus: 403 (Forbidden)', 403],
    ['Failed to get ID Token. \n Error Code : 500\n Error Message: Internal Server Error', 500],
    ['Request failed with status code 429', 429],
    ["AuthenticationError(message='', http_status=401, request_id=None)", 401],
    ['Error: 401 Access denied due to invalid subscription key', 401],
    ['401 Client Error: PermissionDenied for url: https://x.services.ai.azure.com/', 401],
    ['Response status code does not indicate success: 503 (Service Unavailable).', 503]
  ])('reads the status of %j', (text, status) => {
    expect(read(text).status).toBe(status)
  })

  it('reads error codes, the body\'s first, and not the .NET reason phrase as one', () => {
    const evidence = read('Status: 401 (PermissionDenied)\nErrorCode: 401\n{"error":{"code":"401","message":"x"}}')
    expect(evidence.reasonPhrase).toBe('PermissionDenied')
    expect(evidence.errorCodes ?? []).not.toContain('PermissionDenied')
    expect(read('', { 'x-ms-error-code': 'DeploymentNotFound' }).errorCodes).toEqual(['DeploymentNotFound'])
  })

  it('reads every AADSTS code, from the text, the error_codes list and the MSAL Error(s) format', () => {
    expect(read('{"error_description":"AADSTS70002: x. AADSTS500133: y","error_codes":[70002,500133]}').aadstsCodes)
      .toEqual(['70002', '500133'])
    expect(read('invalid_request: Error(s): 700213 - Timestamp: 2026-11-24 06:00:00Z').aadstsCodes).toEqual(['700213'])
  })

  it('reads retry hints from headers and text', () => {
    expect(read('', { 'retry-after': '12' }).retryAfterSeconds).toBe(12)
    expect(read('', { 'retry-after-ms': '1500' }).retryAfterSeconds).toBe(2)
    expect(read('Please retry after 86400 seconds.').retryAfterSeconds).toBe(86400)
    expect(read('Please try again in 114h18m0s.').retryAfterSeconds).toBe(114 * 3600 + 18 * 60)
    expect(read('Retrying in 0.1 seconds as it raised APIConnectionError').retryAfterSeconds).toBeUndefined()
  })

  it('reads the ids a support case needs', () => {
    const evidence = read('Trace ID: 2b4e1a37-77b5-4e3c-9a0d-8c2c2f0a4b00\r\nCorrelation ID: ' +
      '6e0b2f1d-4c29-4c9e-8a6a-1f3b5a7c9d11\r\nTimestamp: 2024-05-01 10:00:00Z\napim-request-id: ' +
      '42bf3386-0429-4f3c-88c6-16c25b9c794f')
    expect(evidence).toMatchObject({
      traceId: '2b4e1a37-77b5-4e3c-9a0d-8c2c2f0a4b00',
      correlationId: '6e0b2f1d-4c29-4c9e-8a6a-1f3b5a7c9d11',
      timestamp: '2024-05-01 10:00:00Z',
      requestId: '42bf3386-0429-4f3c-88c6-16c25b9c794f'
    })
  })

  it('reads the request\'s host, deployment and api-version from a URL in the text', () => {
    expect(read("Client error '401 Unauthorized' for url 'https://cog-733ownwusqico.openai.azure.com/openai/" +
      "deployments/text-embedding-3-large/embeddings?api-version=2023-05-15'")).toMatchObject({
      host: 'cog-733ownwusqico.openai.azure.com', deployment: 'text-embedding-3-large', apiVersion: '2023-05-15'
    })
  })

  it('reads the transport error code', () => {
    expect(read('Connection error. <- fetch failed <- getaddrinfo ENOTFOUND contoso.openai.azure.com'))
      .toMatchObject({ networkCode: 'ENOTFOUND', host: 'contoso.openai.azure.com' })
  })
})
