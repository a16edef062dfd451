// Rebuilds dist/ and the generated docs, and fails when they differ from what is committed (the anchors' check-dist).
import { execFileSync } from 'node:child_process'

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
const changes = execFileSync(
  'git',
  ['status', '--porcelain', '--untracked-files=all', '--', 'dist', 'docs', 'README.md'],
  {
    encoding: 'utf8'
  }
)
if (changes.trim() !== '') {
  process.stderr.write(
    `dist/ or the generated docs are not what the sources produce. Run \`npm run build\` and commit them.\n${changes}` +
      execFileSync('git', ['diff', '--stat', '--', 'dist', 'docs', 'README.md'], { encoding: 'utf8' })
  )
  process.exit(1)
}
process.stdout.write('dist/ and the generated docs are up to date with the sources.\n')
