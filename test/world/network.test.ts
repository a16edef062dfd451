import * as core from '@actions/core'
import dns from 'node:dns'
import http from 'node:http'
import net from 'node:net'
import { fetch } from 'undici'
import { describe, expect, it } from 'vitest'
import { worldInThisProcess } from '../support/in-process-world.ts'
import { federatedCredential } from './clients.ts'
import {
  buildScenario, COGNITIVE_SERVICES_SCOPE, OIDC_REQUEST_URL, scenarios, TOKEN_EXCHANGE_AUDIENCE
} from './index.ts'

function connectThroughProxy(target: string): Promise<number> {
  const proxy = new URL(process.env.HTTPS_PROXY ?? '')
  return new Promise((resolve, reject) => {
    const request = http.request({ host: proxy.hostname, port: proxy.port, method: 'CONNECT', path: target })
    request.on('connect', (response, socket) => {
      socket.destroy()
      resolve(response.statusCode ?? 0)
    })
    request.on('error', reject)
    request.end()
  })
}

const guardLog = () => (globalThis as { __testWorldGuard?: { kind: string; target: string }[] }).__testWorldGuard ?? []

describe('the fake internet: proxy allow-list, host faults, and the loopback guard', () => {
  const world = worldInThisProcess()

  it('the proxy refuses a host outside the world with 403, and a missing Azure-like host with 502', async () => {
    expect(await connectThroughProxy('example.com:443')).toBe(403)
    expect(await connectThroughProxy('contoso.openai.azure.com:80')).toBe(403)
    expect(await connectThroughProxy('nosuchaccount.openai.azure.com:443')).toBe(502)
    expect(await connectThroughProxy('contoso.openai.azure.com:443')).toBe(200)
    expect(world().connects.slice(-4)).toEqual([
      { host: 'example.com', port: 443, allowed: false },
      { host: 'contoso.openai.azure.com', port: 80, allowed: false },
      { host: 'nosuchaccount.openai.azure.com', port: 443, allowed: false },
      { host: 'contoso.openai.azure.com', port: 443, allowed: true }
    ])
  })

  it('a host switched to "reset" fails every library with a network error, and is recorded as refused', async () => {
    world().scenario = buildScenario(scenarios.hostUnreachable('login.microsoftonline.com', 'reset'))
    const error = await federatedCredential().getToken(COGNITIVE_SERVICES_SCOPE).catch((e: unknown) => e as Error)
    expect(error).toBeInstanceOf(Error)
    expect(world().connects.at(-1)).toEqual({ host: 'login.microsoftonline.com', port: 443, allowed: false })
    expect(world().requests.filter((r) => r.host === 'login.microsoftonline.com')).toEqual([])
  })

  it('a host switched to "forbidden" reaches @actions/core as a tunnel failure with the proxy status', async () => {
    world().scenario = buildScenario(scenarios.hostUnreachable(new URL(OIDC_REQUEST_URL).host, 'forbidden'))
    await expect(core.getIDToken(TOKEN_EXCHANGE_AUDIENCE))
      .rejects.toThrow(/tunneling socket could not be established, statusCode=403/)
    world().scenario = buildScenario()
  })

  it('the guard blocks a direct connection to a non-loopback address before it is made', async () => {
    const error = await new Promise<Error>((resolve) => {
      const socket = net.connect(443, '203.0.113.7')
      socket.on('error', resolve)
      socket.on('connect', () => resolve(new Error('connected: the guard failed')))
    })
    expect(error.message).toBe('guard: blocked connect 203.0.113.7:443 (the test world allows loopback only)')
    expect(guardLog()).toContainEqual(expect.objectContaining({ kind: 'connect', target: '203.0.113.7:443' }))
  })

  it('the guard fails DNS lookups of real names, so a library that ignores the proxy cannot go direct', async () => {
    await expect(dns.promises.lookup('login.microsoftonline.com')).rejects.toThrow(/guard: blocked getaddrinfo/)
    await expect(fetch('https://contoso.openai.azure.com/openai/models')).rejects.toThrow()
    const blocked = expect.objectContaining({ kind: 'connect', target: 'contoso.openai.azure.com:443' })
    expect(guardLog()).toContainEqual(blocked)
  })
})
