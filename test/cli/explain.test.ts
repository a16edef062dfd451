// The `explain` command through the built bundle, the way a user runs it: `node dist/cli.js explain ...`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UnsecuredJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import packageJson from '../../package.json' with { type: 'json' }

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

function run(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

// source: https://github.com/Azure/login/issues/379
const SUBJECT_ERROR =
  'Error: AADSTS700213: No matching federated identity record found for presented assertion ' +
  "subject 'repo:yoonaoh/github-action-testfunctionapp-java:ref:refs/heads/master'. Please check your federated " +
  'identity credential Subject, Audience and Issuer against the presented assertion'
// source: https://github.com/Azure-Samples/azure-search-openai-demo/issues/458
const AUDIENCE_ERROR =
  "Error code: 401 - {'statusCode': 401, 'message': 'Unauthorized. Access token is missing, " +
  "invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.'}"

describe('aoai-auth-check explain', () => {
  it('answers a pasted AADSTS700213 with the cause, why, and the az command for the presented subject', () => {
    const { status, stdout } = run(['explain'], SUBJECT_ERROR)
    expect(status).toBe(0)
    expect(stdout).toMatch(
      /^Cause: No federated credential matches the GitHub token's subject \(fic-subject-mismatch\)\n/
    )
    expect(stdout).toMatch(/\nWhy: +AADSTS700213/)
    expect(stdout).toContain('"subject":"repo:yoonaoh/github-action-testfunctionapp-java:ref:refs/heads/master"')
    expect(stdout).toContain('az ad app federated-credential create --id <client-id>')
  })

  it('prints one JSON object with --json: cause, candidates, title, fix (plain text and as blocks), evidence', () => {
    const { status, stdout } = run(['explain', '--json'], SUBJECT_ERROR)
    expect(status).toBe(0)
    const answer = JSON.parse(stdout)
    expect(Object.keys(answer)).toEqual(['cause', 'candidates', 'title', 'fix', 'fixBlocks', 'evidence'])
    expect(typeof answer.fix).toBe('string')
    expect(answer.fixBlocks).toContainEqual(expect.objectContaining({ kind: 'command', shell: 'bash' }))
    expect(answer).toMatchObject({
      cause: 'fic-subject-mismatch',
      candidates: [{ cause: 'fic-subject-mismatch' }],
      evidence: {
        aadstsCodes: ['700213'],
        subject: 'repo:yoonaoh/github-action-testfunctionapp-java:ref:refs/heads/master'
      }
    })
  })

  it('fills the fix with the values the text shows: principal, endpoint host, client id', () => {
    // synthetic: a curl -v of the PermissionDenied answer (shape of microsoft/semantic-kernel#10020)
    const denied =
      '> POST /openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21 HTTP/1.1\n' +
      '> Host: contoso.openai.azure.com\n< HTTP/1.1 401 PermissionDenied\n{"error":{"code":"PermissionDenied",' +
      '"message":"The principal `5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11` lacks the required data action ' +
      '`Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action` to perform ' +
      '`POST /openai/deployments/{deployment-id}/chat/completions` operation."}}'
    expect(JSON.parse(run(['explain', '--json'], denied).stdout).fix).toContain(
      'az role assignment create ' +
        '--assignee-object-id 5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11 --assignee-principal-type ServicePrincipal --role ' +
        '"Cognitive Services OpenAI User" --scope "$(az cognitiveservices account list --query ' +
        '"[?properties.customSubDomainName==\'contoso\'].id" -o tsv)"'
    )
    const appMissing =
      "AADSTS700016: Application with identifier '6f1e2d3c-0000-4000-8000-000000000001' was not " +
      "found in the directory 'Contoso'."
    expect(JSON.parse(run(['explain', '--json'], appMissing).stdout).fix).toContain(
      'az ad app show --id 6f1e2d3c-0000-4000-8000-000000000001'
    )
  })

  it('ranks the alternatives of an ambiguous 401 and says the token decides', () => {
    const { stdout } = run(['explain'], AUDIENCE_ERROR)
    expect(stdout).toMatch(/^Cause: The token is for another audience \(wrong-token-audience\)/)
    expect(stdout).toContain('The text alone cannot decide; other possible causes, and what decides:')
    expect(stdout).toMatch(/- The access token had expired \(token-expired\): .*`exp` decides/)
    expect(stdout).toMatch(/- An API key was sent as a Bearer token \(key-sent-as-bearer\)/)
  })

  it('decodes a pasted JWT to decide, and never prints the token back', () => {
    const jwt = new UnsecuredJWT({
      aud: 'https://management.azure.com/',
      tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      oid: '5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11',
      exp: Math.floor(Date.now() / 1000) + 3600
    }).encode()
    const pasted = `curl -v -H "Authorization: Bearer ${jwt}" ...\n< HTTP/1.1 401 Unauthorized\n${AUDIENCE_ERROR}`
    for (const args of [['explain'], ['explain', '--json']]) {
      const { stdout, stderr } = run(args, pasted)
      expect(stdout + stderr).not.toContain(jwt)
      expect(stdout + stderr).not.toContain(jwt.split('.')[1])
      expect(stdout).toContain('wrong-token-audience')
      expect(stdout).toContain('https://management.azure.com/')
    }
    const answer = JSON.parse(run(['explain', '--json'], pasted).stdout)
    expect(answer.candidates).toEqual([{ cause: 'wrong-token-audience', why: expect.stringContaining('management') }])
    expect(answer.evidence.jwtClaims[0]).toMatchObject({ tid: '72f988bf-86f1-41af-91ab-2d7cd011db47' })
  })

  it('never prints back a token that was wrapped over lines, by a terminal or as a JSON log', () => {
    const jwt =
      new UnsecuredJWT({
        aud: 'https://cognitiveservices.azure.com',
        tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        oid: '5f0c2b0a-1c7e-4b8e-9d1a-0c6c9f3e2a11',
        name: 'a long enough claim to wrap over several lines'
      }).encode() + 'c2lnbmF0dXJlLWJ5dGVzLWxvbmctZW5vdWdoLXRvLXdyYXAtb3Zlci1hLWxpbmUtb3ItdHdv'
    const lines = jwt.match(/.{1,64}/g)!
    const pastes = [
      `Something odd happened with this token:\n${lines.join('\n')}\nand then it stopped.`,
      JSON.stringify({ level: 'error', msg: `Something odd happened with this token: ${lines.join('\n')}` })
    ]
    for (const pasted of pastes) {
      for (const args of [['explain'], ['explain', '--json']]) {
        const { stdout, stderr } = run(args, pasted)
        for (const piece of lines.slice(0, -1)) expect(stdout + stderr).not.toContain(piece)
      }
    }
  })

  it('masks an Entra ID client secret pasted with the error', () => {
    const secret = 'kX48Q~Vb3nT9wLq2ZrYc7uPm5sDf1gHj6kNa0eR.'
    const { stdout } = run(['explain', '--json'], `It broke with ${secret} as the credential`)
    expect(stdout).not.toContain(secret)
    expect(JSON.parse(stdout).evidence.excerpt).toBe('It broke with *** as the credential')
  })

  it('reads --file, and takes --status and --phase for a text that lacks them', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'explain-')), 'error.txt')
    writeFileSync(file, 'Service request failed.')
    const answer = JSON.parse(
      run(['explain', '--json', '--file', file, '--status', '429', '--phase=data-plane']).stdout
    )
    expect(answer).toMatchObject({ cause: 'throttled', evidence: { status: 429, phase: 'data-plane' } })
  })

  it('answers unknown, with a redacted excerpt, for text it does not recognise, and exits 1', () => {
    const { status, stdout } = run(['explain', '--json'], 'It broke. api-key: 0123456789abcdef0123456789abcdef')
    expect(status).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({ cause: 'unknown', evidence: { excerpt: 'It broke. api-key: ***' } })
    expect(run(['explain'], 'It broke.')).toMatchObject({ status: 1, stdout: expect.stringMatching(/^Cause: .*\(unknown\)/) })
  })

  it('prints its version, and help for every command, also through help <command>', () => {
    expect(run(['--version'])).toMatchObject({ status: 0, stdout: `aoai-auth-check ${packageJson.version}\n` })
    for (const command of ['check', 'explain']) {
      const help = run([command, '--help'])
      expect(help.status).toBe(0)
      expect(help.stdout).toMatch(new RegExp(`^Usage: aoai-auth-check ${command} `))
      expect(run(['help', command]).stdout).toBe(help.stdout)
    }
  })

  it('shows help for the command and for the CLI', () => {
    const help = run(['explain', '--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain(
      'Usage: aoai-auth-check explain [--status N] [--phase github-oidc|entra-token|data-plane|arm] [--json] [--file F]'
    )
    expect(run(['explain', '-h']).stdout).toBe(help.stdout)
    const top = run(['--help'])
    expect(top.status).toBe(0)
    expect(top.stdout).toMatch(/Commands:\n {2}check +run the checks.*\n {2}explain /)
    const bare = run([])
    expect(bare.status).toBe(2)
    expect(bare.stderr).toBe(top.stdout)
  })

  it.each([
    [['explain', '--phase', 'probe'], /--phase must be one of github-oidc, entra-token, data-plane, arm, got 'probe'/],
    [['explain', '--status', 'abc'], /--status must be an integer from 100 to 599, got 'abc'/],
    [['explain', '--status'], /--status needs a value: an integer from 100 to 599/],
    [['explain', '--verbose'], /unknown flag --verbose; allowed: --status, --phase, --json, --file, --help/],
    [['explain', 'error.txt'], /unexpected argument 'error.txt'/],
    [['explain', '--json=yes'], /--json takes no value/],
    [['explain', '--file', '/nonexistent/error.txt'], /--file \/nonexistent\/error.txt: cannot read it \(ENOENT\)/],
    [['deploy'], /unknown command 'deploy'; commands: check, explain/],
    [['check'], /--endpoint is required/]
  ])('rejects %j with exit 2 and a message naming the flag', (args, message) => {
    const { status, stdout, stderr } = run(args, 'AADSTS700213')
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
  })

  it('rejects empty input with exit 2', () => {
    const { status, stderr } = run(['explain'], '  \n')
    expect(status).toBe(2)
    expect(stderr).toMatch(/no error text/)
  })
})
