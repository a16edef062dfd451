// The targets the repository's config files name, appended to the run's after the inputs' own (the files in the
// order `config-file` gives them, each top to bottom). A file read through a glob that is in no known format is
// only mentioned; one named outright, or one that is malformed, fails as invalid input on its line.
import type { ReadFile } from '../repo-config/files.js'
import type { ConfigFinding } from '../repo-config/types.js'
import { InvalidInputError, targetConfig, withLabels, type ActionConfig, type TargetConfig } from './inputs.js'
import { resolveTarget, unreadableFile } from './targets.js'

export interface RepositoryOptions {
  /** GITHUB_WORKSPACE: nothing outside it is read. */
  workspace: string
  /** Masks a committed key the moment it is read. */
  onSecret(value: string): void
}

export async function withRepositoryTargets(config: ActionConfig, options: RepositoryOptions): Promise<ActionConfig> {
  const patterns = config.repository.configFiles
  if (patterns.length === 0) return config
  // The readers (and their parsers) load only for the runs that read files.
  const { readConfigFiles } = await import('../repo-config/files.js')
  const { files, problems } = await readConfigFiles(patterns, options)
  const refused = problems.filter((problem) => problem.severity === 'error')
  if (refused.length > 0) {
    throw new InvalidInputError(
      refused.map((problem) => ({ input: 'config-file', message: `'${problem.pattern}' ${problem.message}` }))
    )
  }
  const notices = [
    ...config.notices,
    ...problems.map((problem) => `config-file '${problem.pattern}' ${problem.message}.`)
  ]
  const targets: TargetConfig[] = []
  for (const file of files) {
    const { entries, notice } = targetsOfFile(file, config)
    targets.push(...entries)
    if (notice) notices.push(notice)
  }
  return {
    ...config,
    targets: withLabels([...config.targets, ...targets], config.fromEndpointInput),
    notices
  }
}

function targetsOfFile(file: ReadFile, config: ActionConfig): { entries: TargetConfig[]; notice?: string } {
  const { defaults, settings } = config.step
  const keys = file.findings.filter((finding) => finding.kind === 'api-key')
  const invalid = file.findings.filter((finding) => finding.kind === 'invalid')
  const empty = file.findings.filter((finding) => finding.kind === 'no-targets' || finding.kind === 'unrecognised')
  const entries = file.targets.map((target) => {
    const resolved = resolveTarget(target, defaults, false)
    resolved.committedKeys = keys.filter((key) => key.line >= target.block.start && key.line <= target.block.end)
    return targetConfig(resolved, settings)
  })
  const unplaced = keys.filter((key) => !entries.some((entry) => entry.committedKeys?.includes(key)))
  const refusal = invalid.length > 0 ? invalid : file.named ? empty : []
  if (refusal.length > 0) {
    const entry = targetConfig(unreadableFile(file.file, refusal, defaults), settings)
    entries.push({ ...entry, committedKeys: unplaced })
  } else if (unplaced.length > 0) {
    entries.push(keysOnlyEntry(file.file, unplaced, config))
  }
  const notice = refusal.length === 0 && empty.length > 0 ? `${file.file} ${empty[0].message}.` : undefined
  return { entries, notice }
}

/** A file that names no target but commits a key: an entry that reports the key and checks nothing else. */
function keysOnlyEntry(file: string, keys: ConfigFinding[], config: ActionConfig): TargetConfig {
  const { defaults, settings } = config.step
  return {
    ...targetConfig(unreadableFile(file, [], defaults), settings),
    source: { file, line: keys[0].line },
    committedKeys: keys,
    keysOnly: true
  }
}
