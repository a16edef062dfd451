import * as core from '@actions/core'
import { enableCompileCache } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getInputs, getReportSettings, InvalidInputError, type ActionConfig } from './config/inputs.js'
import { redactSecrets } from './security/redact.js'
import { inputSecrets, invalidInputRun, runPipeline } from './pipeline/pipeline.js'
import { publishReport } from './report/publish.js'

/**
 * Reporting runs after the deadline too, bounded by the body caps and linear passes; should anything still hold the
 * process this long after the deadline, the step ends anyway (README "Security model").
 */
export const REPORTING_MARGIN_SECONDS = 5

/** The action: read the inputs, walk the target through the pipeline, report. */
export async function run(): Promise<void> {
  const started = new Date()
  enableSdkCompileCache()
  try {
    const config = readConfig()
    if (config instanceof InvalidInputError) {
      const endpoint = core.getInput('endpoint')
      const secrets = inputSecrets([{ endpoint, apiKey: core.getInput('api-key') }])
      const report = { ...getReportSettings(), secrets: secrets.all() }
      await publishReport(invalidInputRun(config, endpoint, started), report)
      return
    }
    endAfter(config.timeoutSeconds + REPORTING_MARGIN_SECONDS)
    const { run: result, deadline, secrets } = await runPipeline(config)
    await publishReport(result, { ...config.report, secrets: secrets.all() })
    // A call the deadline cut short (getIDToken, MSAL) may still hold a socket open: end now rather than hang the job.
    if (deadline.abandonedWork || deadline.expired()) process.exit(process.exitCode ?? 0)
  } catch (error) {
    await failUnexpectedly(error)
  }
}

/**
 * A bug, not a diagnosis: the outputs still say the run failed (a later step's `if:` reads them), the message is
 * redacted like everything else, and the job ends rather than hanging on a socket the failed run left open.
 */
async function failUnexpectedly(error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  const secrets = inputSecrets([{ endpoint: core.getInput('endpoint'), apiKey: core.getInput('api-key') }])
  core.setOutput('result', 'fail')
  core.setOutput('cause', 'unknown')
  core.setFailed(`aoai-auth-check failed unexpectedly: ${redactSecrets(message, secrets.all())}`)
  process.exit(process.exitCode ?? 1)
}

/** The backstop: the step fails and ends `seconds` after the start, whatever is still running. */
function endAfter(seconds: number): void {
  setTimeout(() => {
    core.setOutput('result', 'fail')
    core.setOutput('cause', 'timeout')
    core.setFailed(`aoai-auth-check did not end within timeout-seconds plus ${REPORTING_MARGIN_SECONDS} s; it was stopped`)
    process.exit(1)
  }, seconds * 1000).unref()
}

function readConfig(): ActionConfig | InvalidInputError {
  try {
    return getInputs()
  } catch (error) {
    if (error instanceof InvalidInputError) return error
    throw error
  }
}

/**
 * The SDK chunks load on first use; Node's compile cache keeps their compiled code in the runner's temp directory,
 * so a later step of the same job (another check, a matrix leg on the same runner) starts them faster.
 */
function enableSdkCompileCache(): void {
  try {
    enableCompileCache(join(process.env.RUNNER_TEMP || tmpdir(), 'aoai-auth-check', 'compile-cache'))
  } catch {
    // A cache that cannot be written costs only speed.
  }
}
