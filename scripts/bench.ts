// `npm run bench`: what a run costs, side by side in one run (the machines are noisy: only ratios within one run mean
// anything). Starts the test world once, puts a latency relay in front of its CONNECT proxy (every round trip costs
// L ms, a new connection one more), then measures in interleaved rounds:
//   - a bare `node -e 0` vs the bundle on an invalid input (loads, reports, sends nothing);
//   - one passing target at L = 0, 25, 100 ms: the action vs the floor (bare node:https making the same three
//     requests over connections opened in parallel) vs a hand-written script with the same SDKs;
//   - the critical-path round trips of the action and the floor (slope of wall time over L);
//   - 1, 10 and 50 targets on one tenant at L = 25 ms (the `targets` input), with the OIDC and Entra requests counted;
//   - arm-checks off vs on at L = 25 ms;
//   - peak memory of a full run, the bundle's size.
// Medians with min and max. Reports only: there is no threshold to pass (goals and results: bench/RESULTS.md).
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { runAction, type ActionRun } from '../test/harness/run-action.ts'
import { startLatencyRelay, type LatencyRelay } from '../test/world/latency-relay.ts'
import { startWorld, type World } from '../test/world/index.ts'
import { CHAT_DEPLOYMENT, CLIENT_ID, ENDPOINT, TENANT_ID } from '../test/world/scenario.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const LATENCIES = [0, 25, 100]
const MANY = [1, 10, 50]
const API_VERSION = '2024-10-21'
const GUARD = './test/world/guard.mjs'
const happyInputs = { endpoint: ENDPOINT, deployment: CHAT_DEPLOYMENT, 'client-id': CLIENT_ID, 'tenant-id': TENANT_ID }
const invalidInputs = { ...happyInputs, probe: 'invalid' }
const scriptArgs = [ENDPOINT, CHAT_DEPLOYMENT, TENANT_ID, CLIENT_ID, API_VERSION]

type Samples = Record<string, number[]>

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

function spawnTimed(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - started)
      else reject(new Error(`${args.join(' ')} exited with ${code}\n${stderr}`))
    })
  })
}

async function actionMs(world: World, inputs: Record<string, string>, env: Record<string, string>, expected?: string) {
  const started = performance.now()
  const run: ActionRun = await runAction(world, { inputs, env, timeoutMs: 120_000 })
  const ms = performance.now() - started
  if (expected && run.outputs.result !== expected) {
    throw new Error(`expected result ${expected}, got ${run.outputs.result}\n${run.stdout}\n${run.stderr}`)
  }
  return ms
}

function scriptEnv(world: World, proxyPort: number, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', ...world.env(), HTTPS_PROXY: `http://127.0.0.1:${proxyPort}`, ...extra }
}

function proxyPortOf(world: World): number {
  return Number(new URL(world.env().HTTPS_PROXY ?? '').port)
}

/** Deployments bench-01 … bench-50 on the world's account: each many-target run probes distinct deployments. */
function addBenchDeployments(world: World, count: number): string[] {
  const account = world.scenario.accounts[0]
  const chat = account?.deployments.find((deployment) => deployment.name === CHAT_DEPLOYMENT)
  if (!account || !chat) throw new Error('the world has no chat deployment to copy')
  const names = Array.from({ length: count }, (_, index) => `bench-${String(index + 1).padStart(2, '0')}`)
  for (const name of names) account.deployments.push({ ...chat, name })
  return names
}

function targetsYaml(deployments: readonly string[]): string {
  return deployments.map((deployment) => `- endpoint: ${ENDPOINT}\n  deployment: ${deployment}`).join('\n')
}

function bundleSize(): string {
  const files = readdirSync('dist').filter((file) => file.endsWith('.js'))
  const bytes = files.map((file) => statSync(join('dist', file)).size)
  const total = bytes.reduce((sum, size) => sum + size, 0)
  return `${(total / 1e6).toFixed(2)} MB in ${files.length} files (${files.join(', ')})`
}

function peakMemoryKb(args: string[], env: Record<string, string>): Promise<number | undefined> {
  if (!existsSync('/usr/bin/time')) return Promise.resolve(undefined)
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', () => resolve(Number(stderr.trim().split('\n').at(-1)) || undefined))
  })
}

