// Fault hooks of the test world: what a hostile or broken network, proxy or service does instead of answering
// well. Proxy faults act on the CONNECT (scenario.faults); answer faults act on the HTTP answer of a host the world
// serves (scenario.answers), so the real SDKs meet them exactly as they would meet a broken service.
//
// Sources for the shapes: a proxy's 407 (RFC 9110 §15.5.8, `Proxy-Authenticate`); Retry-After as seconds or as an
// HTTP date (RFC 9110 §10.2.3); `retry-after-ms` / `x-ms-retry-after-ms` as Azure OpenAI sends them
// (https://learn.microsoft.com/azure/ai-services/openai/how-to/quota); the HTML block page is what TLS-inspecting
// corporate proxies answer in place of the service (see test-world-spike-2-proxy.md).
import { execFileSync } from 'node:child_process'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CERTIFICATE_NAMES } from './pki.ts'

/**
 * What the CONNECT proxy does instead of tunnelling to a host: 403 / 502 (what proxies say when DNS fails) / 503,
 * 407 asking for credentials, a TCP reset, a tunnel where nothing ever answers, or a tunnel to a server whose
 * certificate no trusted CA signed (a TLS-inspecting proxy whose CA the runner lacks).
 */
export type HostFault = 'forbidden' | 'bad-gateway' | 'unavailable' | 'proxy-auth' | 'reset' | 'hang' | 'untrusted-tls'

/** What a served host answers instead of (or on top of) its fake's answer. */
export type AnswerFault = { path?: string } &
  /** The request is read, and no answer ever comes. */
  (
    | { kind: 'hang' }
    /** The fake's status and headers, then its body a few bytes at a time, never finishing. */
    | { kind: 'trickle'; status?: number }
    /** The fake's status and half its body, then a TCP reset. */
    | { kind: 'reset-mid-body' }
    /** A complete HTTP answer whose body is the first half of the fake's (JSON cut off). */
    | { kind: 'truncate' }
    /** A redirect to `location`. */
    | { kind: 'redirect'; status?: 301 | 302 | 303 | 307 | 308; location: string }
    /** The fake's answer padded to about `bytes` with hyphenated and base64url text (what made redaction quadratic). */
    | { kind: 'huge'; status?: number; bytes: number }
    /** A status with a body that is not JSON at all. */
    | { kind: 'malformed'; status: number }
    /** A proxy's or firewall's HTML block page. */
    | { kind: 'html'; status: number }
    /** The first `count` requests answer `status`, later ones the fake's answer. */
    | { kind: 'burst'; status: 500 | 502 | 503 | 504; count: number }
    /** 429 with one of the retry hints Azure sends (or none), and a body of the rate-limit or quota text. */
    | { kind: 'throttle'; retryAfter?: string; retryAfterMs?: string; quota?: boolean }
  )

export interface FakeAnswer {
  status: number
  text: string
  headers: Record<string, string>
}

export const PROXY_REFUSALS: Record<'forbidden' | 'bad-gateway' | 'unavailable' | 'proxy-auth', string> = {
  forbidden: 'HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n',
  'bad-gateway': 'HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\ncontent-length: 0\r\n\r\n',
  unavailable: 'HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n',
  'proxy-auth':
    'HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm="corp-proxy"\r\n' +
    'connection: close\r\ncontent-length: 0\r\n\r\n'
}

const BLOCK_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>' +
  '<p>The requested URL was blocked by the corporate web filter. Policy: Uncategorized-Block. ' +
  'Contact your network administrator.</p></body></html>\n'

// The pieces redaction once went quadratic on: hyphenated words and base64url runs.
const FILLER = 'x-ms-request-id-filler-aB3_-9zQ_wE-'

/** The answer fault for this request, if the scenario has one for its host (and path). */
export function answerFaultFor(
  answers: Partial<Record<string, AnswerFault>>,
  host: string,
  path: string
): AnswerFault | undefined {
  const fault: AnswerFault | undefined = answers[host]
  return fault !== undefined && (fault.path === undefined || path.includes(fault.path)) ? fault : undefined
}

/** Per-host request counts, for bursts: the first `count` requests fail. */
const burstCounts = new WeakMap<object, Map<string, number>>()

/**
 * Answers `res` as the fault says, given the fake's own answer. Returns the status recorded for the request (the
 * hang and trickle faults never end the answer; the world's stop destroys their sockets).
 */
