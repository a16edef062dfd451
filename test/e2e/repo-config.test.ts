// Repository config end to end: the committed bundle reads the repository's config files (every format), checks
// every target they name at once, and puts each finding on its file and line; values a pull request can change
// cannot send a credential elsewhere, echo a committed key, or start a workflow command.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runAction, type ActionRun } from '../harness/run-action.ts'
import { sarifErrors } from '../sarif/validate.ts'
import {
  buildScenario,
  CHAT_DEPLOYMENT,
  CLIENT_ID,
  EMBEDDINGS_DEPLOYMENT,
  ENDPOINT,
  REPOSITORY,
  TENANT_ID,
  type ScenarioOverrides,
  type World
} from '../world/index.ts'
import { errorAnnotations, expectNoSecrets, sharedWorld, warningAnnotations } from './support.ts'

const world = sharedWorld()
const IDENTITY = { 'client-id': CLIENT_ID, 'tenant-id': TENANT_ID }
const fixture = (name: string) => readFileSync(new URL(`../repo-config/fixtures/${name}`, import.meta.url), 'utf8')
const COMMITTED_KEY = '5f4dcc3b5aa765d61d8327deb882cf99'

interface Result {
  label: string
  endpoint: string
  deployment: string | null
  source: { file: string; line: number } | { kind: 'inputs' }
  result: string
  cause: string | null
}
const resultsOf = (run: ActionRun): Result[] => JSON.parse(run.outputs.results) as Result[]

/**
 * The GitHub OIDC token requests the run made, and its Entra token exchanges per scope (`entra` for the data plane's,
 * `arm` for Resource Manager's, which the control-plane checks ask for once too).
 */
function tokenRequests(w: World) {
  const exchanges = w.requests.filter(
    (request) => request.host === 'login.microsoftonline.com' && request.path.endsWith('/token')
  )
  const forScope = (resource: string) => exchanges.filter((request) => request.body.includes(resource)).length
  return {
    oidc: w.requests.filter((request) => request.path.includes('/idtoken/')).length,
    entra: forScope(encodeURIComponent('https://cognitiveservices.azure.com/')),
    arm: forScope(encodeURIComponent('https://management.azure.com/'))
  }
}

/** A pull_request run, with a federated credential for the pull request subject. */
function pullRequestWorld(overrides: ScenarioOverrides['github'] = {}): void {
  world().scenario = buildScenario({
    github: { event: 'pull_request', ...overrides },
    tenants: [
      {
        identities: [
          {
            federatedCredentials: [
              {},
              {
                name: 'pull-requests',
                issuer: 'https://token.actions.githubusercontent.com',
                subject: `repo:${REPOSITORY}:pull_request`,
                audiences: ['api://AzureADTokenExchange']
              }
            ]
          }
        ]
      }
    ]
  })
}

