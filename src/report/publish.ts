import * as core from '@actions/core'
import { resolve } from 'node:path'
import packageJson from '../../package.json' with { type: 'json' }
import { redactDeep } from '../security/redact.js'
import { neutralise, neutraliseDeep } from '../security/neutralise.js'
import type { FailOn } from '../config/inputs.js'
import type { CheckStatus } from '../pipeline/types.js'
import type { RunResult } from '../pipeline/types.js'
import { annotate } from './annotations.js'
import { describeTarget, findingsOf, leadingFinding } from './findings.js'
import { headline as headlineOf } from './headline.js'
import { writeJsonReport } from './json-report.js'
import { setOutputs } from './outputs.js'
import { buildSummary } from './summary.js'

export interface ReportOptions {
  failOn: FailOn
  /** Path for the JSON report. */
  reportFile: string
  /** This run's own credentials (SecretRegistry): redacted from everything, wherever a string holds one. */
  secrets?: readonly string[]
}

const LOG_MARK: Record<CheckStatus, string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⏭️' }

/**
 * Tells the workflow how the run went, from the RunResult alone: every output, the job summary, the JSON
 * report file, a few titled annotations, the checklist in the log, and one setFailed naming the cause
 * (on a failure, or on a warning when `failOn` is 'warning').
 */
export async function publishReport(run: RunResult, options: ReportOptions): Promise<void> {
  // The pipeline already redacts what it records; this is once more before anything leaves the process, so a
  // credential that slipped into a detail, a fix or a claim still never reaches a log, output, summary or file. And
  // every string is neutralised: no value can start a workflow command on any path to the runner.
  const clean = neutraliseDeep(redactDeep(run, options.secrets))
  const findings = findingsOf(clean)
  const lead = leadingFinding(clean)
  const headline = headlineOf(clean, lead)
  const reportFile = resolve(options.reportFile)
  const version = packageJson.version

  logChecklist(clean, headline)
  setOutputs(clean, findings, lead, reportFile)
  await writeJsonReport(clean, { findings, lead, failOn: options.failOn, file: reportFile, version })
  await writeSummary(clean, { headline, findings, reportFile, version })
  annotate(findings)

  if (clean.outcome === 'fail' || (clean.outcome === 'warn' && options.failOn === 'warning')) {
    core.setFailed(neutralise(headline))
  }
}

function logChecklist(run: RunResult, headline: string): void {
  const log = (line: string): void => {
    core.info(neutralise(line))
  }
  log(headline)
  for (const target of run.targets) {
    if (run.targets.length > 1) log(`${target.label}: ${describeTarget(target)}`)
    for (const check of target.checks) {
      log(`  ${LOG_MARK[check.status]} ${check.title} (${check.ms} ms): ${check.detail}`)
    }
  }
}

async function writeSummary(run: RunResult, context: Parameters<typeof buildSummary>[1]): Promise<void> {
  // Outside a runner (the CLI, a local run) there is no summary file; the log and the report still tell all.
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.info('No job summary: GITHUB_STEP_SUMMARY is not set.')
    return
  }
  buildSummary(run, context)
  await core.summary.write()
}