export async function answerWithFault(
  fault: AnswerFault,
  host: string,
  owner: object,
  res: ServerResponse,
  socket: Socket,
  real: () => Promise<FakeAnswer>
): Promise<FakeAnswer> {
  switch (fault.kind) {
    case 'hang':
      return { status: 0, text: '', headers: {} }
    case 'trickle': {
      const answer = await real()
      const status = fault.status ?? answer.status
      res.writeHead(status, { ...answer.headers, 'transfer-encoding': 'chunked' })
      const timer = setInterval(() => {
        if (!res.destroyed) res.write(' ')
      }, 200)
      res.on('close', () => {
        clearInterval(timer)
      })
      return { ...answer, status }
    }
    case 'reset-mid-body': {
      const answer = await real()
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.text)) })
      // A TLS socket has no RST of its own: the TCP connection under it is cut, which the proxy passes on.
      res.write(answer.text.slice(0, Math.floor(answer.text.length / 2)), () => socket.destroy())
      return answer
    }
    case 'truncate': {
      const answer = await real()
      const cut = answer.text.slice(0, Math.floor(answer.text.length / 2))
      res.writeHead(answer.status, answer.headers)
      res.end(cut)
      return { ...answer, text: cut }
    }
    case 'redirect': {
      const status = fault.status ?? 307
      const answer = { status, text: '', headers: { location: fault.location, 'content-length': '0' } }
      res.writeHead(status, answer.headers)
      res.end()
      return answer
    }
    case 'huge': {
      const answer = await real()
      const status = fault.status ?? answer.status
      const padding = FILLER.repeat(Math.ceil(fault.bytes / FILLER.length))
      const text = answer.text.startsWith('{')
        ? `{"padding":"${padding}",${answer.text.slice(1)}`
        : padding + answer.text
      res.writeHead(status, answer.headers)
      res.end(text)
      return { ...answer, status, text: `(${text.length} characters)` }
    }
    case 'malformed': {
      const text = 'upstream answered: <<garbled>> \u0000\u001b[2J'
      res.writeHead(fault.status, { 'content-type': 'application/json' })
      res.end(text)
      return { status: fault.status, text, headers: {} }
    }
    case 'html': {
      res.writeHead(fault.status, { 'content-type': 'text/html; charset=utf-8' })
      res.end(BLOCK_PAGE)
      return { status: fault.status, text: BLOCK_PAGE, headers: {} }
    }
    case 'burst': {
      const counts = burstCounts.get(owner) ?? new Map<string, number>()
      burstCounts.set(owner, counts)
      const seen = (counts.get(host) ?? 0) + 1
      counts.set(host, seen)
      if (seen > fault.count) return send(res, await real())
      const text = JSON.stringify({
        error: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable.' }
      })
      return send(res, { status: fault.status, text, headers: { 'content-type': 'application/json' } })
    }
    case 'throttle': {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = fault.retryAfterMs
      // source: https://github.com/microsoft/copilot-camp/issues/551 (rate), https://github.com/alex-wolf-ps/dbchatprov2/issues/2 (quota)
      const message = fault.quota
        ? 'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded ' +
          'call rate limit of your current OpenAI S0 pricing tier. Please retry later.'
        : 'Rate limit is exceeded. Try again later.'
      return send(res, { status: 429, text: JSON.stringify({ error: { code: '429', message } }), headers })
    }
  }
}

function send(res: ServerResponse, answer: FakeAnswer): FakeAnswer {
  res.writeHead(answer.status, answer.headers)
  res.end(answer.text)
  return answer
}

/** An HTTP date `seconds` from now, as a Retry-After may carry it. */
export function httpDateIn(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toUTCString()
}

let untrustedPem: { cert: string; key: string } | undefined

/** A certificate for every production name, self-signed: no CA the runner trusts signed it. */
function untrustedCertificate(): { cert: string; key: string } {
  if (untrustedPem) return untrustedPem
  const dir = mkdtempSync(join(tmpdir(), 'aoai-untrusted-'))
  try {
    const san = CERTIFICATE_NAMES.map((name) => `DNS:${name}`).join(',')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-days',
        '2',
        '-subj',
        '/CN=Corporate TLS Inspection',
        '-addext',
        `subjectAltName=${san}`
      ],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] }
    )
    untrustedPem = {
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      key: readFileSync(join(dir, 'key.pem'), 'utf8')
    }
    return untrustedPem
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A TLS server with the untrusted certificate, where the proxy tunnels hosts under the 'untrusted-tls' fault. */
export async function startUntrustedServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server = createHttpsServer(untrustedCertificate(), (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('intercepted')
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('tlsClientError', () => undefined)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => {
          done()
        })
      })
  }
}
