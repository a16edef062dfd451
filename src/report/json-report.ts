import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { FailOn } from '../config/inputs.js'
import { fixText } from '../causes/fix.js'
import type { CheckResult, RunResult, TargetResult } from '../pipeline/types.js'
import type { Finding } from './findings.js'
import { causeEntries } from './outputs.js'

export const REPORT_SCHEMA_VERSION = 1

/** Writes the machine-readable report: every check of every target with its evidence, the outcome, versions. */
export interface JsonReportContext {
  findings: readonly Finding[]
  lead: Finding | undefined
  failOn: FailOn
  file: string
  version: string
}

/** The report's JSON shape (schemaVersion 1): the action's report-file and the CLI's `check --json`. */
export function jsonReport(run: RunResult, context: Omit<JsonReportContext, 'file'>): Record<string, unknown> {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    versions: { 'aoai-auth-check': context.version, node: process.version },
    outcome: run.outcome,
    cause: context.lead?.cause ?? null,
    failOn: context.failOn,
    startedAt: run.startedAt,
    ms: run.ms,
    causes: causeEntries(context.findings),
    targets: run.targets.map(reportedTarget)
  }
}

export async function writeJsonReport(run: RunResult, context: JsonReportContext): Promise<void> {
  const report = jsonReport(run, context)
  await mkdir(dirname(context.file), { recursive: true })
  await writeFile(context.file, `${JSON.stringify(report, null, 2)}\n`, 'utf8')
}

/** Each check's fix as plain text in `fix` (what readers of schema version 1 expect) and as blocks in `fixBlocks`. */
function reportedTarget(target: TargetResult) {
  return { ...target, checks: target.checks.map(reportedCheck) }
}

function reportedCheck(check: CheckResult) {
  if (!check.fix) return check
  return { ...check, fix: fixText(check.fix), fixBlocks: check.fix }
}
