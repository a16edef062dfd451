// The loopback guard itself: every way a library could reach the real network fails before a packet is sent.
import dgram from 'node:dgram'
import dns from 'node:dns'
import dnsPromises from 'node:dns/promises'
import net from 'node:net'
import { describe, expect, it } from 'vitest'

const guardLog = () => (globalThis as { __testWorldGuard?: { kind: string; target: string }[] }).__testWorldGuard ?? []

function connectError(host: string): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve) => {
    const socket = net.connect(443, host)
    socket.on('error', resolve)
    socket.on('connect', () => resolve(new Error('connected: the guard failed')))
  })
}

describe('the loopback guard', () => {
  it('a direct connection to a name fails as that name failing to resolve (ENOTFOUND), as behind a proxy-only network', async () => {
    const error = await connectError('contoso.openai.azure.com')
    expect(error).toMatchObject({ code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'contoso.openai.azure.com' })
    expect(error.message).toBe('getaddrinfo ENOTFOUND contoso.openai.azure.com')
    expect(guardLog()).toContainEqual(expect.objectContaining({ kind: 'connect', target: 'contoso.openai.azure.com:443' }))
  })

  it('a direct connection to an address is refused', async () => {
    expect(await connectError('198.51.100.9')).toMatchObject({ code: 'ECONNREFUSED' })
  })

  it('DNS queries (resolve*, reverse) never reach a name server, by callback, promise or Resolver', async () => {
    const viaCallback = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      dns.resolve4('login.microsoftonline.com', (error) => resolve(error))
    })
    expect(viaCallback).toMatchObject({ code: 'ECONNREFUSED' })
    const viaRrtype = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      dns.resolve('login.microsoftonline.com', 'AAAA', (error) => resolve(error))
    })
    expect(viaRrtype).toMatchObject({ code: 'ECONNREFUSED' })
    await expect(dnsPromises.resolveTxt('example.com')).rejects.toThrow(/guard: blocked resolveTxt example.com/)
    await expect(dns.promises.reverse('8.8.8.8')).rejects.toThrow(/guard: blocked reverse/)
    await expect(new dns.promises.Resolver().resolve6('example.com')).rejects.toThrow(/guard: blocked resolve6/)
    const viaResolver = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      new dns.Resolver().resolveMx('example.com', (error) => resolve(error))
    })
    expect(viaResolver).toMatchObject({ code: 'ECONNREFUSED' })
    // Even a query for localhost is a packet to the configured name server.
    await expect(dns.promises.resolve4('localhost')).rejects.toThrow(/guard: blocked resolve4 localhost/)
  })

  it('UDP datagrams to a non-loopback address are not sent, by address or by connect', async () => {
    const socket = dgram.createSocket('udp4')
    try {
      const sent = await new Promise<Error | null>((resolve) => {
        socket.send('ping', 53, '8.8.8.8', (error) => resolve(error))
      })
      expect(sent?.message).toMatch(/guard: blocked udp 8\.8\.8\.8:53/)
      const withOffsets = await new Promise<Error | null>((resolve) => {
        socket.send(Buffer.from('ping'), 0, 4, 123, 'time.windows.com', (error) => resolve(error))
      })
      expect(withOffsets?.message).toMatch(/guard: blocked udp time\.windows\.com:123/)
      const connected = await new Promise<Error>((resolve) => {
        socket.once('error', resolve)
        socket.connect(53, '1.1.1.1')
      })
      expect(connected.message).toMatch(/guard: blocked udp 1\.1\.1\.1:53/)
    } finally {
      socket.close()
    }
  })

  it('UDP on loopback still works', async () => {
    const server = dgram.createSocket('udp4')
    const client = dgram.createSocket('udp4')
    try {
      await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', resolve))
      const received = new Promise<string>((resolve) => server.once('message', (message) => resolve(String(message))))
      client.send('hello', server.address().port, '127.0.0.1')
      expect(await received).toBe('hello')
    } finally {
      client.close()
      server.close()
    }
  })
})
