import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOGUE } from '../../src/causes/catalogue.ts'
import { bash, prose } from '../../src/causes/fix.ts'
import { publishReport, type ReportOptions } from '../../src/report/publish.ts'
import type { RunResult } from '../../src/pipeline/types.ts'
import { captureRun, tempDir } from './in-process-runner.ts'
import {
  check,
  finding,
  INVALID_PROBE,
  invalidInputRun,
  missingRoleRun,
  passingChecks,
  passingRun,
  PRINCIPAL_ID,
  run,
  SUBJECT,
  target,
  TENANT_ID,
  throttledRun,
  EXPIRES_ON
} from './runs.ts'

let reportCount = 0

async function publish(result: RunResult, failOn: ReportOptions['failOn'] = 'error', secrets: string[] = []) {
  const reportFile = join(tempDir, `reports-${reportCount++}`, 'report.json')
  const captured = await captureRun(() => publishReport(result, { failOn, reportFile, secrets }))
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Record<string, unknown>
  const errors = captured.commands.filter((c) => c.command === 'error')
  const warnings = captured.commands.filter((c) => c.command === 'warning')
  return { ...captured, report, reportFile, errors, warnings }
}

describe('publishReport', () => {
  it('a passing run sets every output, fails nothing and shows the checklist and the claims', async () => {
    const published = await publish(passingRun())

    expect(published.outputs).toEqual({
      result: 'pass',
      cause: '',
      causes: '[]',
      'principal-id': PRINCIPAL_ID,
      'tenant-id': TENANT_ID,
      'token-audience': 'https://cognitiveservices.azure.com',
      'token-issuer': `https://sts.windows.net/${TENANT_ID}/`,
      'token-expires-on': EXPIRES_ON,
      'oidc-subject': SUBJECT,
      'resource-id': '',
      roles: '',
      'report-file': published.reportFile,
      results: JSON.stringify([
        { label: 'contoso', endpoint: 'https://contoso.openai.azure.com/', deployment: 'gpt-4o-mini',
          source: { kind: 'inputs' }, result: 'pass', cause: null }
      ])
    })
    expect(published.exitCode).toBeUndefined()
    expect(published.errors).toEqual([])
    expect(published.warnings).toEqual([])
    expect(published.summary).toContain('✅ Azure OpenAI auth check passed for https://contoso.openai.azure.com/')
    expect(published.summary).toContain('<td>✅ pass</td>')
    expect(published.summary).toContain('GitHub OIDC token claims')
    expect(published.summary).toContain(`<td>${SUBJECT}</td>`)
    expect(published.summary).toContain('Access token claims')
    expect(published.summary).toContain('1795003600 (2026-11-18T12:06:40.000Z)')
    expect(published.report).toMatchObject({ schemaVersion: 1, outcome: 'pass', cause: null, causes: [] })
  })

  it('a principal without the data-plane role fails once, naming the cause, with the role command', async () => {
    const published = await publish(missingRoleRun())
    const title = CATALOGUE['missing-data-plane-role'].title

    expect(published.exitCode).toBe(1)
    expect(published.outputs.result).toBe('fail')
    expect(published.outputs.cause).toBe('missing-data-plane-role')
    expect(JSON.parse(published.outputs.causes ?? '')).toEqual([
      { check: 'probe', cause: 'missing-data-plane-role', status: 'fail', title,
        target: 'contoso' }
    ])
    // setFailed's headline, then one titled annotation with the detail and the fix
    expect(published.errors).toHaveLength(2)
    const [annotation, failure] = published.errors
    expect(annotation?.properties).toEqual({ title: `missing-data-plane-role: ${title}` })
    expect(annotation?.message).toContain(`lacks the chat/completions data action`)
    expect(annotation?.message).toContain('az role assignment create')
    expect(failure?.properties).toEqual({})
    expect(failure?.message).toBe(
      `Azure OpenAI auth check failed: missing-data-plane-role — ${title} ` +
        '(https://contoso.openai.azure.com/, deployment gpt-4o-mini)'
    )
    expect(published.summary).toContain('❌ Azure OpenAI auth check failed: missing-data-plane-role')
    expect(published.summary).toContain(CATALOGUE['missing-data-plane-role'].meaning.slice(0, 40))
    expect(published.summary).toMatch(
      /<pre lang="bash"><code>az role assignment create[^<]*--assignee-object-id 5b2f9c1e/
    )
    expect(published.summary).toContain('<td>❌ fail</td>')
    expect(published.report).toMatchObject({ outcome: 'fail', cause: 'missing-data-plane-role' })
  })

  it('every check is in the JSON report with its evidence, and the versions are named', async () => {
    const published = await publish(missingRoleRun())
    const report = published.report as {
      versions: Record<string, string>
      targets: { checks: { id: string; status: string; evidence: unknown }[] }[]
    }

    expect(report.versions).toEqual({
      'aoai-auth-check': expect.stringMatching(/^\d+\.\d+\.\d+/),
      node: process.version
    })
    expect(report.targets[0]?.checks.map((c) => [c.id, c.status])).toEqual([
      ['inputs', 'pass'],
      ['endpoint-url', 'pass'],
      ['github-oidc', 'pass'],
      ['entra-token', 'pass'],
      ['probe', 'fail'],
      ['compare', 'skip']
    ])
    expect(report.targets[0]?.checks[4]?.evidence).toEqual({ status: 401 })
  })

  it('the JSON report keeps each fix as plain text in `fix` and as blocks in `fixBlocks`', async () => {
    const published = await publish(missingRoleRun())
    const report = published.report as { targets: { checks: { fix?: unknown; fixBlocks?: unknown }[] }[] }
    const probe = report.targets[0]?.checks[4]

    expect(probe?.fix).toEqual(expect.stringContaining('\naz role assignment create --assignee-object-id 5b2f9c1e'))
    expect(probe?.fixBlocks).toContainEqual({
      kind: 'command',
      shell: 'bash',
      lines: [expect.stringMatching(/^az role/)]
    })
    expect(report.targets[0]?.checks[0]).not.toHaveProperty('fixBlocks')
  })

  it('a throttled probe warns without failing the step', async () => {
    const published = await publish(throttledRun())

    expect(published.exitCode).toBeUndefined()
    expect(published.outputs.result).toBe('warn')
    expect(published.outputs.cause).toBe('throttled')
    expect(published.errors).toEqual([])
    expect(published.warnings).toHaveLength(1)
    expect(published.warnings[0]?.properties.title).toBe(`throttled: ${CATALOGUE.throttled.title}`)
    expect(published.summary).toContain('⚠️ Azure OpenAI auth check passed with a warning: throttled')
  })

  it('with fail-on warning, the same throttled probe fails the step', async () => {
    const published = await publish(throttledRun(), 'warning')

    expect(published.exitCode).toBe(1)
    expect(published.outputs.result).toBe('warn')
    expect(published.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Azure OpenAI auth check passed with a warning: throttled — /)
    ])
  })

  it('an invalid input says which stages were not run and why', async () => {
    const published = await publish(invalidInputRun())

    expect(published.outputs.cause).toBe('invalid-input')
    expect(published.outputs['principal-id']).toBe('')
    expect(published.summary).toContain('<p><b>Not run</b></p>')
    expect(published.summary).toContain(
      '<li>endpoint check, github-oidc check, entra-token check, probe check, compare check: ' +
        'Not run: the inputs are invalid.</li>'
    )
    expect(published.summary).toContain('<td>⏭️ skip</td>')
    expect(published.summary).toContain(INVALID_PROBE)
  })

  it('a target read from a file puts its annotation on that file and line', async () => {
    const failing = missingRoleRun().targets[0]
    if (!failing) throw new Error('no target')
    const published = await publish(run({ ...failing, source: { file: '.github/ai.json', line: 7 } }))

    expect(published.errors[0]?.properties).toMatchObject({ file: '.github/ai.json', line: '7' })
    expect(published.summary).toContain('from <code>.github/ai.json:7</code>')
  })

  it('twelve failing targets give as many annotations as GitHub shows and point to the summary for the rest', async () => {
    const failing = missingRoleRun().targets[0]
    if (!failing) throw new Error('no target')
    const targets = Array.from({ length: 12 }, (_, i) => ({ ...failing, label: `account-${i}` }))
    const published = await publish(run(...targets))

    // GitHub shows 10 error annotations per step: 9 findings and the failure line.
    expect(published.errors.length).toBe(10)
    expect(published.errors.at(-1)?.message).toContain('11 more targets also failed')
    const notices = published.commands.filter((c) => c.command === 'notice')
    expect(notices.map((n) => n.message)).toEqual(['3 more findings are listed in the job summary.'])
    expect(JSON.parse(published.outputs.causes ?? '')).toHaveLength(12)
    expect(published.summary.match(/<h3>account-\d+<\/h3>/g)).toHaveLength(12)
  })

  it('a JWT-looking string in evidence, detail, fix or claims never leaves the process', async () => {
    const jwt = [
      { alg: 'RS256', typ: 'JWT' },
      { sub: 'leak', aud: 'x' }
    ]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .concat('c2lnbmF0dXJlLWJ5dGVz')
      .join('.')
    const leaky = finding('probe', 'probe', 'fail', 'unknown', `The service said: Bearer ${jwt}`)
    const checks = passingChecks()
    checks[4] = {
      ...leaky,
      fix: [prose(`Retry with ${jwt}`)],
      evidence: { body: `{"token":"${jwt}"}`, headers: [jwt] }
    }
    const published = await publish(
      run(target(checks, { oidcClaims: { sub: SUBJECT, assertion: jwt }, oidcSubject: `${SUBJECT} ${jwt}` }))
    )

    const everything = everythingPublished(published)
    for (const text of everything) {
      expect(text).not.toContain(jwt)
      expect(text).not.toContain(jwt.split('.')[1])
    }
    expect(published.summary).toContain('***')
  })

  it("this run's own credentials, in any shape, never leave the process: a detail, a fix, a label, a claim", async () => {
    // No generic pattern knows these: only the run's SecretRegistry does.
    const gatewayKey = 'gw-key-Plain-Words-42'
    const password = 'Hunter2-Corp-Pass'
    const checks = passingChecks()
    checks[4] = {
      ...finding('probe', 'probe', 'fail', 'unknown', `The gateway echoed the key ${gatewayKey} back.`),
      fix: [prose(`Check the endpoint https://bob:${password}@contoso.openai.azure.com/ again.`)],
      evidence: { request: { headers: [`x-gateway-key ${gatewayKey}`] } }
    }
    const published = await publish(
      run(target(checks, { label: `https://bob:${password}@contoso.openai.azure.com/`, oidcSubject: gatewayKey })),
      'error',
      [gatewayKey, password]
    )

    const everything = everythingPublished(published)
    for (const text of everything) {
      expect(text).not.toContain(gatewayKey)
      expect(text).not.toContain(password)
    }
    expect(published.report).toMatchObject({
      targets: [
        {
          checks: expect.arrayContaining([expect.objectContaining({ detail: 'The gateway echoed the key *** back.' })])
        }
      ]
    })
  })

  it('evidence too large for a job summary is dropped from it, and the summary stays under 1 MiB', async () => {
    const huge = 'x'.repeat(15_000)
    const checks = passingChecks()
    checks[4] = finding('probe', 'probe', 'fail', 'service-error', 'The data plane answered 500 three times.')
    const targets = Array.from({ length: 80 }, (_, i) =>
      target(
        checks.map((c) => ({ ...c, evidence: { body: huge } })),
        { label: `account-${i}` }
      )
    )
    const published = await publish(run(...targets))

    expect(Buffer.byteLength(published.summary)).toBeLessThan(1024 * 1024)
    expect(published.summary).toContain('❌ Azure OpenAI auth check failed: service-error')
    expect(published.summary).not.toContain('Evidence for')
    expect(readFileSync(published.reportFile, 'utf8')).toContain(huge)
  })

  it('a fix placeholder such as <client-id> is shown as text, not swallowed as HTML', async () => {
    const checks = passingChecks()
    checks[4] = check('probe', 'probe', 'fail', 'Denied.', {
      cause: 'missing-data-plane-role',
      fix: [
        prose('Assign the role:'),
        bash('az role assignment create --assignee-object-id <principal-id> --scope <resource-id>')
      ]
    })
    const published = await publish(run(target(checks)))

    expect(published.summary).toContain('<p>Assign the role:</p>')
    expect(published.summary).toContain(
      '<pre lang="bash"><code>az role assignment create --assignee-object-id &lt;principal-id&gt; --scope &lt;resource-id&gt;</code></pre>'
    )
  })

  it('a link in a fix is a link in the summary, and a long command is wrapped with continuations', async () => {
    const checks = passingChecks()
    checks[2] = finding('github-oidc', 'github-oidc', 'fail', 'oidc-request-failed', 'GitHub answered 500.')
    checks[4] = finding('probe', 'probe', 'fail', 'fic-subject-mismatch', 'No matching federated identity record.')
    const published = await publish(run(target(checks)))

    expect(published.summary).toContain(
      '<a href="https://github.com/github/actions-oidc-debugger">github/actions-oidc-debugger</a>'
    )
    const commands = [...published.summary.matchAll(/<pre lang="bash"><code>([^<]*)<\/code><\/pre>/g)].map(
      (m) => m[1] ?? ''
    )
    expect(commands.join('\n')).toContain(
      ' \\\n  --identity-name <identity-name>'.replace(/</g, '&lt;').replace(/>/g, '&gt;')
    )
    for (const line of commands.join('\n').split('\n')) expect(line.length).toBeLessThanOrEqual(100)
  })

  it('the missing id-token permission fix shows the permissions block to paste, intact', async () => {
    const checks = passingChecks()
    checks[2] = finding('github-oidc', 'github-oidc', 'fail', 'missing-id-token-permission', 'No OIDC variables.')
    const published = await publish(run(target(checks)))

    expect(published.summary).toContain(
      '<pre lang="yaml"><code>permissions:\n  id-token: write\n  contents: read</code></pre>'
    )
  })

  it('in compare mode the summary says what the key working while the token fails proves', async () => {
    const checks = missingRoleRun().targets[0]?.checks ?? []
    const verdict = 'The key works but the token is refused: the endpoint and deployment are right.'
    const comparison = check('compare', 'compare', 'pass', verdict)
    const published = await publish(run(target([...checks.slice(0, 5), comparison])))

    expect(published.summary).toContain(`<p><b>API key vs Entra ID token</b>: ${verdict}</p>`)
    expect(published.outputs.cause).toBe('missing-data-plane-role')
  })

  it('outside a runner, with no summary file, the outputs, the log and the report file still tell all', async () => {
    const reportFile = join(tempDir, 'no-summary', 'report.json')
    const captured = await captureRun(() => publishReport(missingRoleRun(), { failOn: 'error', reportFile }), {
      withSummary: false
    })

    expect(captured.summary).toBe('')
    expect(captured.stdout).toContain('No job summary: GITHUB_STEP_SUMMARY is not set.')
    expect(captured.outputs.cause).toBe('missing-data-plane-role')
    expect(captured.exitCode).toBe(1)
    expect(JSON.parse(readFileSync(reportFile, 'utf8'))).toMatchObject({ outcome: 'fail' })
  })
})

/** Every place a published report can show text: the log, the outputs, the job summary and the report file. */
function everythingPublished(published: Awaited<ReturnType<typeof publish>>): string[] {
  const reportFile = readFileSync(published.reportFile, 'utf8')
  return [published.stdout, JSON.stringify(published.outputs), published.summary, reportFile]
}