describe('every format, read from the repository', () => {
  it('checks every target of every file, in order, one OIDC request and one Entra exchange in all', async () => {
    const run = await runAction(world(), {
      // The step's deployment is the one of a target that names none (the promptflow connection).
      inputs: {
        ...IDENTITY,
        deployment: CHAT_DEPLOYMENT,
        'config-file': '.env\nsrc/appsettings.json, litellm/config.yaml, connections/*.yml, aoai-auth-check.yml'
      },
      workspaceFiles: {
        '.env': fixture('semantic-kernel.env'),
        'src/appsettings.json': fixture('appsettings.json'),
        'litellm/config.yaml': fixture('litellm-config.yaml')
          .replace('contoso.cognitiveservices.azure.com', 'contoso.openai.azure.com')
          .replace('azure/gpt-4o ', `azure/${CHAT_DEPLOYMENT} `)
          .replace('os.environ/AZURE_API_BASE', ENDPOINT),
        'connections/azure_openai.yml': fixture('azure_openai_entra.yml'),
        'aoai-auth-check.yml': `targets:\n  - endpoint: ${ENDPOINT}\n    deployment: ${CHAT_DEPLOYMENT}\n`
      }
    })
    expect(run.outputs.result, run.stdout).toBe('pass')
    expect(resultsOf(run).map((r) => [r.source, r.deployment, r.result])).toEqual([
      [{ file: '.env', line: 3 }, CHAT_DEPLOYMENT, 'pass'],
      [{ file: '.env', line: 5 }, EMBEDDINGS_DEPLOYMENT, 'pass'],
      [{ file: 'src/appsettings.json', line: 4 }, CHAT_DEPLOYMENT, 'pass'],
      [{ file: 'src/appsettings.json', line: 9 }, EMBEDDINGS_DEPLOYMENT, 'pass'],
      [{ file: 'litellm/config.yaml', line: 2 }, CHAT_DEPLOYMENT, 'pass'],
      [{ file: 'litellm/config.yaml', line: 11 }, EMBEDDINGS_DEPLOYMENT, 'pass'],
      [{ file: 'connections/azure_openai.yml', line: 1 }, CHAT_DEPLOYMENT, 'pass'],
      [{ file: 'aoai-auth-check.yml', line: 2 }, CHAT_DEPLOYMENT, 'pass']
    ])
    expect(new Set(resultsOf(run).map((r) => r.label)).size).toBe(8)
    expect(tokenRequests(world())).toEqual({ oidc: 1, entra: 1, arm: 1 })
    expectNoSecrets(run, world())
  })
})

describe('findings on the file and line of the value at fault', () => {
  it('an unknown deployment is annotated on its line; the other target of the file still passes', async () => {
    const run = await runAction(world(), {
      inputs: { ...IDENTITY, 'config-file': 'services/chat/.env' },
      workspaceFiles: {
        'services/chat/.env':
          `AZURE_OPENAI_ENDPOINT=${ENDPOINT}\nAZURE_OPENAI_CHAT_DEPLOYMENT_NAME=gpt-5-preview\n` +
          `AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME=${EMBEDDINGS_DEPLOYMENT}\n`
      }
    })
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs.cause).toBe('deployment-not-found')
    expect(resultsOf(run).map((r) => [r.deployment, r.result, r.cause])).toEqual([
      ['gpt-5-preview', 'fail', 'deployment-not-found'],
      [EMBEDDINGS_DEPLOYMENT, 'pass', null]
    ])
    const [annotation] = errorAnnotations(run).filter((a) => a.properties.title)
    expect(annotation.properties).toMatchObject({ file: 'services/chat/.env', line: '2', col: '35' })
    expect(annotation.properties.title).toContain('deployment-not-found')
    expect(JSON.parse(run.outputs.causes)).toEqual([
      expect.objectContaining({ cause: 'deployment-not-found', target: resultsOf(run)[0].label })
    ])
    // One row per target, failures first, linked to the file and line.
    expect(run.summary).toMatch(
      /<td>❌ fail<\/td><td><code>deployment-not-found<\/code><\/td><td><a href="https:\/\/github\.com\/octo-org\/octo-repo\/blob\/[0-9a-f]+\/services\/chat\/\.env#L2">/
    )
    expectNoSecrets(run, world())
  })

  it('a value that is not valid is invalid-input on its line, and the other targets still run', async () => {
    const run = await runAction(world(), {
      inputs: { ...IDENTITY, 'config-file': 'aoai-auth-check.yml' },
      workspaceFiles: {
        'aoai-auth-check.yml': [
          'targets:',
          `  - endpoint: ${ENDPOINT}`,
          `    deployment: ${CHAT_DEPLOYMENT}`,
          '  - endpoint: "not a url"',
          `    deployment: ${CHAT_DEPLOYMENT}`,
          `  - endpoint: ${ENDPOINT}`,
          '    deployment: "gpt 4o"'
        ].join('\n')
      }
    })
    expect(resultsOf(run).map((r) => [r.source, r.result, r.cause])).toEqual([
      [{ file: 'aoai-auth-check.yml', line: 2 }, 'pass', null],
      [{ file: 'aoai-auth-check.yml', line: 4 }, 'fail', 'invalid-input'],
      [{ file: 'aoai-auth-check.yml', line: 6 }, 'fail', 'invalid-input']
    ])
    expect(
      errorAnnotations(run)
        .filter((a) => a.properties.title)
        .map((a) => [a.properties.file, a.properties.line])
    ).toEqual([
      ['aoai-auth-check.yml', '4'],
      ['aoai-auth-check.yml', '7']
    ])
    expect(run.outputs.cause).toBe('invalid-input')
  })

  it('a malformed file gets one annotation naming the file, the line and what is expected; the rest run', async () => {
    const run = await runAction(world(), {
      inputs: { ...IDENTITY, deployment: CHAT_DEPLOYMENT, 'config-file': 'appsettings.json, .env' },
      workspaceFiles: {
        'appsettings.json':
          '{\n  "AzureOpenAI": {\n    "Endpoint": "https://contoso.openai.azure.com/"\n    "DeploymentName": "x"\n  }\n}\n',
        '.env': `AZURE_OPENAI_ENDPOINT=${ENDPOINT}\n`
      }
    })
    expect(resultsOf(run).map((r) => [r.label, r.result, r.cause])).toEqual([
      ['appsettings.json', 'fail', 'invalid-input'],
      [`${ENDPOINT} (${CHAT_DEPLOYMENT})`, 'pass', null]
    ])
    const [annotation] = errorAnnotations(run).filter((a) => a.properties.title)
    expect(annotation.properties).toMatchObject({ file: 'appsettings.json', line: '4' })
    expect(annotation.message).toMatch(
      /appsettings\.json:4: not valid JSON: .*expected JSON with an "AzureOpenAI" section/
    )
  })
})

