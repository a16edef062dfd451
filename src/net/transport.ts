// One HTTP transport for the traffic that carries credentials to Entra ID and the data plane: one undici agent with
// keep-alive, whose connections are opened by this module — directly or through the proxy the environment names —
// so that a connection can be opened ahead of its first request (`preconnect`), while an earlier request is in
// flight, and handed to that request when it comes. The proxy rules live in proxy-rules.ts, one reading for all.
import { request as httpRequest } from 'node:http'
import { connect as netConnect, type Socket } from 'node:net'
import { connect as tlsConnect, type TLSSocket } from 'node:tls'
import { Agent, type Dispatcher } from 'undici'
import { proxyFor, type ProxyRoute } from './proxy-rules.js'

const CONNECT_TIMEOUT_MS = 10_000
/** A connection opened ahead and never used is closed after this long, so nothing holds the process. */
const UNUSED_CONNECTION_MS = 30_000

type Connector = (options: { hostname: string; port: string; servername?: string }, callback: ConnectCallback) => void
type ConnectCallback = (...args: [null, Socket] | [Error, null]) => void

/** Opens a TLS connection to host:443, through the proxy's CONNECT tunnel when the environment routes it there. */
function openTls(host: string, port: number, servername: string): Promise<TLSSocket> {
  const route = proxyFor(host, process.env)
  const secure = (socket?: Socket): Promise<TLSSocket> =>
    new Promise((resolve, reject) => {
      const tls = tlsConnect({
        ...(socket ? { socket } : { host, port }),
        servername,
        ALPNProtocols: ['http/1.1'],
        timeout: CONNECT_TIMEOUT_MS
      })
      tls.once('secureConnect', () => resolve(tls))
      tls.once('error', reject)
      tls.once('timeout', () => tls.destroy(Object.assign(new Error(`TLS to ${host} timed out`), { code: 'ETIMEDOUT' })))
    })
  return route ? tunnel(route, host, port).then(secure) : secure()
}

/** An HTTP CONNECT tunnel to host:port through the proxy; a refusal carries the proxy's status as the error. */
function tunnel(route: ProxyRoute, host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: route.host,
      port: route.port,
      method: 'CONNECT',
      path: `${host}:${port}`,
      headers: { host: `${host}:${port}`, ...(route.authorization ? { 'proxy-authorization': route.authorization } : {}) },
      timeout: CONNECT_TIMEOUT_MS,
      agent: false,
      createConnection: () => netConnect({ host: route.host, port: route.port })
    })
    request.once('connect', (response, socket) => {
      if (response.statusCode === 200) return resolve(socket)
      socket.destroy()
      // undici's own wording for a refused tunnel, which the diagnosis (and users' search engines) know.
      const error = new Error(`Proxy response (${response.statusCode}) !== 200 when HTTP Tunneling`)
      reject(Object.assign(error, { code: 'UND_ERR_ABORTED', proxyStatus: response.statusCode }))
    })
    request.once('timeout', () => request.destroy(Object.assign(new Error('proxy CONNECT timed out'), { code: 'ETIMEDOUT' })))
    request.once('error', reject)
    request.end()
  })
}

/** Connections opened ahead of their first request, by host; each is used once, by the first request to its host. */
class OpenedAhead {
  private readonly byHost = new Map<string, Promise<TLSSocket>[]>()

  open(host: string): void {
    const opening = openTls(host, 443, host)
    opening
      .then((socket) => {
        socket.unref()
        setTimeout(() => socket.destroy(), UNUSED_CONNECTION_MS).unref()
      })
      .catch(() => undefined)
    const list = this.byHost.get(host) ?? []
    list.push(opening)
    this.byHost.set(host, list)
  }

  take(host: string): Promise<TLSSocket> | undefined {
    const list = this.byHost.get(host)
    return list?.shift()
  }

  closeAll(): void {
    for (const list of this.byHost.values()) for (const opening of list) void opening.then((s) => s.destroy(), () => undefined)
    this.byHost.clear()
  }
}

/** The run's transport: a keep-alive agent whose connections may be opened ahead of time. */
export class Transport {
  private readonly ahead = new OpenedAhead()
  readonly dispatcher: Dispatcher

  constructor() {
    const connect: Connector = (options, callback) => {
      const host = options.hostname
      const port = Number(options.port || 443)
      const opened = port === 443 ? this.ahead.take(host) : undefined
      const socket = opened ?? openTls(host, port, options.servername ?? host)
      socket.then(
        (tls) => {
          tls.ref()
          callback(null, tls)
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null)
      )
    }
    this.dispatcher = new Agent({ connect, keepAliveTimeout: 10_000, connections: 8 })
  }

  /** Opens a connection to each host (TLS, through the proxy where it applies) for the request that will follow. */
  preconnect(hosts: Iterable<string>): void {
    for (const host of new Set(hosts)) this.ahead.open(host)
  }

  async close(): Promise<void> {
    this.ahead.closeAll()
    await this.dispatcher.destroy()
  }
}
