import * as core from '@actions/core'
import { getInputs, getReportSettings, InvalidInputError, type ActionConfig } from './config/inputs.js'
import { closeDispatcher } from './net/proxy.js'
import { invalidInputRun, runPipeline } from './pipeline/pipeline.js'
import { publishReport } from './report/publish.js'

/** The action: read the inputs, walk the target through the pipeline, report. */
export async function run(): Promise<void> {
  const started = new Date()
  try {
    const config = readConfig()
    if (config instanceof InvalidInputError) {
      await publishReport(invalidInputRun(config, core.getInput('endpoint'), started), getReportSettings())
      return
    }
    const { run: result, deadline } = await runPipeline(config)
    await publishReport(result, config.report)
    await closeDispatcher()
    // A call the deadline cut short (getIDToken, MSAL) may still hold a socket open: end now rather than hang the job.
    if (deadline.abandonedWork || deadline.expired()) process.exit(process.exitCode ?? 0)
  } catch (error) {
    core.setFailed(`aoai-auth-check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function readConfig(): ActionConfig | InvalidInputError {
  try {
    return getInputs()
  } catch (error) {
    if (error instanceof InvalidInputError) return error
    throw error
  }
}
