// `npm run bench`: where the time of one run goes. Starts the test world once, then measures, interleaved so that
// drift hits all three alike: a bare `node -e 0` of the same Node; the bundle on an invalid input (it loads, writes
// its report and sends nothing); a full passing run (OIDC → Entra → probe). Reports medians and ratios, the
// time the action itself gives its network checks, and the requests one run makes per host. Reports only: there
// is no threshold to pass.
import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { runAction, type ActionRun } from '../test/harness/run-action.ts'
import { startWorld } from '../test/world/index.ts'
import { CHAT_DEPLOYMENT, CLIENT_ID, ENDPOINT, TENANT_ID } from '../test/world/scenario.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10)
const NETWORK_CHECKS = ['github-oidc', 'entra-token', 'probe']
// RUNNER_TEMP/aoai-auth-check/<step>/report.json
const REPORT_FILE = /^temp\/aoai-auth-check\/[^/]+\/report\.json$/
const happyInputs = { endpoint: ENDPOINT, deployment: CHAT_DEPLOYMENT, 'client-id': CLIENT_ID, 'tenant-id': TENANT_ID }
// The same run without the control plane: what the ARM checks cost is the difference.
const armOffInputs = { ...happyInputs, 'arm-checks': 'off' }
// An invalid probe value: the action reads its inputs, fails them, reports, and sends nothing.
const invalidInputs = { ...happyInputs, probe: 'invalid' }

interface Report {
  ms: number
  targets: { checks: { id: string; ms: number }[] }[]
}

function bareStart(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(performance.now() - started)
      else reject(new Error(`node -e 0 exited with ${code}`))
    })
  })
}

async function timed(run: () => Promise<ActionRun>, expected: string): Promise<{ ms: number; run: ActionRun }> {
  const started = performance.now()
  const result = await run()
  const ms = performance.now() - started
  if (result.outputs.result !== expected) {
    throw new Error(`expected result ${expected}, got ${result.outputs.result}\n${result.stdout}\n${result.stderr}`)
  }
  return { ms, run: result }
}

function reportOf(run: ActionRun): Report {
  return JSON.parse(Object.entries(run.files).find(([path]) => REPORT_FILE.test(path))![1]) as Report
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const fixed = (ms: number): string => ms.toFixed(0).padStart(6)

function row(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  return `  ${label.padEnd(44)}${fixed(median(values))}${fixed(sorted[0])}${fixed(sorted.at(-1)!)}`
}

const world = await startWorld()
try {
  // One of each first, unmeasured: the page cache, the world's first TLS handshakes, the PKI and keys.
  await bareStart()
  await timed(() => runAction(world, { inputs: invalidInputs }), 'fail')
  await timed(() => runAction(world, { inputs: happyInputs }), 'pass')

  const bare: number[] = []
  const invalid: number[] = []
  const full: number[] = []
  const armOff: number[] = []
  const armOffActionMs: number[] = []
  const actionMs: number[] = []
  const checkMs: Record<string, number[]> = {}
  let requestsOfOneRun = world.requests.slice(0, 0)
  let connectsOfOneRun = world.connects.slice(0, 0)
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await bareStart())
    invalid.push((await timed(() => runAction(world, { inputs: invalidInputs }), 'fail')).ms)
    const withoutArm = await timed(() => runAction(world, { inputs: armOffInputs }), 'pass')
    armOff.push(withoutArm.ms)
    armOffActionMs.push(reportOf(withoutArm.run).ms)
    world.requests.length = 0
    world.connects.length = 0
    const happy = await timed(() => runAction(world, { inputs: happyInputs }), 'pass')
    full.push(happy.ms)
    requestsOfOneRun = [...world.requests]
    connectsOfOneRun = [...world.connects]
    const report = reportOf(happy.run)
    actionMs.push(report.ms)
    for (const check of report.targets[0].checks) (checkMs[check.id] ??= []).push(check.ms)
  }

  const network = NETWORK_CHECKS.map((id) => median(checkMs[id] ?? [0])).reduce((sum, ms) => sum + ms, 0)
  const out: string[] = []
  out.push(`Node ${process.version}, ${ROUNDS} rounds interleaved; wall-clock ms (median, min, max)`)
  out.push('')
  out.push(`  ${''.padEnd(44)}${'median'.padStart(6)}${'min'.padStart(6)}${'max'.padStart(6)}`)
  out.push(row('node -e 0 (bare start-up)', bare))
  out.push(row('dist/index.js, invalid input (load + report)', invalid))
  out.push(row('dist/index.js, full passing run', full))
  out.push(row('  of which the pipeline, by its own clock', actionMs))
  out.push(row('dist/index.js, full passing run, arm-checks off', armOff))
  out.push(row('  of which the pipeline, by its own clock', armOffActionMs))
  for (const id of Object.keys(checkMs)) out.push(row(`    ${id}`, checkMs[id]))
  out.push('')
  const [bareMs, invalidMs, fullMs] = [median(bare), median(invalid), median(full)]
  out.push(`  full run / bare start-up            ${(fullMs / bareMs).toFixed(1)}x`)
  out.push(`  bundle load / bare start-up         ${(invalidMs / bareMs).toFixed(1)}x`)
  out.push(`  full run - invalid-input run        ${(fullMs - invalidMs).toFixed(0)} ms ` +
    `(${((fullMs - invalidMs) / fullMs * 100).toFixed(0)}% of the full run: the checks that talk to the world)`)
  out.push(`  network checks (${NETWORK_CHECKS.join(' + ')}) ${network.toFixed(0)} ms ` +
    `(${(network / fullMs * 100).toFixed(0)}% of the full run)`)
  const armRequests = requestsOfOneRun.filter((r) => r.host.startsWith('management.'))
  out.push(`  control plane (arm-checks auto - off) ${(median(actionMs) - median(armOffActionMs)).toFixed(0)} ms by the ` +
    `pipeline's clock, ${armRequests.length} ARM requests in two sequential steps (Resource Graph, then the account ` +
    'reads at once) after an ARM token fetched beside the data-plane one')
  out.push('')
  out.push('Requests of one full run, by host (CONNECT tunnels in brackets):')
  const hosts = [...new Set([...requestsOfOneRun.map((r) => r.host), ...connectsOfOneRun.map((c) => c.host)])]
  for (const host of hosts) {
    const requests = requestsOfOneRun.filter((r) => r.host === host)
    const tunnels = connectsOfOneRun.filter((c) => c.host === host).length
    const what = requests.map((r) => `${r.method} ${r.path.split('/').slice(0, 4).join('/')} ${r.status}`).join(', ')
    out.push(`  ${host.padEnd(58)}${String(requests.length).padStart(2)} [${tunnels}]  ${what}`)
  }
  process.stdout.write(`${out.join('\n')}\n`)
} finally {
  await world.stop()
}
