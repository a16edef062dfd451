// `npm run demo`: runs the committed action bundle (dist/index.js) the way the GitHub runner does, against
// the simulated GitHub + Entra ID + Azure OpenAI of the test world, twice: once as it should be, once with
// an identity that holds Contributor instead of a data-plane role. Prints what a person would see.
import { styleText } from 'node:util'
import { runAction, type ActionRun } from '../test/harness/run-action.ts'
import { startWorld } from '../test/world/index.ts'
import {
  buildScenario,
  CHAT_DEPLOYMENT,
  CLIENT_ID,
  ENDPOINT,
  scenarios,
  TENANT_ID
} from '../test/world/scenario.ts'
import { renderSummary } from './terminal-summary.ts'

// RUNNER_TEMP/aoai-auth-check/<step>/report.json, as the harness lists the job's files
const REPORT_FILE = /^temp\/aoai-auth-check\/[^/]+\/report\.json$/
const inputs = { endpoint: ENDPOINT, deployment: CHAT_DEPLOYMENT, 'client-id': CLIENT_ID, 'tenant-id': TENANT_ID }
const paint = (style: Parameters<typeof styleText>[0], text: string): string =>
  styleText(style, text, { stream: process.stdout })

function section(title: string): void {
  process.stdout.write(`\n${paint(['bold', 'inverse'], ` ${title} `)}\n\n`)
}

function show(run: ActionRun): void {
  const annotations = run.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command))
  const headline = run.stdout.split('\n').find((line) => line.startsWith('Azure OpenAI auth check ')) ?? ''
  const passed = run.exitCode === 0
  const verdict = passed ? paint('green', 'succeeded') : paint('red', 'failed')
  process.stdout.write(`${paint('bold', 'Step')} ${verdict} (exit code ${run.exitCode}): ${headline}\n\n`)
  process.stdout.write(`${paint('bold', 'Annotations')}${annotations.length === 0 ? ': none' : ''}\n`)
  for (const annotation of annotations) {
    const { title, file, line } = annotation.properties
    const where = file ? ` ${file}${line ? `:${line}` : ''}` : ''
    const head = paint(annotation.command === 'error' ? 'red' : 'yellow', `${annotation.command}${where}`)
    const body = annotation.message.split('\n').join('\n    ')
    process.stdout.write(`  ${head}${title ? ` ${paint('bold', title)}` : ''}\n    ${body}\n`)
  }
  process.stdout.write(`\n${paint('bold', 'Outputs')}\n`)
  const width = Math.max(...Object.keys(run.outputs).map((name) => name.length))
  for (const [name, value] of Object.entries(run.outputs)) {
    process.stdout.write(`  ${name.padEnd(width)}  ${value}\n`)
  }
  const report = Object.entries(run.files).find(([path]) => REPORT_FILE.test(path))?.[1]
  if (report) {
    const { outcome, targets } = JSON.parse(report) as { outcome: string; targets: { checks: unknown[] }[] }
    const checks = targets.reduce((sum, target) => sum + target.checks.length, 0)
    process.stdout.write(`\n${paint('bold', 'JSON report')}: outcome ${outcome}, ${checks} checks with evidence\n`)
  }
  process.stdout.write(`\n${paint('bold', 'Job summary')}\n\n${renderSummary(run.summary)}\n`)
}

const started = Date.now()
const world = await startWorld()
try {
  section(`1/2  ${CLIENT_ID} holds "Cognitive Services OpenAI User" on ${ENDPOINT}`)
  show(await runAction(world, { inputs }))

  world.scenario = buildScenario(scenarios.controlPlaneRoleOnly())
  section('2/2  The same identity holds only Contributor (a control-plane role) on the resource group')
  show(await runAction(world, { inputs }))
} finally {
  await world.stop()
}
const elapsed = Date.now() - started
process.stdout.write(
  `\n${paint('dim', `Both runs used the committed bundle dist/index.js against the simulated Azure (${elapsed} ms).`)}\n`
)
