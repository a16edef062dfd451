// Preloaded (--import) into every vitest worker and every process the harness spawns: nothing may leave loopback.
// Any connect to, DNS lookup or query of, or UDP datagram to a non-loopback name is blocked before a packet is sent,
// and logged (to globalThis.__testWorldGuard and, when AOAI_TEST_WORLD_GUARD_LOG names a file, appended there).
import dgram from 'node:dgram'
import dns from 'node:dns'
import { appendFileSync } from 'node:fs'
import net from 'node:net'

const log = []
globalThis.__testWorldGuard = log

function isLoopback(host) {
  if (!host) return true
  const name = String(host).replace(/^\[|\]$/g, '').toLowerCase()
  return name === 'localhost' || name === '::1' || /^127\./.test(name) || /^::ffff:127\./.test(name)
}

function record(kind, target) {
  const entry = { kind, target, pid: process.pid }
  log.push(entry)
  const file = process.env.AOAI_TEST_WORLD_GUARD_LOG
  if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`)
  return new Error(`guard: blocked ${kind} ${target} (the test world allows loopback only)`)
}

/** What Node says when a name does not resolve: a runner whose only way out is the proxy sees exactly this. */
function notFound(hostname) {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`),
    { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname })
}

const originalConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function guardedConnect(...args) {
  const normalized = Array.isArray(args[0]) ? args[0] : args
  const first = normalized[0]
  const options = typeof first === 'object' && first !== null
    ? first
    : { port: first, host: typeof normalized[1] === 'string' ? normalized[1] : undefined }
  if (!options.path && !isLoopback(options.host)) {
    const blocked = record('connect', `${options.host}:${options.port}`)
    // A name fails as its DNS lookup would; an address as a refused connection.
    const error = net.isIP(options.host) ? Object.assign(blocked, { code: 'ECONNREFUSED' }) : notFound(options.host)
    process.nextTick(() => this.destroy(error))
    return this
  }
  return originalConnect.apply(this, args)
}

const originalLookup = dns.lookup
dns.lookup = function guardedLookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback
  if (isLoopback(hostname)) return originalLookup.call(this, hostname, options, callback)
  const error = Object.assign(record('getaddrinfo', hostname), { code: 'ENOTFOUND', hostname })
  process.nextTick(() => done(error))
  return {}
}

const originalPromisesLookup = dns.promises.lookup
dns.promises.lookup = async function guardedPromisesLookup(hostname, options) {
  if (isLoopback(hostname)) return originalPromisesLookup.call(this, hostname, options)
  throw Object.assign(record('getaddrinfo', hostname), { code: 'ENOTFOUND', hostname })
}

// resolve* and reverse ask the configured name servers directly (c-ares, not getaddrinfo): any query, even of
// localhost, is a packet to them, so all are refused.
const QUERIES = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx',
  'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse']

function refusedQuery(method, hostname) {
  return Object.assign(record(method, hostname), { code: 'ECONNREFUSED', syscall: method, hostname })
}

function guardCallbackQueries(target) {
  for (const method of QUERIES) {
    if (typeof target[method] !== 'function') continue
    target[method] = function guardedQuery(hostname, ...rest) {
      const done = rest.findLast((arg) => typeof arg === 'function')
      const error = refusedQuery(method, hostname)
      process.nextTick(() => done?.(error))
      return {}
    }
  }
}

function guardPromiseQueries(target) {
  for (const method of QUERIES) {
    if (typeof target[method] !== 'function') continue
    target[method] = async function guardedQuery(hostname) {
      throw refusedQuery(method, hostname)
    }
  }
}

guardCallbackQueries(dns)
guardCallbackQueries(dns.Resolver.prototype)
guardPromiseQueries(dns.promises)
guardPromiseQueries(dns.promises.Resolver.prototype)

// send(msg[, offset, length][, port][, address][, callback]): the address is the only string after msg; without
// one (and unconnected) it is the loopback address.
const originalSend = dgram.Socket.prototype.send
dgram.Socket.prototype.send = function guardedSend(message, ...rest) {
  const done = typeof rest.at(-1) === 'function' ? rest.at(-1) : undefined
  const address = rest.find((arg) => typeof arg === 'string')
  const port = rest.filter((arg) => typeof arg === 'number').at(-1)
  if (address !== undefined && !isLoopback(address)) {
    const error = Object.assign(record('udp', `${address}:${port}`), { code: 'ECONNREFUSED' })
    process.nextTick(() => (done ? done(error) : this.emit('error', error)))
    return
  }
  return originalSend.call(this, message, ...rest)
}

const originalUdpConnect = dgram.Socket.prototype.connect
dgram.Socket.prototype.connect = function guardedUdpConnect(port, address, callback) {
  if (typeof address === 'string' && !isLoopback(address)) {
    const error = Object.assign(record('udp', `${address}:${port}`), { code: 'ECONNREFUSED' })
    process.nextTick(() => this.emit('error', error))
    return
  }
  return originalUdpConnect.call(this, port, address, callback)
}