describe('values a pull request can change', () => {
  it('a foreign host in a file is refused on its line: no token is minted for it and nothing reaches it', async () => {
    const run = await runAction(world(), {
      inputs: { ...IDENTITY, 'config-file': '.env' },
      workspaceFiles: {
        '.env': `# staging\nAZURE_OPENAI_ENDPOINT=https://evil.example/\nAZURE_OPENAI_DEPLOYMENT=${CHAT_DEPLOYMENT}\n`
      }
    })
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs.cause).toBe('untrusted-endpoint-host')
    const [annotation] = errorAnnotations(run).filter((a) => a.properties.title)
    expect(annotation.properties).toMatchObject({ file: '.env', line: '2' })
    expect(world().connects.filter((connect) => connect.host === 'evil.example')).toEqual([])
    expect(world().requests).toEqual([])
    expect(tokenRequests(world())).toEqual({ oidc: 0, entra: 0, arm: 0 })
  })

  it('a file cannot widen where credentials go: allowed-hosts in a file is refused, the host still untrusted', async () => {
    const run = await runAction(world(), {
      inputs: { ...IDENTITY, 'config-file': 'aoai-auth-check.yml' },
      workspaceFiles: {
        'aoai-auth-check.yml': `targets:\n  - endpoint: https://evil.example/\n    deployment: x\n    allowed-hosts: evil.example\n    authority-host: https://login.evil.example\n`
      }
    })
    expect(resultsOf(run)[0]).toMatchObject({ result: 'fail', cause: 'invalid-input' })
    expect(errorAnnotations(run).find((a) => a.properties.title)?.message).toContain(
      'aoai-auth-check.yml:4: allowed-hosts can be set only by the workflow'
    )
    expect(world().requests).toEqual([])
    expect(world().connects).toEqual([])
  })

  it('a committed key is flagged on its line as a warning, masked at once and never echoed', async () => {
    const run = await runAction(world(), {
      inputs: { ...IDENTITY, 'config-file': '.env' },
      workspaceFiles: {
        '.env': fixture('the-vortex.env')
          .replace('mh-open-ai-east-us2', 'contoso')
          .replace('dev-chat-ai-gpt4.1-mini', CHAT_DEPLOYMENT)
      }
    })
    expect(run.outputs.result, run.stdout).toBe('warn')
    expect(run.outputs.cause).toBe('api-key-in-repository')
    const [warning] = warningAnnotations(run).filter((a) => a.properties.title)
    expect(warning.properties).toMatchObject({ file: '.env', line: '3' })
    expect(warning.properties.title).toContain('api-key-in-repository')
    expect(run.masks).toContain(COMMITTED_KEY)
    const masked = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
    // Everything the run wrote (the JSON report...), not the repository's own files it read.
    const written = Object.entries(run.files)
      .filter(([path]) => !path.startsWith('workspace/'))
      .map(([, text]) => text)
    expect(written.length).toBeGreaterThan(0)
    for (const place of [masked, run.stderr, run.summary, JSON.stringify(run.outputs), ...written]) {
      expect(place.includes(COMMITTED_KEY)).toBe(false)
    }
    // The key is never sent: the probe used the Entra token.
    expect(world().requests.some((request) => JSON.stringify(request.headers).includes(COMMITTED_KEY))).toBe(false)
  })

  it('hostile values cannot start a workflow command', async () => {
    const run = await runAction(world(), {
      inputs: { ...IDENTITY, 'config-file': '.env, aoai-auth-check.yml, *owned/.env' },
      workspaceFiles: {
        '.env': `AZURE_OPENAI_ENDPOINT=${ENDPOINT}\nAZURE_OPENAI_DEPLOYMENT="gpt\\n::error file=x::owned\\n::add-mask::${ENDPOINT}"\n`,
        'aoai-auth-check.yml': `targets:\n  - endpoint: "${ENDPOINT}"\n    deployment: "x\\r\\n::warning::owned\\u2028::notice::owned"\n    "::error::owned": 1\n  - endpoint: "::error::owned"\n    deployment: x\n`,
        '::warning::owned/.env': `AZURE_OPENAI_DEPLOYMENT=${CHAT_DEPLOYMENT}\n`
      }
    })
    expect(resultsOf(run).map((r) => [r.result, r.cause])).toEqual([
      ['fail', 'invalid-input'],
      ['fail', 'invalid-input'],
      ['fail', 'invalid-input'],
      ['fail', 'invalid-input']
    ])
    const commands = run.commands.map((command) => command.command)
    expect(commands.filter((c) => !['add-mask', 'error', 'warning', 'notice', 'debug'].includes(c))).toEqual([])
    expect(run.commands.filter((command) => command.message.startsWith('owned'))).toEqual([])
    expect(run.masks).not.toContain(ENDPOINT)
    for (const line of run.stdout.split('\n')) expect(line).not.toMatch(/^::(error|warning|notice)[^:]*::owned/)
    expect(errorAnnotations(run).find((a) => a.properties.file === '.env')?.message).toContain('holds a line break')
  })
})

