// A TCP relay in front of the CONNECT proxy that makes every round trip cost `latencyMs`, the way a real network
// does: a new connection's first bytes wait one round trip (the TCP handshake), and every chunk is delivered half
// a round trip after it was sent, in order, in each direction. Used by the benchmark (npm run bench) only.
import { connect, createServer, type Socket } from 'node:net'

export interface LatencyRelay {
  port: number
  /** Connections the relay accepted (each costs a TCP handshake). */
  connections: number
  close(): Promise<void>
}

/**
 * Delivers what `from` sends to `to` no earlier than `delayMs` after it arrived (and not before `notBefore`), in
 * order: data, then the end or close, through one queue (timers of different lengths do not fire in order).
 */
function delayedPipe(from: Socket, to: Socket, delayMs: number, notBefore: number): void {
  const queue: { at: number; deliver: () => void }[] = []
  let timer: NodeJS.Timeout | undefined
  const drain = (): void => {
    timer = undefined
    while (queue.length > 0 && (queue[0]?.at ?? 0) <= Date.now()) queue.shift()?.deliver()
    const next = queue[0]
    if (next) timer = setTimeout(drain, Math.max(0, next.at - Date.now()))
  }
  const enqueue = (deliver: () => void): void => {
    queue.push({ at: Math.max(Date.now() + delayMs, notBefore, queue.at(-1)?.at ?? 0), deliver })
    timer ??= setTimeout(drain, Math.max(0, (queue[0]?.at ?? 0) - Date.now()))
  }
  from.on('data', (chunk: Buffer) => enqueue(() => !to.destroyed && to.write(chunk)))
  from.on('end', () => enqueue(() => to.end()))
  from.on('close', () => enqueue(() => to.destroy()))
}

export async function startLatencyRelay(targetPort: number, latencyMs: number): Promise<LatencyRelay> {
  const sockets = new Set<Socket>()
  const relay: LatencyRelay = { port: 0, connections: 0, close: async () => undefined }
  const server = createServer((client) => {
    relay.connections++
    const upstream = connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.setNoDelay(true)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    const half = latencyMs / 2
    // The handshake: nothing the client sends arrives before one round trip has passed.
    delayedPipe(client, upstream, half, Date.now() + latencyMs + half)
    delayedPipe(upstream, client, half, 0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  relay.port = typeof address === 'object' && address ? address.port : 0
  relay.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server.close(() => resolve())
    })
  return relay
}
