// @azure/identity's HTTP client on the run's transport: Entra ID's answers come over the same keep-alive
// connections (opened ahead while the GitHub OIDC request is in flight), redirects are never followed, and a body is
// read only up to a cap, whatever its size.
import type { HttpClient, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline'
import { request, type Dispatcher } from 'undici'

/** More than any Entra ID answer (token responses and error bodies are a few KB); the rest is not read. */
export const MAX_IDENTITY_BODY_BYTES = 256 * 1024

async function cappedText(body: Dispatcher.ResponseData['body'], cap: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const room = cap - size
    chunks.push(room < chunk.length ? chunk.subarray(0, room) : chunk)
    size += Math.min(room, chunk.length)
    if (size >= cap) {
      body.destroy()
      break
    }
  }
  return Buffer.concat(chunks).toString('utf8')
}

function requestBody(body: PipelineRequest['body']): string | Buffer | undefined {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string' || Buffer.isBuffer(body)) return body
  if (body instanceof Uint8Array) return Buffer.from(body)
  throw new TypeError('the identity client sent a request body of a kind the transport does not send')
}

export function identityHttpClient(dispatcher: Dispatcher): HttpClient {
  return {
    async sendRequest(pipelineRequest: PipelineRequest): Promise<PipelineResponse> {
      const timeout = pipelineRequest.timeout > 0 ? pipelineRequest.timeout : undefined
      const response = await request(pipelineRequest.url, {
        method: pipelineRequest.method,
        headers: pipelineRequest.headers.toJSON(),
        body: requestBody(pipelineRequest.body),
        dispatcher,
        signal: pipelineRequest.abortSignal,
        maxRedirections: 0,
        ...(timeout ? { headersTimeout: timeout, bodyTimeout: timeout } : {})
      })
      // Loaded with @azure/identity (which brings it), not at start-up.
      const { createHttpHeaders } = await import('@azure/core-rest-pipeline')
      const headers = createHttpHeaders()
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      }
      const bodyAsText = await cappedText(response.body, MAX_IDENTITY_BODY_BYTES)
      return { request: pipelineRequest, status: response.statusCode, headers, bodyAsText }
    }
  }
}
