import { Agent, Dispatcher, ProxyAgent } from 'undici'
import { bypassesProxy, httpsProxyUrl, parseNoProxy, type NoProxyRules } from './no-proxy.js'

const CONNECT_TIMEOUT_MS = 10_000

/**
 * Sends each request direct or through the proxy by the action's one reading of NO_PROXY (no-proxy.ts). Node's fetch
 * ignores HTTPS_PROXY unless NODE_USE_ENV_PROXY is set at start-up, which users should not need to know; and undici's
 * own EnvHttpProxyAgent reads NO_PROXY its own way and prints an "experimental" warning into the user's log.
 */
class ProxyRouter extends Dispatcher {
  private readonly direct = new Agent({ connect: { timeout: CONNECT_TIMEOUT_MS } })
  private readonly proxied: ProxyAgent | undefined
  private readonly rules: NoProxyRules

  constructor(proxyUrl: string | undefined, rules: NoProxyRules) {
    super()
    this.rules = rules
    this.proxied = proxyUrl ? new ProxyAgent({ uri: proxyUrl, connect: { timeout: CONNECT_TIMEOUT_MS } }) : undefined
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandlers): boolean {
    const host = new URL(String(options.origin)).hostname
    const via = this.proxied && !bypassesProxy(host, this.rules) ? this.proxied : this.direct
    return via.dispatch(options, handler)
  }

  async shutdown(): Promise<void> {
    await Promise.all([this.direct.destroy(), this.proxied?.destroy()])
  }
}

let shared: ProxyRouter | undefined

/** The dispatcher for every `fetch` the action makes (GitHub's token endpoint, the openai SDK's calls). */
export function proxyAwareDispatcher(): Dispatcher {
  shared ??= new ProxyRouter(httpsProxyUrl(), parseNoProxy(process.env['NO_PROXY'] || process.env['no_proxy']))
  return shared
}

/** Closes the dispatcher's connections: a socket still waiting on a silent host must not hold the process. */
export async function closeDispatcher(): Promise<void> {
  const dispatcher = shared
  shared = undefined
  await dispatcher?.shutdown()
}
