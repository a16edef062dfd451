import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import packageJson from '../../package.json' with { type: 'json' }
import { redactDeep } from '../security/redact.js'
import { neutralise, neutraliseDeep } from '../security/neutralise.js'
import type { FailOn } from '../config/inputs.js'
import type { CheckStatus } from '../pipeline/types.js'
import type { RunResult } from '../pipeline/types.js'
import { annotate } from './annotations.js'
import { commentBody } from './comment.js'
import { sarifLog, type SarifFinding } from './sarif.js'
import { describeTarget, findingsOf, leadingFinding, type Finding } from './findings.js'
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
  /** Said as notices and in the summary (what only-changed left out, a glob that matched nothing). */
  notices?: readonly string[]
  /** Where to write the findings as SARIF 2.1.0. */
  sarifFile?: string
  /** Keep the sticky pull request comment, with this token, until the signal (the run's deadline) ends. */
  comment?: { token: string; signal: AbortSignal }
}

/** Where the action's documentation is (the rules' help links in SARIF point into its docs/causes.md). */
const ACTION_URL = 'https://github.com/org/aoai-auth-check'

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

  const notices = options.notices ?? []
  logChecklist(clean, headline)
  for (const notice of notices) core.notice(notice)
  setOutputs(clean, findings, lead, reportFile)
  await writeJsonReport(clean, { findings, lead, failOn: options.failOn, file: reportFile, version })
  if (options.sarifFile) await writeSarif(findings, resolve(options.sarifFile), version)
  await writeSummary(clean, { headline, findings, reportFile, version, notices })
  annotate(findings)
  if (options.comment) await comment(clean, headline, options.comment)

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

/** The findings as SARIF, each on its file and line; a target of the inputs is placed on the workflow file. */
async function writeSarif(findings: readonly Finding[], file: string, version: string): Promise<void> {
  const workflow = /^[^/]+\/[^/]+\/(.+?)@/.exec(process.env.GITHUB_WORKFLOW_REF ?? '')?.[1]
  const located = findings.flatMap((finding): SarifFinding[] => {
    const { source } = finding.target
    const place = finding.check.location ?? ('file' in source ? { file: source.file, line: source.line } : undefined)
    const where = place ?? (workflow ? { file: workflow, line: 1 } : undefined)
    if (!where) return []
    const message = `${finding.target.label}: ${finding.check.detail}`
    return [{ cause: finding.cause, level: finding.status === 'fail' ? 'error' : 'warning', message, ...where,
      target: finding.target.label }]
  })
  const log = sarifLog(located, { name: 'aoai-auth-check', version, informationUri: ACTION_URL })
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(log, null, 2)}\n`, 'utf8')
  core.setOutput('sarif-file', file)
}

/** The sticky comment on the run's pull request; a token that cannot write skips it with a notice, never fails. */
async function comment(run: RunResult, headline: string, settings: { token: string; signal: AbortSignal }): Promise<void> {
  // @actions/github (octokit) loads only for the runs that comment.
  const [{ pullRequestOfRun }, { gitHubClient }, { upsertStickyComment }] = await Promise.all([
    import('../github/pull-request.js'),
    import('../github/rest.js'),
    import('../github/sticky-comment.js')
  ])
  const pull = pullRequestOfRun()
  if (!pull) {
    core.notice('comment-on-pr: this run is not for a pull request (pull_request or pull_request_target): no comment.')
    return
  }
  const outcome = await upsertStickyComment(gitHubClient(settings.token, settings.signal), pull, commentBody(run, headline))
  if (outcome.action === 'skipped') core.notice(`comment-on-pr: ${outcome.reason}.`)
  else core.info(`Pull request comment ${outcome.action}: ${outcome.url}`)
}
