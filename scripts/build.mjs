// Builds the committed bundles with ncc: dist/index.js (the action) and dist/cli.js (the CLI).
// TypeScript is pinned to 6.x because ncc compiles through the TypeScript JS API, which TS 7 no longer has.
import { execFileSync } from 'node:child_process'
import { readdirSync, rmSync, renameSync } from 'node:fs'
import { join } from 'node:path'

const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const build = (entry, outDir) =>
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', outDir, '--quiet', '--target', 'es2022'], {
    stdio: 'inherit'
  })

rmSync('dist', { recursive: true, force: true })
rmSync('.build', { recursive: true, force: true })

build('src/index.ts', 'dist')
build('src/cli.ts', '.build/cli')

// The CLI must be a single file beside the action bundle: any chunk would collide with the action's.
const cliFiles = readdirSync('.build/cli').filter((f) => f !== 'package.json')
if (cliFiles.length !== 1 || cliFiles[0] !== 'index.js') {
  throw new Error(`the CLI bundle must be one file, got: ${cliFiles.join(', ')}`)
}
renameSync('.build/cli/index.js', 'dist/cli.js')
rmSync('.build', { recursive: true, force: true })