describe('a pull-request check', () => {
  const files = {
    'aoai-auth-check.yml': [
      'targets:',
      `  - endpoint: ${ENDPOINT}`,
      `    deployment: ${CHAT_DEPLOYMENT}`,
      `  - endpoint: ${ENDPOINT}`,
      `    deployment: ${EMBEDDINGS_DEPLOYMENT}`,
      '    probe: embeddings',
      `  - endpoint: ${ENDPOINT}`,
      '    deployment: o3-mini'
    ].join('\n')
  }

  it('only-changed checks the targets whose lines the patch changes; context lines are not changes', async () => {
    pullRequestWorld({
      pullRequestFiles: [
        {
          filename: 'aoai-auth-check.yml',
          status: 'modified',
          patch: [
            '@@ -3,4 +3,4 @@ targets:',
            `     deployment: ${CHAT_DEPLOYMENT}`,
            `   - endpoint: ${ENDPOINT}`,
            '-    deployment: text-embedding-ada-002',
            `+    deployment: ${EMBEDDINGS_DEPLOYMENT}`,
            '     probe: embeddings'
          ].join('\n')
        },
        { filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }
      ]
    })
    const run = await runAction(world(), {
      inputs: { ...IDENTITY, 'config-file': 'aoai-auth-check.yml', 'only-changed': 'true' },
      workspaceFiles: files
    })
    expect(resultsOf(run).map((r) => [r.deployment, r.result])).toEqual([
      [CHAT_DEPLOYMENT, 'skip'],
      [EMBEDDINGS_DEPLOYMENT, 'pass'],
      ['o3-mini', 'skip']
    ])
    expect(run.outputs.result).toBe('pass')
    const listed = world().requests.filter((request) => request.host === 'api.github.com')
    expect(listed.map((request) => [request.method, request.path])).toEqual([
      ['GET', `/repos/${REPOSITORY}/pulls/42/files`]
    ])
    expect(listed[0].headers.authorization).toBe(`token ${world().scenario.github.jobToken}`)
    expectNoSecrets(run, world())
  })

  it('only-changed with nothing relevant changed passes, saying so', async () => {
    pullRequestWorld({
      pullRequestFiles: [{ filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }]
    })
    const run = await runAction(world(), {
      inputs: { ...IDENTITY, 'config-file': 'aoai-auth-check.yml', 'only-changed': 'true' },
      workspaceFiles: files
    })
    expect(run.outputs.result).toBe('pass')
    expect(resultsOf(run).map((r) => r.result)).toEqual(['skip', 'skip', 'skip'])
    expect(run.commands.filter((c) => c.command === 'notice').map((c) => c.message)).toContain(
      'only-changed: the pull request changes no line of any target: nothing to check.'
    )
    expect(tokenRequests(world())).toEqual({ oidc: 0, entra: 0, arm: 0 })
  })

  it('keeps one sticky comment: created once, then updated in place', async () => {
    pullRequestWorld()
    const inputs = { ...IDENTITY, 'config-file': 'aoai-auth-check.yml', 'comment-on-pr': 'true' }
    const first = await runAction(world(), { inputs, workspaceFiles: files })
    expect(first.outputs.result).toBe('pass')
    const comments = () => world().scenario.github.issueComments
    expect(comments()).toHaveLength(1)
    expect(comments()[0].body).toMatch(/^<!-- aoai-auth-check -->\n### /)
    expect(comments()[0].body).toContain(`| ${ENDPOINT} (${EMBEDDINGS_DEPLOYMENT}) | ✅ pass |`)

    world().scenario.accounts[0].deployments = world().scenario.accounts[0].deployments.filter(
      (d) => d.name !== 'o3-mini'
    )
    const second = await runAction(world(), { inputs, workspaceFiles: files })
    expect(second.outputs.result).toBe('fail')
    expect(comments()).toHaveLength(1)
    expect(comments()[0].body).toContain(`| ${ENDPOINT} (o3-mini) | ❌ fail | \`deployment-not-found\` |`)
    const writes = world().requests.filter((r) => r.host === 'api.github.com' && r.method !== 'GET')
    expect(writes.map((r) => [r.method, r.status])).toEqual([
      ['POST', 201],
      ['PATCH', 200]
    ])
    expectNoSecrets(second, world())
  })

  it('on a fork’s pull request (read-only token) skips the comment with a notice, and the comment never fails the check', async () => {
    world().scenario = buildScenario({
      github: { event: 'fork-pull-request' },
      accounts: [{ disableLocalAuth: false }]
    })
    const run = await runAction(world(), {
      inputs: {
        auth: 'api-key',
        'api-key': world().scenario.accounts[0].keys[0],
        'config-file': 'aoai-auth-check.yml',
        'comment-on-pr': 'true'
      },
      workspaceFiles: files
    })
    expect(run.outputs.result, run.stdout).toBe('pass')
    expect(run.exitCode).toBe(0)
    expect(
      run.commands
        .filter((c) => c.command === 'notice')
        .map((c) => c.message)
        .join('\n')
    ).toMatch(/comment-on-pr: the token cannot write to this pull request \(HTTP 403/)
    expect(world().scenario.github.issueComments).toEqual([])
  })

  it('writes the findings as SARIF 2.1.0 on their files and lines', async () => {
    const run = await runAction(world(), {
      inputs: { ...IDENTITY, 'config-file': '.env', 'sarif-file': 'results/aoai.sarif' },
      workspaceFiles: {
        '.env': `AZURE_OPENAI_ENDPOINT=${ENDPOINT}\nAZURE_OPENAI_DEPLOYMENT=gpt-5-preview\nAZURE_OPENAI_API_KEY=${COMMITTED_KEY}\n`
      }
    })
    expect(run.outputs['sarif-file']).toMatch(/results\/aoai\.sarif$/)
    const log = JSON.parse(run.files['workspace/results/aoai.sarif']) as {
      runs: {
        results: {
          ruleId: string
          level: string
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]
        }[]
      }[]
    }
    expect(sarifErrors(log)).toEqual([])
    expect(
      log.runs[0].results.map((r) => [
        r.ruleId,
        r.level,
        r.locations[0].physicalLocation.artifactLocation.uri,
        r.locations[0].physicalLocation.region.startLine
      ])
    ).toEqual([
      ['api-key-in-repository', 'warning', '.env', 3],
      ['deployment-not-found', 'error', '.env', 2]
    ])
    expectNoSecrets(run, world())
  })
})

describe('many targets', () => {
  it('the endpoint input, then targets, then files, in order; 50 targets on one tenant cost one OIDC request and one Entra exchange', async () => {
    const many = Array.from({ length: 48 }, (_, index) =>
      `AZURE_OPENAI_ENDPOINT=${ENDPOINT}\nAZURE_OPENAI_DEPLOYMENT=${CHAT_DEPLOYMENT}\n`.replace('\n', `\n# ${index}\n`)
    )
    const run = await runAction(world(), {
      inputs: {
        ...IDENTITY,
        endpoint: ENDPOINT,
        deployment: CHAT_DEPLOYMENT,
        targets: `- endpoint: ${ENDPOINT}\n  deployment: ${EMBEDDINGS_DEPLOYMENT}\n  probe: embeddings\n`,
        'config-file': 'services/*/.env'
      },
      workspaceFiles: Object.fromEntries(
        many.map((text, index) => [`services/s${String(index).padStart(2, '0')}/.env`, text])
      )
    })
    const results = resultsOf(run)
    expect(results).toHaveLength(50)
    expect(results[0]).toEqual({
      label: `${ENDPOINT} (${CHAT_DEPLOYMENT}) [inputs]`,
      endpoint: ENDPOINT,
      deployment: CHAT_DEPLOYMENT,
      source: { kind: 'inputs' },
      result: 'pass',
      cause: null
    })
    expect(results[1]).toMatchObject({ deployment: EMBEDDINGS_DEPLOYMENT, source: { kind: 'inputs' }, result: 'pass' })
    expect(results[2]).toMatchObject({
      label: `${ENDPOINT} (${CHAT_DEPLOYMENT}) [services/s00/.env:3]`,
      source: { file: 'services/s00/.env', line: 3 }
    })
    expect(results.every((r) => r.result === 'pass')).toBe(true)
    expect(new Set(results.map((r) => r.label)).size).toBe(50)
    expect(tokenRequests(world())).toEqual({ oidc: 1, entra: 1, arm: 1 })
    expect(world().requests.filter((r) => r.path.includes('/openai/deployments/')).length).toBe(50)
  })
})
