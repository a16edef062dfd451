// Runs an action bundle the way the GitHub runner does: `node <bundle>` in the workspace, inputs as INPUT_<NAME>
// (hyphens kept) with action.yml defaults applied, file-command files, the event payload, GITHUB_* and RUNNER_*
// variables, and nothing inherited that could route traffic (proxies, NO_PROXY, AZURE_*, OPENAI_*). The guard
// preload runs in the child too.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import {
  existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { eventPayload } from '../world/github-context.ts'
import type { EventKind, World } from '../world/index.ts'
import { evaluateDefault, readInputDefaults } from './action-metadata.ts'
import { parseKeyValueFile, parseWorkflowCommands, type WorkflowCommand } from './workflow-commands.ts'

export type { WorkflowCommand } from './workflow-commands.ts'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const GUARD = join(REPO_ROOT, 'test', 'world', 'guard.mjs')

export interface RunActionOptions {
  inputs: Record<string, string>
  /** The event that triggered the job (applied to the world's scenario for this run), or a raw payload. */
  event?: EventKind | object
  env?: Record<string, string>
  /** Default dist/index.js. The action.yml beside it (or in its parent directory) supplies input defaults. */
  bundle?: string
  /** Files of the checked-out repository, by workspace-relative path, written before the step runs. */
  workspaceFiles?: Record<string, string>
  /** RUNNER_DEBUG=1, as when a run is re-run with debug logging. */
  debug?: boolean
  timeoutMs?: number
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  commands: WorkflowCommand[]
  outputs: Record<string, string>
  summary: string
  masks: string[]
  /** Every file in the job's directories after the run, by path relative to them (workspace/…, temp/…). */
  files: Record<string, string>
  /** Connections and DNS lookups the guard blocked in the action's process. */
  blocked: string[]
}

function findActionYml(bundle: string): string {
  for (const dir of [dirname(bundle), dirname(dirname(bundle))]) {
    const candidate = join(dir, 'action.yml')
    if (existsSync(candidate)) return candidate
  }
  throw new Error(`no action.yml beside ${bundle} or in its parent directory`)
}

/** INPUT_<name with spaces as underscores, upper-cased>; hyphens are kept (actions/runner Handler.cs). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else files[relative(root, path)] = readFileSync(path, 'utf8')
    }
  }
  walk(root)
  return files
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>, timeoutMs: number) {
  return new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolveRun, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the action did not finish within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`))
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolveRun({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr })
    })
  })
}

export async function runAction(world: World, options: RunActionOptions): Promise<ActionRun> {
  const bundle = resolve(REPO_ROOT, options.bundle ?? 'dist/index.js')
  const root = mkdtempSync(join(tmpdir(), 'aoai-run-'))
  const previousEvent = world.scenario.github.event
  if (typeof options.event === 'string') world.scenario.github.event = options.event
  try {
    const workspace = join(root, 'workspace')
    const temp = join(root, 'temp')
    const fileCommands = join(temp, '_runner_file_commands')
    const home = join(root, 'home')
    const workflowDir = join(temp, '_github_workflow')
    for (const dir of [workspace, fileCommands, workflowDir, home]) mkdirSync(dir, { recursive: true })
    for (const [path, text] of Object.entries(options.workspaceFiles ?? {})) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true })
      writeFileSync(join(workspace, path), text)
    }
    const files = {
      GITHUB_OUTPUT: join(fileCommands, `set_output_${randomUUID()}`),
      GITHUB_STATE: join(fileCommands, `save_state_${randomUUID()}`),
      GITHUB_ENV: join(fileCommands, `set_env_${randomUUID()}`),
      GITHUB_PATH: join(fileCommands, `add_path_${randomUUID()}`),
      GITHUB_STEP_SUMMARY: join(fileCommands, `step_summary_${randomUUID()}`)
    }
    for (const file of Object.values(files)) writeFileSync(file, '')
    const eventPath = join(workflowDir, 'event.json')
    const payload = typeof options.event === 'object' ? options.event : eventPayload(world.scenario.github)
    writeFileSync(eventPath, JSON.stringify(payload, null, 2))
    const guardLog = join(root, 'guard.log')

    const expressionContext = { 'github.workspace': workspace, 'runner.temp': temp,
      'github.token': world.scenario.github.jobToken }
    const inputs: Record<string, string> = {}
    for (const [name, fallback] of Object.entries(readInputDefaults(findActionYml(bundle)))) {
      if (fallback !== undefined) inputs[inputVariable(name)] = evaluateDefault(fallback, expressionContext)
    }
    for (const [name, value] of Object.entries(options.inputs)) inputs[inputVariable(name)] = value

    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      LANG: 'C.UTF-8',
      ...world.env(),
      ...files,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: dirname(bundle),
      RUNNER_TEMP: temp,
      RUNNER_TOOL_CACHE: join(root, 'toolcache'),
      RUNNER_WORKSPACE: root,
      ...(options.debug ? { RUNNER_DEBUG: '1' } : {}),
      ...inputs,
      ...options.env,
      AOAI_TEST_WORLD_GUARD_LOG: guardLog
    }
    const timeoutMs = options.timeoutMs ?? 30_000
    const result = await run(process.execPath, ['--import', GUARD, bundle], workspace, env, timeoutMs)
    const commands = parseWorkflowCommands(result.stdout)
    const blocked = existsSync(guardLog)
      ? readFileSync(guardLog, 'utf8').trim().split('\n').map((line) => {
        const entry = JSON.parse(line) as { kind: string; target: string }
        return `${entry.kind} ${entry.target}`
      })
      : []
    const tree = readTree(root)
    delete tree['guard.log']
    return {
      ...result,
      commands,
      outputs: parseKeyValueFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      masks: commands.filter((c) => c.command === 'add-mask').map((c) => c.message),
      files: tree,
      blocked
    }
  } finally {
    world.scenario.github.event = previousEvent
    rmSync(root, { recursive: true, force: true })
  }
}
