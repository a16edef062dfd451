import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { readConfigFiles } from '../../src/repo-config/files.ts'
import { splitPatterns } from '../../src/repo-config/patterns.ts'

const ENV = 'AZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/\nAZURE_OPENAI_DEPLOYMENT=gpt-4o-mini\n'
let root: string
let workspace: string

function put(path: string, text: string): void {
  mkdirSync(dirname(join(workspace, path)), { recursive: true })
  writeFileSync(join(workspace, path), text)
}

async function readIn(patterns: string[], secrets: string[] = []) {
  return readConfigFiles(patterns, { workspace, onSecret: (value) => secrets.push(value) })
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'repo-config-'))
  workspace = join(root, 'workspace')
  mkdirSync(workspace)
  writeFileSync(join(root, 'outside.env'), 'AZURE_OPENAI_ENDPOINT=https://outside.openai.azure.com/\n')
})

test('config-file is split on newlines and commas', () => {
  expect(splitPatterns('.env, config/*.yml\n\n  appsettings.json  \n')).toEqual([
    '.env',
    'config/*.yml',
    'appsettings.json'
  ])
})

describe('which files are read', () => {
  test('in the order the patterns are given, a glob’s matches sorted, each file once', async () => {
    put('services/b/.env', ENV)
    put('services/a/.env', ENV)
    put('aoai-auth-check.yml', 'targets:\n  - endpoint: https://contoso.openai.azure.com/\n')
    const { files, problems } = await readIn(['aoai-auth-check.yml', 'services/**/.env', 'services/a/.env'])
    expect(files.map((file) => [file.file, file.named, file.format])).toEqual([
      ['aoai-auth-check.yml', true, 'native'],
      ['services/a/.env', false, 'dotenv'],
      ['services/b/.env', false, 'dotenv']
    ])
    expect(problems).toEqual([])
  })

  test('node_modules and .git are never searched', async () => {
    put('node_modules/pkg/.env', ENV)
    put('.git/.env', ENV)
    put('.env', ENV)
    expect((await readIn(['**/.env'])).files.map((file) => file.file)).toEqual(['.env'])
  })

  test('a named file that is missing is an error; a glob matching nothing is a notice', async () => {
    const { problems } = await readIn(['config/.env', 'deploy/**/*.env'])
    expect(problems).toEqual([
      { pattern: 'config/.env', severity: 'error', message: 'config/.env does not exist in the workspace' },
      { pattern: 'deploy/**/*.env', severity: 'notice', message: 'matches no file in the workspace' }
    ])
  })

  test('a committed key is handed over as a secret the moment its file is read', async () => {
    put('.env', `${ENV}AZURE_OPENAI_API_KEY=0f9e8d7c6b5a49382716f5e4d3c2b1a0\n`)
    const secrets: string[] = []
    await readIn(['.env'], secrets)
    expect(secrets).toEqual(['0f9e8d7c6b5a49382716f5e4d3c2b1a0'])
  })

  test('a byte-order mark (as Visual Studio saves appsettings.json) is not a syntax error', async () => {
    put('appsettings.json', '\uFEFF{ "AzureOpenAI": { "Endpoint": "https://contoso.openai.azure.com/" } }')
    const [file] = (await readIn(['appsettings.json'])).files
    expect(file.findings).toEqual([])
    expect(file.targets).toHaveLength(1)
  })

  test('a file larger than a config file is not read', async () => {
    put('.env', `${ENV}# ${'x'.repeat(600 * 1024)}\n`)
    const { files, problems } = await readIn(['.env'])
    expect(files).toEqual([])
    expect(problems[0].message).toMatch(/larger than 512 KiB/)
  })
})

describe('nothing outside the workspace is read', () => {
  test('absolute paths, home paths and ".." are refused before any file is touched', async () => {
    const { files, problems } = await readIn([
      join(root, 'outside.env'),
      '~/.env',
      '../outside.env',
      'a/../../outside.env',
      '**/../*.env'
    ])
    expect(files).toEqual([])
    expect(problems.map((problem) => [problem.severity, problem.message])).toEqual([
      ['error', expect.stringMatching(/^must be relative to the workspace/)],
      ['error', expect.stringMatching(/^must be relative to the workspace/)],
      ['error', 'must stay inside the workspace: ".." is not allowed'],
      ['error', 'must stay inside the workspace: ".." is not allowed'],
      ['error', 'must stay inside the workspace: ".." is not allowed']
    ])
  })

  test('a link to a file outside is not read, named or globbed', async () => {
    symlinkSync(join(root, 'outside.env'), join(workspace, '.env'))
    const named = await readIn(['.env'])
    expect(named.files).toEqual([])
    expect(named.problems).toEqual([
      { pattern: '.env', severity: 'error', message: '.env is a link to a place outside the workspace: not read' }
    ])
    expect((await readIn(['*.env', '.env*'])).files).toEqual([])
  })

  test('a linked directory that leads outside is neither searched nor read through', async () => {
    symlinkSync(root, join(workspace, 'up'))
    expect((await readIn(['**/*.env'])).files).toEqual([])
    const through = await readIn(['up/outside.env'])
    expect(through.files).toEqual([])
    expect(through.problems[0].message).toBe('up/outside.env is a link to a place outside the workspace: not read')
  })

  test('a link inside the workspace to another file inside is read', async () => {
    put('config/real.env', ENV)
    symlinkSync(join(workspace, 'config/real.env'), join(workspace, '.env'))
    expect((await readIn(['.env'])).files.map((file) => file.targets.length)).toEqual([1])
  })
})
