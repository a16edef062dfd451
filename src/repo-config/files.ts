// The files the `config-file` input names (paths or globs), found inside GITHUB_WORKSPACE only, and read.
// A pattern or a link that leads outside the workspace reads nothing; every committed key is handed to
// `onSecret` the moment its file is read, before anything can print it.
import { lstat, readFile, realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { readConfigText } from './read-text.js'
import type { FileReading } from './types.js'
import { escapeControls } from './values.js'

/** A problem with a pattern itself; `error` fails the run as invalid `config-file` input, `notice` is said. */
export interface PatternProblem {
  pattern: string
  severity: 'error' | 'notice'
  message: string
}

export interface ReadFile extends FileReading {
  /** Workspace-relative, `/`-separated. */
  file: string
  /** The pattern named it literally (not through a glob): a file in no known format is then an error. */
  named: boolean
}

export interface ConfigFiles {
  files: ReadFile[]
  problems: PatternProblem[]
}

export interface ReadOptions {
  workspace: string
  onSecret(value: string): void
}

const MAX_FILES = 100
const MAX_BYTES = 512 * 1024
const NEVER_READ = ['**/node_modules/**', '**/.git/**']

/** Reads every file the patterns name, in the order given (a glob's matches sorted), each once. */
export async function readConfigFiles(patterns: readonly string[], options: ReadOptions): Promise<ConfigFiles> {
  const workspace = await realpath(options.workspace)
  const problems: PatternProblem[] = []
  const files: ReadFile[] = []
  const seen = new Set<string>()
  for (const pattern of patterns) {
    const shown = escapeControls(pattern)
    const escape = escapesWorkspace(pattern)
    if (escape) {
      problems.push({ pattern: shown, severity: 'error', message: escape })
      continue
    }
    const named = !isDynamicPattern(pattern)
    const matches = named ? [pattern.replace(/^\.\//, '')] : await globIn(workspace, pattern)
    if (matches.length === 0) {
      problems.push({ pattern: shown, severity: 'notice', message: 'matches no file in the workspace' })
    }
    for (const match of matches) {
      if (files.length >= MAX_FILES) {
        problems.push({
          pattern: shown,
          severity: 'notice',
          message: `more than ${MAX_FILES} files: the rest are not read`
        })
        break
      }
      const located = await locate(workspace, match)
      if ('problem' in located) {
        problems.push({ pattern: shown, severity: named ? 'error' : 'notice', message: located.problem })
        continue
      }
      if (seen.has(located.file)) continue
      seen.add(located.file)
      const reading = readConfigText(located.file, located.text)
      for (const secret of reading.secrets) options.onSecret(secret)
      files.push({ ...reading, file: located.file, named })
    }
  }
  return { files, problems }
}

function escapesWorkspace(pattern: string): string | undefined {
  if (isAbsolute(pattern) || /^[A-Za-z]:[\\/]/.test(pattern) || pattern.startsWith('~')) {
    return 'must be relative to the workspace (GITHUB_WORKSPACE), e.g. config/.env or **/appsettings*.json'
  }
  if (pattern.split(/[\\/]/).includes('..')) return 'must stay inside the workspace: ".." is not allowed'
  return undefined
}

async function globIn(workspace: string, pattern: string): Promise<string[]> {
  const matches = await glob(pattern, {
    cwd: workspace,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false,
    ignore: NEVER_READ
  })
  return matches.sort()
}

type Located = { file: string; text: string } | { problem: string }

/** The file's text when it is a regular file inside the workspace, itself and through every link. */
async function locate(workspace: string, match: string): Promise<Located> {
  const path = resolve(workspace, match)
  const file = relative(workspace, path).split(sep).join('/')
  if (!inside(workspace, path)) return { problem: `${escapeControls(match)} is outside the workspace: not read` }
  let real: string
  try {
    real = await realpath(path)
  } catch {
    return { problem: `${escapeControls(file)} does not exist in the workspace` }
  }
  if (!inside(workspace, real)) {
    return { problem: `${escapeControls(file)} is a link to a place outside the workspace: not read` }
  }
  const stats = await lstat(real)
  if (!stats.isFile()) return { problem: `${escapeControls(file)} is not a file` }
  if (stats.size > MAX_BYTES) {
    return {
      problem: `${escapeControls(file)} is larger than ${MAX_BYTES / 1024} KiB; a config file is smaller: not read`
    }
  }
  const text = (await readFile(real, 'utf8')).replace(/^\uFEFF/, '')
  return { file, text }
}

function inside(workspace: string, path: string): boolean {
  const fromWorkspace = relative(workspace, path)
  return (
    fromWorkspace !== '' &&
    fromWorkspace !== '..' &&
    !fromWorkspace.startsWith(`..${sep}`) &&
    !isAbsolute(fromWorkspace)
  )
}
