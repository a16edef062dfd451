// Runs report code in this process against the real @actions/core, the way the runner would see it: temp
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, stdout captured and read back as workflow commands.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseKeyValueFile, parseWorkflowCommands, type WorkflowCommand } from '../harness/workflow-commands.ts'

export interface Captured {
  stdout: string
  commands: WorkflowCommand[]
  outputs: Record<string, string>
  summary: string
  /** process.exitCode after the run: 1 once setFailed was called. */
  exitCode: number | undefined
}

// One summary file per test process: core.summary remembers the first path it was given.
const dir = mkdtempSync(join(tmpdir(), 'report-test-'))
const outputFile = join(dir, 'output')
const summaryFile = join(dir, 'step-summary')

export const tempDir = dir

/** `withSummary: false` runs as outside a runner (a local run), where GITHUB_STEP_SUMMARY is not set. */
export async function captureRun(action: () => Promise<void>, { withSummary = true } = {}): Promise<Captured> {
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  process.env.GITHUB_OUTPUT = outputFile
  if (withSummary) process.env.GITHUB_STEP_SUMMARY = summaryFile
  else delete process.env.GITHUB_STEP_SUMMARY
  process.exitCode = undefined

  let stdout = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }) as typeof process.stdout.write
  try {
    await action()
  } finally {
    process.stdout.write = write
  }
  const exitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined
  process.exitCode = undefined
  return {
    stdout,
    commands: parseWorkflowCommands(stdout),
    outputs: parseKeyValueFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    exitCode
  }
}
