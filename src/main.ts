import * as core from '@actions/core'
import { enableCompileCache } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getInputs, getReportSettings, InvalidInputError, type ActionConfig } from './config/inputs.js'
import { withRepositoryTargets } from './config/repository-targets.js'
import { redactSecrets } from './security/redact.js'
import { SecretRegistry } from './security/secrets.js'
import { inputSecrets, invalidInputRun, runPipeline } from './pipeline/pipeline.js'
import { publishReport } from './report/publish.js'

/**
 * Reporting runs after the deadline too, bounded by the body caps and linear passes; should anything still hold the
 * process this long after the deadline, the step ends anyway (README "Security model").
 */
export const REPORTING_MARGIN_SECONDS = 5

/** The action: read the inputs and the repository's config files, walk every target through the pipeline, report. */
export async function run(): Promise<void> {
  const started = new Date()
  enableSdkCompileCache()
  // Every credential the run meets, from the first: a key committed in a config file is masked as it is read.
  const secrets = new SecretRegistry()
  try {
    const config = await readConfig(secrets)
    if (config instanceof InvalidInputError) {
      const endpoint = core.getInput('endpoint')
      inputSecrets([{ endpoint, apiKey: core.getInput('api-key') }], secrets)
      const report = { ...getReportSettings(), secrets: secrets.all() }
      await publishReport(invalidInputRun(config, endpoint, started), report)
      return
    }
    endAfter(config.timeoutSeconds + REPORTING_MARGIN_SECONDS)
    const { run: result, deadline, notices } = await runPipeline(config, { secrets })
    const { commentOnPr, githubToken } = config.repository
    await publishReport(result, {
      ...config.report,
      secrets: secrets.all(),
      notices,
      comment: commentOnPr && githubToken ? { token: githubToken, signal: deadline.signal } : undefined
    })
    // A call the deadline cut short (getIDToken, MSAL) may still hold a socket open: end now rather than hang the job.
    if (deadline.abandonedWork || deadline.expired()) process.exit(process.exitCode ?? 0)
  } catch (error) {
    failUnexpectedly(error, secrets)
  }
}

/**
 * A bug, not a diagnosis: the outputs still say the run failed (a later step's `if:` reads them), the message is
 * redacted like everything else, and the job ends rather than hanging on a socket the failed run left open.
 */
function failUnexpectedly(error: unknown, secrets: SecretRegistry): void {
  const message = error instanceof Error ? error.message : String(error)
  inputSecrets([{ endpoint: core.getInput('endpoint'), apiKey: core.getInput('api-key') }], secrets)
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

async function readConfig(secrets: SecretRegistry): Promise<ActionConfig | InvalidInputError> {
  try {
    const config = getInputs()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    return await withRepositoryTargets(config, {
      workspace,
      onSecret: (value) => {
        secrets.add(value)
      }
    })
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
