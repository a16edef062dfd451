import { describe, expect, it } from 'vitest'
import { messageChain, observationOf, readEntraError, transportError } from '../../src/pipeline/sdk-errors.ts'
import { loadOpenAI } from '../../src/pipeline/sdks.ts'

const MSAL_NETWORK_ERROR = new Error('network_error: Network request failed')

describe('reading what the SDKs throw as the diagnosis engine reads an error', () => {
  it("an openai APIError keeps the service's body, status, code and headers as fields, with the run's secrets redacted", async () => {
    // The SDK as the probe loads it: on first use.
    const { APIError } = await loadOpenAI()
    const body = { code: 'PermissionDenied', message: 'The principal sk-run-secret lacks the data action' }
    const headers = new Headers({ 'x-ms-error-code': 'PermissionDenied' })
    const error = APIError.generate(401, { error: body }, undefined, headers)
    const observation = observationOf(error, 'data-plane', ['sk-run-secret'])
    const redacted = { error: { ...body, message: body.message.replace('sk-run-secret', '***') } }
    expect(observation).toMatchObject({ status: 401, phase: 'data-plane', code: 'PermissionDenied', body: redacted })
    expect(JSON.parse(observation.text)).toEqual(redacted)
    expect(observation.headers).toMatchObject({ 'x-ms-error-code': 'PermissionDenied' })
  })

  it('any other error shows its message with the messages and codes of its causes', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    const error = new Error('Connection error.', { cause: new Error('fetch failed', { cause: reset }) })
    expect(messageChain(error)).toBe('Connection error. <- fetch failed <- socket hang up (ECONNRESET)')
    expect(observationOf(error, undefined, [])).toEqual({ text: messageChain(error), phase: undefined })
  })

  it("Entra's error answer with a body is read as that answer, its error code and body kept as fields", () => {
    const body = '{"error":"invalid_client","error_description":"AADSTS700213: No matching federated identity record"}'
    expect(readEntraError(MSAL_NETWORK_ERROR, { status: 400, body, headers: {}, truncated: false })).toEqual({
      answer: {
        text: body,
        status: 400,
        phase: 'entra-token',
        headers: {},
        truncated: false,
        code: 'invalid_client',
        body: JSON.parse(body) as unknown
      }
    })
  })

  it("a transport failure under MSAL's network_error keeps what the transport said, code included", () => {
    const lookup = Object.assign(new Error('getaddrinfo ENOTFOUND login.microsoftonline.com'), { code: 'ENOTFOUND' })
    const read = readEntraError(MSAL_NETWORK_ERROR, { networkError: transportError(lookup, []) })
    expect('error' in read && messageChain(read.error)).toBe(
      'network_error: Network request failed <- getaddrinfo ENOTFOUND login.microsoftonline.com'
    )
  })

  it("an empty 400 leaves the SDK's own error to tell; an empty 403 or 503 (a proxy refusing the tunnel) is read by its status", () => {
    expect(readEntraError(MSAL_NETWORK_ERROR, { status: 503, body: '', headers: {}, truncated: false })).toEqual({
      answer: { text: '', status: 503, phase: 'entra-token', headers: {}, truncated: false }
    })
    expect(readEntraError(MSAL_NETWORK_ERROR, { status: 400, body: ' ', headers: {}, truncated: false })).toEqual({
      error: MSAL_NETWORK_ERROR
    })
    expect(readEntraError(MSAL_NETWORK_ERROR, undefined)).toEqual({ error: MSAL_NETWORK_ERROR })
  })

  it("a transport error copied for the classifier keeps its code and loses the run's secrets", () => {
    const error = Object.assign(new Error('connect to https://u:hunter2@proxy failed'), { code: 'ECONNREFUSED' })
    const copy = transportError(error, ['hunter2'])
    expect(copy.message).not.toContain('hunter2')
    expect((copy as Error & { code?: string }).code).toBe('ECONNREFUSED')
  })
})
