// Rebuilds dist/ and fails when it differs from what is committed (the anchors' check-dist).
import { execFileSync } from 'node:child_process'

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
const changes = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist'], {
  encoding: 'utf8'
})
if (changes.trim() !== '') {
  process.stderr.write(
    `dist/ is not what the sources produce. Run \`npm run build\` and commit dist/.\n${changes}` +
      execFileSync('git', ['diff', '--stat', '--', 'dist'], { encoding: 'utf8' })
  )
  process.exit(1)
}
process.stdout.write('dist/ is up to date with the sources.\n')
