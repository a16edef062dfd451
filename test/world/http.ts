// What every fake sees of a request and answers, and the state the fakes share.
import type { IncomingHttpHeaders } from 'node:http'
import type { Scenario } from './scenario.ts'

export interface FakeRequest {
  host: string
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

export interface FakeResponse {
  status: number
  /** Objects are sent as JSON. */
  body?: unknown
  headers?: Record<string, string>
}

export interface WorldState {
  scenario: Scenario
  /** Every token, assertion and key the world minted or holds. */
  secrets: Set<string>
}

export type Fake = (request: FakeRequest, state: WorldState) => Promise<FakeResponse>

export function json(status: number, body: unknown, headers?: Record<string, string>): FakeResponse {
  return { status, body, headers }
}

export function bearerOf(request: FakeRequest): string | undefined {
  const match = /^bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')
  return match?.[1].trim()
}
