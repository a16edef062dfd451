// Which lines a pull request changed, from the files the REST API lists and their patches (unified diff hunks).
// Added lines are changes; a hunk's context lines are not; a removal touches the lines on both sides of it.

/** One entry of `GET /repos/{owner}/{repo}/pulls/{number}/files`, as much of it as this needs. */
export interface PullRequestFile {
  filename: string
  status: string
  /** Absent for binary files and for diffs too large for GitHub to include. */
  patch?: string
  previous_filename?: string
}

/** Changed lines of one file in the pull request's head; `whole` when every line counts (no patch to read). */
export interface ChangedLines {
  whole: boolean
  lines: ReadonlySet<number>
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/

/** The new-file line numbers a patch adds or changes, and those next to a removal. */
export function changedLinesOfPatch(patch: string): Set<number> {
  const changed = new Set<number>()
  let next: number | undefined
  for (const line of patch.split('\n')) {
    const header = HUNK_HEADER.exec(line)
    if (header) {
      next = Number(header[1])
      continue
    }
    if (next === undefined) continue
    const marker = line[0]
    if (marker === '+') changed.add(next++)
    else if (marker === '-') {
      if (next > 1) changed.add(next - 1)
      changed.add(next)
    } else if (marker === ' ' || line === '') next++
    // '\ No newline at end of file' neither adds nor moves a line.
  }
  return changed
}

/** Every file the pull request adds or changes, by its path in the head. Removed files have no lines left. */
export function changedFiles(files: readonly PullRequestFile[]): Map<string, ChangedLines> {
  const changes = new Map<string, ChangedLines>()
  for (const file of files) {
    if (file.status === 'removed') continue
    const whole = file.patch === undefined || file.patch === '' || file.status === 'added'
    changes.set(file.filename, { whole, lines: whole ? new Set() : changedLinesOfPatch(file.patch ?? '') })
  }
  return changes
}

/** Whether the pull request changed any line of a block (`start`..`end`, 1-based, inclusive). */
export function touches(changes: ChangedLines | undefined, block: { start: number; end: number }): boolean {
  if (!changes) return false
  if (changes.whole) return true
  for (const line of changes.lines) if (line >= block.start && line <= block.end) return true
  return false
}
