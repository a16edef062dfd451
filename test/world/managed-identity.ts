// The managed identity endpoint a host gives its code, as Azure App Service / Functions serve it: plain HTTP on
// the machine itself (IDENTITY_ENDPOINT), guarded by a per-host secret header (IDENTITY_HEADER), API 2019-08-01.
// IMDS (169.254.169.254) cannot be imitated here: the world has loopback only. @azure/identity's
// ManagedIdentityCredential (MSAL's AppService source) picks this endpoint from those two variables.
// It serves the scenario's identities of kind 'managed-identity': `client_id` picks a user-assigned one; without
// it, the first one stands for the host's system-assigned identity. Tokens are Entra's (same keys and claims).
// Shapes: https://learn.microsoft.com/azure/app-service/overview-managed-identity (REST endpoint reference);
// the unknown-identity 400 body: https://github.com/Azure/azure-sdk-for-net/issues/43691.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { KNOWN_RESOURCES, mintAccessToken, ACCESS_TOKEN_LIFETIME_SECONDS } from './entra.ts'
import type { RecordedRequest } from './fake-internet.ts'
import type { WorldState } from './http.ts'

export const IDENTITY_HEADER = 'testworld-identity-header-0000000000000001'

export interface ManagedIdentityEndpoint {
  /**
   * IDENTITY_ENDPOINT and IDENTITY_HEADER, as the host sets them, and NO_PROXY for the loopback address: the
   * endpoint is on the machine itself, and @azure/identity would otherwise send it to HTTPS_PROXY.
   */
  env: Record<string, string>
  close(): Promise<void>
}

function answer(res: ServerResponse, status: number, body: unknown): string {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(text)
  return text
}

async function tokenRequest(
  req: IncomingMessage,
  url: URL,
  state: WorldState,
  res: ServerResponse
): Promise<{ status: number; text: string }> {
  const reply = (status: number, body: unknown) => ({ status, text: answer(res, status, body) })
  if (req.headers['x-identity-header'] !== IDENTITY_HEADER) {
    return reply(401, { statusCode: 401, message: 'Unauthorized: missing or invalid X-IDENTITY-HEADER.' })
  }
  const resource = (url.searchParams.get('resource') ?? '').replace(/\/(\.default)?$/, '')
  const clientId = url.searchParams.get('client_id')
  const hosted = state.scenario.tenants.flatMap((tenant) =>
    tenant.identities
      .filter((identity) => identity.kind === 'managed-identity')
      .map((identity) => ({ tenant, identity }))
  )
  const match = clientId
    ? hosted.find(({ identity }) => identity.clientId.toLowerCase() === clientId.toLowerCase())
    : hosted[0]
  if (!match || !KNOWN_RESOURCES.includes(resource)) {
    return reply(400, {
      statusCode: 400,
      message: 'Unable to load the proper Managed Identity.',
      correlationId: randomUUID()
    })
  }
  const token = await mintAccessToken(match.tenant, match.identity, resource)
  state.secrets.add(token)
  return reply(200, {
    access_token: token,
    expires_on: String(Math.floor(Date.now() / 1000) + ACCESS_TOKEN_LIFETIME_SECONDS),
    resource,
    token_type: 'Bearer',
    client_id: match.identity.clientId
  })
}

export async function startManagedIdentityEndpoint(
  state: WorldState,
  requests: RecordedRequest[]
): Promise<ManagedIdentityEndpoint> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const host = req.headers.host ?? '127.0.0.1'
    const done = ({ status, text }: { status: number; text: string }) =>
      requests.push({
        host,
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: {},
        body: '',
        status,
        responseBody: text,
        at: 0
      })
    if (req.method !== 'GET' || url.pathname !== '/msi/token') {
      done({ status: 404, text: answer(res, 404, { statusCode: 404, message: 'Not Found' }) })
      return
    }
    tokenRequest(req, url, state, res).then(done, (error: unknown) =>
      done({ status: 500, text: answer(res, 500, { fakeError: String(error) }) })
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    env: { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER, NO_PROXY: '127.0.0.1' },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      })
  }
}
