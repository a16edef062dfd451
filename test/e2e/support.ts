// What every end-to-end scenario asserts about a run of the bundle: outcome and cause outputs, the annotation,
// the summary, and that no secret the world holds appears anywhere the action wrote.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import type { ActionRun, WorkflowCommand } from '../harness/run-action.ts'
import { buildScenario, CHAT_DEPLOYMENT, CLIENT_ID, ENDPOINT, startWorld, TENANT_ID, type World } from '../world/index.ts'

/** One world per test file; every test starts from the happy path with empty request and CONNECT logs. */
export function sharedWorld(): () => World {
  let world: World | undefined
  const current = (): World => {
    if (!world) throw new Error('the world starts in beforeAll')
    return world
  }
  beforeAll(async () => {
    world = await startWorld()
  })
  afterAll(() => world?.stop())
  beforeEach(() => {
    current().scenario = buildScenario()
    current().requests.length = 0
    current().connects.length = 0
  })
  return current
}

/** The inputs of the happy path: the world's app, tenant, account and chat deployment. */
export const OIDC_INPUTS = { endpoint: ENDPOINT, deployment: CHAT_DEPLOYMENT, 'client-id': CLIENT_ID, 'tenant-id': TENANT_ID }

export function errorAnnotations(run: ActionRun): WorkflowCommand[] {
  return run.commands.filter((command) => command.command === 'error')
}

export function warningAnnotations(run: ActionRun): WorkflowCommand[] {
  return run.commands.filter((command) => command.command === 'warning')
}

/** The titled annotation that names the cause (the setFailed headline has no title). */
export function causeAnnotation(run: ActionRun, kind: 'error' | 'warning' = 'error'): WorkflowCommand {
  const titled = run.commands.filter((command) => command.command === kind && command.properties.title)
  expect(titled.length, `a titled ${kind} annotation in:\n${run.stdout}`).toBeGreaterThan(0)
  return titled[0]
}

export function reportOf(run: ActionRun): { targets: { checks: { id: string; status: string; cause?: string }[] }[] } {
  const path = Object.keys(run.files).find((file) => file.endsWith('report.json'))
  expect(path, 'the JSON report file').toBeDefined()
  return JSON.parse(run.files[path!])
}

/** The status of each check, by id, from the JSON report. */
export function checkStatuses(run: ActionRun): Record<string, string> {
  return Object.fromEntries(reportOf(run).targets[0].checks.map((check) => [check.id, check.status]))
}

/** A failed run: outputs, the titled annotation naming the cause, the summary naming it, exit 1, no secret. */
export function expectFailure(run: ActionRun, world: World, cause: string): WorkflowCommand {
  expect(run.outputs.result, run.stdout).toBe('fail')
  expect(run.outputs.cause).toBe(cause)
  expect(run.exitCode).toBe(1)
  expect(JSON.parse(run.outputs.causes)).toContainEqual(expect.objectContaining({ cause, status: 'fail' }))
  const annotation = causeAnnotation(run)
  expect(annotation.properties.title).toContain(cause)
  expect(run.summary).toContain(cause)
  expectNoSecrets(run, world)
  return annotation
}

/** A passing run: outputs, no error annotation, a summary that says it passed, exit 0, no secret. */
export function expectPass(run: ActionRun, world: World): void {
  expect(run.outputs.result, run.stdout).toBe('pass')
  expect(run.outputs.cause).toBe('')
  expect(run.exitCode).toBe(0)
  expect(errorAnnotations(run)).toEqual([])
  expect(JSON.parse(run.outputs.causes)).toEqual([])
  expect(run.summary).toMatch(/passed/)
  expectNoSecrets(run, world)
}

/** A warned run: outputs, the titled warning naming the cause, the summary naming it, exit 0, no secret. */
export function expectWarning(run: ActionRun, world: World, cause: string): WorkflowCommand {
  expect(run.outputs.result, run.stdout).toBe('warn')
  expect(run.outputs.cause).toBe(cause)
  expect(run.exitCode).toBe(0)
  const annotation = causeAnnotation(run, 'warning')
  expect(annotation.properties.title).toContain(cause)
  expect(run.summary).toContain(cause)
  expectNoSecrets(run, world)
  return annotation
}

/**
 * The forms a service, a log shipper or a proxy may quote a secret in (issue 7, item 5): as is, URL-encoded (dots
 * too: `%2E`), as `Bearer%20…`, base64, base64url, JSON-escaped, each half of a long one, and each segment of a JWT
 * (its signature alone is enough to replay nothing, but it is still a piece of the credential).
 */
export function encodedForms(secret: string): string[] {
  const forms = new Set<string>([secret, encodeURIComponent(secret), secret.replaceAll('.', '%2E'),
    `Bearer%20${encodeURIComponent(secret)}`, Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'), JSON.stringify(secret).slice(1, -1)])
  if (secret.length >= 24) {
    forms.add(secret.slice(0, Math.floor(secret.length / 2)))
    forms.add(secret.slice(Math.floor(secret.length / 2)))
  }
  const segments = secret.split('.')
  if (segments.length === 3) for (const segment of segments.slice(1)) forms.add(segment)
  return [...forms].filter((form) => form.length >= 12)
}

/**
 * No token, assertion, runtime bearer, key or client secret anywhere, in any of its encoded forms: outputs, summary,
 * annotations and other commands, the log, stderr and every file the run left (the JSON report). `add-mask`
 * commands are how secrets reach the runner's masker, so they alone may carry them.
 */
export function expectNoSecrets(run: ActionRun, world: World): void {
  const secrets = world.secrets()
  expect(secrets.length).toBeGreaterThan(0)
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  const places: Record<string, string> = {
    stdout,
    stderr: run.stderr,
    outputs: JSON.stringify(run.outputs),
    summary: run.summary,
    ...run.files
  }
  for (const [place, text] of Object.entries(places)) {
    for (const secret of secrets) {
      for (const form of encodedForms(secret)) {
        expect(text.includes(form), `a secret (${secret.slice(0, 6)}…, as ${form.slice(0, 10)}…) in ${place}`).toBe(false)
      }
    }
  }
}

/**
 * The workflow commands in stdout that a hostile value carrying `marker` forged: the runner splits stdout at LF and
 * at a bare CR, trims leading whitespace, reads `::name props::message`, and honours the legacy `##[name]` form
 * anywhere in a line. A forged command has the marker in its name or properties, or as the start of its message
 * (`::error::FORGED…`), or is a stop-commands or a legacy command at all.
 */
export function forgedCommands(run: ActionRun, marker: string): string[] {
  const lines = run.stdout.split(/\r\n|\r|\n/).map((line) => line.trimStart())
  return lines.filter((line) => {
    if (line.includes('##[')) return true
    if (!line.startsWith('::')) return false
    const end = line.indexOf('::', 2)
    if (end < 0) return false
    const head = line.slice(2, end)
    return head.includes(marker) || head.startsWith('stop-commands') || line.slice(end + 2).startsWith(marker)
  })
}

/** Requests that reached the data plane carrying a credential (Authorization or api-key). */
export function credentialedRequests(world: World, host: string) {
  return world.requests.filter(
    (request) => request.host === host && (request.headers['authorization'] !== undefined || request.headers['api-key'] !== undefined)
  )
}
