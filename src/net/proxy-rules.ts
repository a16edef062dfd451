// The one reading of the proxy variables for all of the action's traffic (README "Proxies"):
// - the proxy: https_proxy, else HTTPS_PROXY, else http_proxy, else HTTP_PROXY (every request is https); an
//   http:// URL, whose user name and password (percent-decoded) become Basic Proxy-Authorization;
// - NO_PROXY / no_proxy: entries separated by commas or spaces; `*` bypasses the proxy for every host; otherwise an
//   entry matches its host and every subdomain of it, written `example.com`, `.example.com` or `*.example.com`
//   alike (curl's reading); `host:port` matches that port only; an IP address matches itself.

export interface ProxyRoute {
  host: string
  port: number
  /** `Basic …` when the proxy URL carries credentials. */
  authorization?: string
}

type Env = Readonly<Record<string, string | undefined>>

function proxyUrl(env: Env): URL | undefined {
  const value = [env.https_proxy, env.HTTPS_PROXY, env.http_proxy, env.HTTP_PROXY].find((v) => v?.trim())
  if (!value) return undefined
  try {
    return new URL(value.includes('://') ? value : `http://${value}`)
  } catch {
    return undefined
  }
}

/** The bypass entries, lower-cased, without leading `*.` or `.`. */
export function noProxyEntries(env: Env): string[] {
  const value = env.no_proxy ?? env.NO_PROXY ?? ''
  return value
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/^\*?\./, ''))
    .filter(Boolean)
}

/** Whether NO_PROXY sends a request to host:port directly. */
export function bypassesProxy(host: string, port: number, env: Env): boolean {
  const name = host.toLowerCase().replace(/\.$/, '')
  return noProxyEntries(env).some((entry) => {
    if (entry === '*') return true
    const [entryHost = '', entryPort] = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(entry)?.slice(1) ?? []
    if (entryPort && Number(entryPort) !== port) return false
    return name === entryHost || name.endsWith(`.${entryHost}`)
  })
}

/** Where a request to host:443 goes: through this proxy, or (undefined) directly. */
export function proxyFor(host: string, env: Env, port = 443): ProxyRoute | undefined {
  const url = proxyUrl(env)
  if (!url || bypassesProxy(host, port, env)) return undefined
  const user = decoded(url.username)
  const password = decoded(url.password)
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    ...(user || password ? { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } : {})
  }
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
