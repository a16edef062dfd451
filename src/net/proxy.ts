import { EnvHttpProxyAgent, type Dispatcher } from 'undici'

const CONNECT_TIMEOUT_MS = 10_000

let shared: Dispatcher | undefined

/**
 * The dispatcher for every `fetch` the action makes (the openai SDK's). Node's fetch ignores HTTPS_PROXY unless
 * NODE_USE_ENV_PROXY is set at start-up, which users should not need to know: this agent reads HTTPS_PROXY /
 * https_proxy / HTTP_PROXY / NO_PROXY itself. (@actions/core and @azure/identity honour the variables natively.)
 */
export function proxyAwareDispatcher(): Dispatcher {
  shared ??= new EnvHttpProxyAgent({ connect: { timeout: CONNECT_TIMEOUT_MS } })
  return shared
}

/** Closes the dispatcher's connections: a socket still waiting on a silent host must not hold the process. */
export async function closeDispatcher(): Promise<void> {
  const dispatcher = shared
  shared = undefined
  await dispatcher?.destroy()
}
