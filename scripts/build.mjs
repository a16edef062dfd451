// Builds the committed bundles with ncc: dist/index.js (the action, with its chunks) and dist/cli/ (the CLI, started
// by dist/cli.js), and regenerates docs/causes.md and the README's marked sections.
// TypeScript is pinned to 6.x because ncc compiles through the TypeScript JS API, which TS 7 no longer has.
// The bundles are built aside and swapped in, under a lock, so a test reading dist/ never sees half a build.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { bundledPackages, writeThirdPartyLicenses } from './third-party-licenses.mjs'

const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const work = join('.build', `run-${process.pid}`)
const lock = join('.build', 'lock')

/** Bundles `entry` into `outDir`; returns the webpack stats file, which lists every module bundled. */
function build(entry, outDir, name) {
  const stats = join(work, `${name}-stats.json`)
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', outDir, '--quiet', '--target', 'es2022', '--stats-out', stats],
    { stdio: 'inherit' }
  )
  return stats
}

const owner = join(lock, 'pid')

/** The build holding the lock is gone (killed mid-build): its lock would otherwise block every later build. */
function lockIsStale() {
  let pid
  try {
    pid = Number(readFileSync(owner, 'utf8'))
  } catch {
    // No pid: just created by a build about to write it, or left by a build older than the pid file.
    try {
      return Date.now() - statSync(lock).mtimeMs > 10_000
    } catch {
      return false
    }
  }
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return error.code === 'ESRCH'
  }
}

function acquireLock() {
  mkdirSync('.build', { recursive: true })
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      mkdirSync(lock)
      writeFileSync(owner, String(process.pid))
      return
    } catch {
      if (lockIsStale()) {
        rmSync(lock, { recursive: true, force: true })
        continue
      }
      if (Date.now() > deadline) throw new Error(`another build holds ${lock}; remove it if no build is running`)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250)
    }
  }
}

acquireLock()
try {
  const actionStats = build('src/index.ts', join(work, 'dist'), 'action')
  // The CLI's own bundle and chunks in dist/cli/ (its chunk names would collide with the action's), started by
  // dist/cli.js, the package's bin, so `node dist/cli.js ...` and an installed `aoai-auth-check` both work.
  const cliStats = build('src/cli.ts', join(work, 'dist', 'cli'), 'cli')
  rmSync(join(work, 'dist', 'cli', 'package.json'), { force: true })
  writeFileSync(join(work, 'dist', 'cli.js'), "#!/usr/bin/env node\nimport './cli/index.js'\n", { mode: 0o755 })
  writeThirdPartyLicenses(join(work, 'dist', 'licenses.txt'), bundledPackages([actionStats, cliStats]))
  // The docs are generated from the catalogue and action.yml, so a stale one fails check-dist like a stale bundle.
  build('scripts/generate-docs.ts', join(work, 'docs'), 'docs')
  execFileSync(process.execPath, [join(work, 'docs', 'index.js'), '.'], { stdio: 'inherit' })
  rmSync('dist', { recursive: true, force: true })
  renameSync(join(work, 'dist'), 'dist')
} finally {
  rmSync(work, { recursive: true, force: true })
  rmSync(lock, { recursive: true, force: true })
}
