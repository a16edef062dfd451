// Preloaded (--import) into every vitest worker and every process the harness spawns: nothing may leave loopback.
// Any connect to, or DNS lookup of, a non-loopback name is blocked before a packet is sent, and logged (to
// globalThis.__testWorldGuard and, when AOAI_TEST_WORLD_GUARD_LOG names a file, appended there).
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

const originalConnect = net.Socket.prototype.connect
net.Socket.prototype.connect = function guardedConnect(...args) {
  const normalized = Array.isArray(args[0]) ? args[0] : args
  const first = normalized[0]
  const options = typeof first === 'object' && first !== null
    ? first
    : { port: first, host: typeof normalized[1] === 'string' ? normalized[1] : undefined }
  if (!options.path && !isLoopback(options.host)) {
    const error = Object.assign(record('connect', `${options.host}:${options.port}`), { code: 'ECONNREFUSED' })
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
