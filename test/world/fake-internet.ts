// The loopback half of the fake internet: one HTTPS server answering for every production name (routed by Host,
// every request recorded) and the CONNECT proxy that tunnels known names to it and refuses everything else.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import { answerFaultFor, answerWithFault, PROXY_REFUSALS, type FakeAnswer } from './faults.ts'
import { fakeFor } from './hosts.ts'
import type { FakeRequest, FakeResponse, WorldState } from './http.ts'
import type { Pki } from './pki.ts'

export interface RecordedRequest {
  host: string
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  body: string
  status: number
  /** What the fake answered (JSON text). */
  responseBody: string
  /** Milliseconds since the world started. */
  at: number
}

export interface RecordedConnect {
  host: string
  port: number
  allowed: boolean
}

interface Listening {
  port: number
  close(): Promise<void>
}

function trackSockets(server: HttpServer | HttpsServer, sockets: Set<Socket>): void {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
}

function listen(server: HttpServer | HttpsServer, sockets: Set<Socket>): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve({
      port: (server.address() as AddressInfo).port,
      close: () => new Promise((done) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => done())
      })
    }))
  })
}

function flatHeaders(headers: NodeJS.Dict<string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers)
    .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value ?? '']))
}

export async function startFakeServer(pki: Pki, state: WorldState, requests: RecordedRequest[]): Promise<Listening> {
  const started = performance.now()
  const sockets = new Set<Socket>()
  const server = createHttpsServer({ cert: pki.certPem, key: pki.keyPem }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase()
      const url = new URL(req.url ?? '/', `https://${host}`)
      const request: FakeRequest = { host, method: req.method ?? 'GET', path: url.pathname, query: url.searchParams,
        headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      const fake = fakeFor(state, host)
      const real = async (): Promise<FakeAnswer> => {
        const response: FakeResponse = fake
          ? await fake(request, state).catch((error: unknown) => ({ status: 500, body: { fakeError: String(error) } }))
          : { status: 421, body: { error: `no fake for ${host}` } }
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '')
        const headers = {
          'content-type': 'application/json; charset=utf-8', date: new Date().toUTCString(),
          'strict-transport-security': 'max-age=31536000; includeSubDomains', 'x-content-type-options': 'nosniff',
          ...response.headers
        }
        return { status: response.status, text, headers }
      }
      const fault = answerFaultFor(state.scenario.answers, host, request.path)
      const record = (answer: FakeAnswer) => requests.push({ host, method: request.method, path: request.path,
        query: Object.fromEntries(url.searchParams), headers: flatHeaders(req.headers), body: request.body,
        status: answer.status, responseBody: answer.text, at: Math.round(performance.now() - started) })
      if (fault) {
        record(await answerWithFault(fault, host, state, res, req.socket, real))
        return
      }
      const answer = await real()
      record(answer)
      res.writeHead(answer.status, answer.headers)
      res.end(answer.text)
    })
  })
  trackSockets(server, sockets)
  return listen(server, sockets)
}

/**
 * The CONNECT proxy. Known hosts on :443 are tunnelled to the fake server; a name the certificate covers but the
 * scenario does not know gets 502 (what a corporate proxy says when DNS fails); any other name gets 403.
 * Per-host faults from the scenario (faults.ts): 403, 407, 502, 503, a TCP reset, a tunnel where nothing ever answers,
 * or a tunnel to a server with an untrusted certificate.
 */
export async function startProxy(state: WorldState, fakePort: number, connects: RecordedConnect[],
  untrustedPort: number): Promise<Listening> {
  const sockets = new Set<Socket>()
  const proxy = createHttpServer((_req, res) => res.writeHead(403, { connection: 'close' }).end())
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    const [, rawHost = '', rawPort = ''] = /^\[?([^\]]*?)\]?:(\d+)$/.exec(req.url ?? '') ?? []
    const host = rawHost.toLowerCase()
    const port = Number(rawPort)
    const fault = state.scenario.faults[host]
    const known = port === 443 && fakeFor(state, host) !== undefined
    connects.push({ host, port, allowed: known && fault === undefined })
    if (fault === 'reset') return void client.resetAndDestroy()
    if (fault === 'hang') return void client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (fault && fault !== 'untrusted-tls') return void client.end(PROXY_REFUSALS[fault])
    if (!known) return void client.end(PROXY_REFUSALS[port === 443 && isPlausible(host) ? 'bad-gateway' : 'forbidden'])
    const upstream = connect(fault === 'untrusted-tls' ? untrustedPort : fakePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => { sockets.delete(upstream); client.destroy() })
    upstream.on('error', () => client.destroy())
    client.on('close', () => upstream.destroy())
  })
  trackSockets(proxy, sockets)
  return listen(proxy, sockets)
}

/** Names under the clouds the world imitates: a missing one there is a DNS failure, not a policy refusal. */
const PLAUSIBLE_SUFFIXES = ['.azure.com', '.azure.us', '.azure.cn', '.microsoft.com', '.microsoftonline.com',
  '.azure-api.net', '.githubusercontent.com']

function isPlausible(host: string): boolean {
  return PLAUSIBLE_SUFFIXES.some((suffix) => host.endsWith(suffix))
}