const world = await startWorld()
const relays = new Map<number, LatencyRelay>()
try {
  for (const latency of LATENCIES.filter((l) => l > 0)) relays.set(latency, await startLatencyRelay(proxyPortOf(world), latency))
  const portFor = (latency: number): number => relays.get(latency)?.port ?? proxyPortOf(world)
  const proxyEnv = (latency: number) => ({ HTTPS_PROXY: `http://127.0.0.1:${portFor(latency)}` })
  const benchDeployments = addBenchDeployments(world, Math.max(...MANY))
  const samples: Samples = {}
  const add = (key: string, ms: number): void => void (samples[key] ??= []).push(ms)
  const countRequests = (host: RegExp): number => world.requests.filter((request) => host.test(request.host)).length
  const requestCounts: Record<number, { oidc: number; entra: number }> = {}

  // One of each first, unmeasured: the page cache, the world's first TLS handshakes, its keys.
  await spawnTimed(['-e', '0'], { PATH: process.env.PATH ?? '' })
  await actionMs(world, happyInputs, {}, 'pass')
  await spawnTimed(['--import', GUARD, 'scripts/bench/floor.ts', ...scriptArgs], scriptEnv(world, portFor(0)))

  for (let round = 0; round < ROUNDS; round++) {
    add('bare', await spawnTimed(['-e', '0'], { PATH: process.env.PATH ?? '' }))
    add('invalid', await actionMs(world, invalidInputs, {}, 'fail'))
    for (const latency of LATENCIES) {
      add(`action@${latency}`, await actionMs(world, happyInputs, proxyEnv(latency), 'pass'))
      add(`floor@${latency}`, await spawnTimed(['--import', GUARD, 'scripts/bench/floor.ts', ...scriptArgs], scriptEnv(world, portFor(latency))))
      add(
        `sdk@${latency}`,
        await spawnTimed(
          ['--import', GUARD, 'scripts/bench/sdk-script.ts', ...scriptArgs],
          scriptEnv(world, portFor(latency), { NODE_USE_ENV_PROXY: '1' })
        )
      )
    }
    for (const count of MANY) {
      world.requests.length = 0
      const inputs = { ...happyInputs, endpoint: '', deployment: '', targets: targetsYaml(benchDeployments.slice(0, count)) }
      add(`targets-${count}`, await actionMs(world, inputs, proxyEnv(25)))
      requestCounts[count] = {
        oidc: countRequests(/actions\.githubusercontent\.com$/),
        entra: world.requests.filter((r) => r.host === 'login.microsoftonline.com' && r.path.endsWith('/token')).length
      }
    }
    for (const arm of ['off', 'on']) add(`arm-${arm}`, await actionMs(world, { ...happyInputs, 'arm-checks': arm }, proxyEnv(25)))
  }

  const m = (key: string): number => median(samples[key] ?? [])
  const spread = (key: string): string => {
    const values = samples[key] ?? []
    return `${m(key).toFixed(0).padStart(6)} ms  (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`
  }
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`
  const slope = (kind: string): number => (m(`${kind}@100`) - m(`${kind}@0`)) / 100
  const out: string[] = []
  out.push(`Node ${process.version}, ${ROUNDS} interleaved rounds; wall-clock ms, median (min–max)`)
  out.push('')
  out.push(`  node -e 0                                  ${spread('bare')}`)
  out.push(`  decided exit (invalid input)               ${spread('invalid')}   ${ratio(m('invalid'), m('bare'))} of node -e 0`)
  for (const latency of LATENCIES) {
    out.push(`  one target, L = ${String(latency).padEnd(3)} ms: action            ${spread(`action@${latency}`)}`)
    out.push(`                       floor              ${spread(`floor@${latency}`)}   action ÷ floor ${ratio(m(`action@${latency}`), m(`floor@${latency}`))}`)
    out.push(`                       same-SDK script    ${spread(`sdk@${latency}`)}   script ÷ action ${ratio(m(`sdk@${latency}`), m(`action@${latency}`))}`)
  }
  out.push(`  critical-path round trips (slope over L)   action ${slope('action').toFixed(1)} L, floor ${slope('floor').toFixed(1)} L, same-SDK script ${slope('sdk').toFixed(1)} L`)
  for (const count of MANY) {
    const counts = requestCounts[count]
    out.push(
      `  ${String(count).padStart(2)} targets, L = 25 ms                     ${spread(`targets-${count}`)}   ${ratio(m(`targets-${count}`), m('targets-1'))} of one target; ` +
        `OIDC requests ${counts?.oidc ?? '?'}, Entra token requests ${counts?.entra ?? '?'}`
    )
  }
  out.push(`  arm-checks off, L = 25 ms                  ${spread('arm-off')}`)
  out.push(`  arm-checks on,  L = 25 ms                  ${spread('arm-on')}   +${((m('arm-on') - m('arm-off')) / 25).toFixed(1)} L`)
  const peak = await peakMemoryKb(['--import', GUARD, 'dist/index.js'], { ...scriptEnv(world, portFor(0)) })
  out.push(`  peak memory (bundle, invalid input)        ${peak ? `${(peak / 1024).toFixed(0)} MB` : 'not measured (/usr/bin/time missing)'}`)
  out.push(`  bundle                                     ${bundleSize()}`)
  process.stdout.write(`${out.join('\n')}\n`)
} finally {
  for (const relay of relays.values()) await relay.close()
  await world.stop()
}
