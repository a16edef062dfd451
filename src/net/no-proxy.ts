// One reading of NO_PROXY for all of the action's traffic. The three HTTP stacks it uses read the variable three ways
// (undici: `parent.domain` exact only; @azure/core-rest-pipeline: `.parent.domain` covers the domain too, `*.` never
// matches; @actions/http-client: `parent.domain` covers subdomains), so the action reads it once, here, and hands
// every stack the same answer: `normaliseProxyEnvironment` rewrites NO_PROXY / no_proxy into a form all three read
// alike, before any of them looks.
//
// The reading (curl's): entries are separated by commas or whitespace; `parent.domain`, `.parent.domain` and
// `*.parent.domain` each mean that domain and every host under it; `*` alone means no proxy at all; an entry with a
// port applies only to that port (all of the action's traffic is https on 443); IP addresses match exactly; case
// does not matter.

export interface NoProxyRules {
  /** `*`: nothing goes through the proxy. */
  all: boolean
  /** Domains (and IP addresses) whose hosts bypass the proxy, lower case, without leading `*.` or `.`. */
  domains: string[]
}

const HTTPS_PORT = '443'

export function parseNoProxy(value: string | undefined): NoProxyRules {
  const domains: string[] = []
  let all = false
  for (const raw of (value ?? '').split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') {
      all = true
      continue
    }
    const { host, port } = splitPort(entry)
    if (port !== undefined && port !== HTTPS_PORT) continue
    const domain = host.replace(/^\*?\.+/, '').replace(/\.$/, '')
    if (domain && !domains.includes(domain)) domains.push(domain)
  }
  return { all, domains }
}

function splitPort(entry: string): { host: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return { host: bracketed[1], port: bracketed[2] }
  const withPort = /^([^:]+):(\d+)$/.exec(entry)
  return withPort ? { host: withPort[1], port: withPort[2] } : { host: entry }
}

/** Whether a request to `host` goes direct rather than through the proxy. */
export function bypassesProxy(host: string, rules: NoProxyRules): boolean {
  if (rules.all) return true
  const name = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
  return rules.domains.some((domain) => name === domain || name.endsWith(`.${domain}`))
}

/** NO_PROXY written so every stack reads `rules` the same: each domain as `domain` and `.domain`. */
export function canonicalNoProxy(rules: NoProxyRules): string {
  return rules.domains.flatMap((domain) => (/^[\d.]+$|:/.test(domain) ? [domain] : [domain, `.${domain}`])).join(',')
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy', 'HTTP_PROXY', 'http_proxy']

/**
 * Rewrites the proxy variables of `env` (the process's, at start-up) into the one reading: HTTPS_PROXY and
 * https_proxy both hold the one proxy for https (`httpsProxyUrl`), NO_PROXY and no_proxy both the canonical list,
 * and with `*` no proxy variable is left, so every stack goes direct.
 */
export function normaliseProxyEnvironment(env: NodeJS.ProcessEnv = process.env): NoProxyRules {
  const rules = parseNoProxy(env['NO_PROXY'] || env['no_proxy'])
  const proxy = httpsProxyUrl(env)
  for (const name of PROXY_VARIABLES) Reflect.deleteProperty(env, name)
  if (proxy && !rules.all) {
    env['HTTPS_PROXY'] = proxy
    env['https_proxy'] = proxy
  }
  const canonical = canonicalNoProxy(rules)
  for (const name of ['NO_PROXY', 'no_proxy']) {
    if (canonical) env[name] = canonical
    else Reflect.deleteProperty(env, name)
  }
  return rules
}

/** The proxy for https traffic: HTTPS_PROXY, else https_proxy, else ALL_PROXY / all_proxy, else HTTP_PROXY / http_proxy. */
export function httpsProxyUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return PROXY_VARIABLES.map((name) => env[name]).find(Boolean)
}
