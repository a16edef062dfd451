/* eslint-disable no-control-regex -- these tests are about control characters */
// Injected faults, end to end through the committed bundle: each class of broken network, proxy or service ends
// within the deadline (timeout-seconds plus the documented reporting margin) with the cause the evidence supports,
// a clean message and the right exit code, and no credential ever follows a redirect.
import { describe, expect, it, vi } from 'vitest'
import { runAction, type ActionRun } from '../harness/run-action.ts'
import {
  API_KEY,
  buildScenario,
  GATEWAY_HOST,
  httpDateIn,
  OIDC_REQUEST_HOST,
  scenarios,
  type AnswerFault,
  type HostFault,
  type ScenarioOverrides
} from '../world/index.ts'
import {
  causeAnnotation,
  checkStatuses,
  credentialedRequests,
  expectNoSecrets,
  OIDC_INPUTS,
  sharedWorld
} from './support.ts'

const world = sharedWorld()
// Each run is a whole action process, some waiting out the deadline: the test allows for that, the assertions
// below decide whether the run ended in time.
vi.setConfig({ testTimeout: 90_000 })

const ENTRA = 'login.microsoftonline.com'
const ACCOUNT = 'contoso.openai.azure.com'
const TOKEN_PATH = '/oauth2/v2.0/token'
const TIMEOUT_SECONDS = 4
/** main.ts REPORTING_MARGIN_SECONDS, plus the start of a Node process on a busy machine. */
const ALLOWED_OVERRUN_SECONDS = 5 + 4

interface Faulted {
  run: ActionRun
  elapsedMs: number
}

async function runWith(overrides: ScenarioOverrides, inputs: Record<string, string> = OIDC_INPUTS): Promise<Faulted> {
  world().scenario = buildScenario(overrides)
  const started = Date.now()
  const run = await runAction(world(), {
    inputs: { ...inputs, 'timeout-seconds': String(TIMEOUT_SECONDS) },
    timeoutMs: 60_000
  })
  return { run, elapsedMs: Date.now() - started }
}

const proxyFault = (host: string, fault: HostFault): ScenarioOverrides => scenarios.hostUnreachable(host, fault)
const answer = (host: string, fault: AnswerFault, base: ScenarioOverrides = {}): ScenarioOverrides => ({
  ...base,
  ...scenarios.faultyAnswer(host, fault)
})

/** Ended in time, with this cause and status, an exit code to match, a clean message and no secret anywhere. */
function expectEnded({ run, elapsedMs }: Faulted, cause: string, result: 'fail' | 'warn' = 'fail'): void {
  expect(run.outputs.result, run.stdout).toBe(result)
  expect(run.outputs.cause, run.stdout).toBe(cause)
  expect(run.exitCode).toBe(result === 'fail' ? 1 : 0)
  expect(elapsedMs).toBeLessThan((TIMEOUT_SECONDS + ALLOWED_OVERRUN_SECONDS) * 1000)
  const annotation = causeAnnotation(run, result === 'fail' ? 'error' : 'warning')
  expect(annotation.properties.title).toContain(cause)
  // Clean: no stack trace, no control character, no 'undefined' where a value belongs, nothing on stderr.
  const shown = [annotation.message, run.summary, run.stdout].join('\n')
  expect(shown).not.toMatch(/\n\s+at .+:\d+:\d+\)?/)
  expect(shown).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/)
  expect(annotation.message).not.toMatch(/\bundefined\b/)
  expect(run.stderr).toBe('')
  expectNoSecrets(run, world())
}

describe('a service that never answers, or answers forever', () => {
  it('a data plane that never answers: timeout, within the deadline', async () => {
    expectEnded(await runWith(answer(ACCOUNT, { kind: 'hang' })), 'timeout')
  })

  it('Entra ID trickling its answer a byte at a time: timeout, within the deadline', async () => {
    expectEnded(await runWith(answer(ENTRA, { kind: 'trickle', path: TOKEN_PATH })), 'timeout')
  })

  it("GitHub's token endpoint black-holed by the proxy: timeout, within the deadline", async () => {
    expectEnded(await runWith(proxyFault(OIDC_REQUEST_HOST, 'hang')), 'timeout')
  })
})

describe('answers cut short', () => {
  it('a data-plane 401 whose body is cut in half decides nothing: unknown, not a guess from the token', async () => {
    const faulted = await runWith(answer(ACCOUNT, { kind: 'truncate' }, scenarios.missingRole()))
    expectEnded(faulted, 'unknown')
    expect(causeAnnotation(faulted.run).message).toMatch(/cut short/)
  })

  it('an Entra ID answer cut by a connection closed mid-body: unknown, the abort named', async () => {
    const faulted = await runWith(
      answer(ENTRA, { kind: 'reset-mid-body', path: TOKEN_PATH }, scenarios.subjectMismatch())
    )
    expectEnded(faulted, 'unknown')
    expect(causeAnnotation(faulted.run).message).toMatch(/aborted|other side closed/)
  })

  it('a data-plane answer cut by a connection closed mid-body: unknown, in time', async () => {
    expectEnded(await runWith(answer(ACCOUNT, { kind: 'reset-mid-body' }, scenarios.missingRole())), 'unknown')
  })
})

describe('redirects are named, never followed', () => {
  it('a data-plane 302: wrong-endpoint-host naming where it pointed, and the token never reaches it', async () => {
    const faulted = await runWith(
      answer(ACCOUNT, { kind: 'redirect', status: 302, location: `https://${GATEWAY_HOST}/steal` })
    )
    expectEnded(faulted, 'wrong-endpoint-host')
    expect(causeAnnotation(faulted.run).message).toContain(GATEWAY_HOST)
    expect(world().requests.some((request) => request.host === GATEWAY_HOST)).toBe(false)
  })

  it("GitHub's token endpoint answering 307: oidc-request-failed, and the runtime token stays with GitHub", async () => {
    const faulted = await runWith(
      answer(OIDC_REQUEST_HOST, { kind: 'redirect', location: `https://${GATEWAY_HOST}/collect` })
    )
    expectEnded(faulted, 'oidc-request-failed')
    expect(causeAnnotation(faulted.run).message).toMatch(/not followed/)
    expect(world().connects.some((connect) => connect.host === GATEWAY_HOST)).toBe(false)
  })

  it('Entra ID answering 307: named as something on the path answering, the assertion not re-sent', async () => {
    const faulted = await runWith(
      answer(ENTRA, { kind: 'redirect', path: TOKEN_PATH, location: `https://${GATEWAY_HOST}/` })
    )
    expectEnded(faulted, 'proxy-failure')
    expect(world().connects.some((connect) => connect.host === GATEWAY_HOST)).toBe(false)
  })
})

describe('huge, malformed and HTML bodies', () => {
  it('a 1 MB hyphenated 401 body from the data plane is read up to the cap and decided in time', async () => {
    const faulted = await runWith(answer(ACCOUNT, { kind: 'huge', bytes: 1024 * 1024 }, scenarios.missingRole()))
    expectEnded(faulted, 'missing-data-plane-role')
  })

  it('a 1 MB body from Entra ID is cut at the cap: it decides nothing, in time', async () => {
    expectEnded(
      await runWith(answer(ENTRA, { kind: 'huge', bytes: 1024 * 1024, path: TOKEN_PATH }, scenarios.subjectMismatch())),
      'unknown'
    )
  })

  it("an HTML block page at Entra ID's token endpoint: proxy-failure (a proxy or firewall answered)", async () => {
    expectEnded(await runWith(answer(ENTRA, { kind: 'html', status: 403, path: TOKEN_PATH })), 'proxy-failure')
  })

  it('a body with terminal escapes and NULs from Entra ID is shown without them', async () => {
    expectEnded(await runWith(answer(ENTRA, { kind: 'malformed', status: 400, path: TOKEN_PATH })), 'unknown')
  })
})

describe('TLS, DNS and the proxy', () => {
  for (const [host, stage] of [
    [OIDC_REQUEST_HOST, 'github-oidc'],
    [ENTRA, 'entra-token'],
    [ACCOUNT, 'probe']
  ] as const) {
    it(`an untrusted certificate at ${host}: tls-failure in ${stage}`, async () => {
      const faulted = await runWith(proxyFault(host, 'untrusted-tls'))
      expectEnded(faulted, 'tls-failure')
      expect(checkStatuses(faulted.run)[stage]).toBe('fail')
    })
  }

  it("a proxy asking GitHub's token request for credentials (407): proxy-failure", async () => {
    const faulted = await runWith(proxyFault(OIDC_REQUEST_HOST, 'proxy-auth'))
    expectEnded(faulted, 'proxy-failure')
    expect(causeAnnotation(faulted.run).message).toMatch(/HTTPS_PROXY/)
  })

  it("a proxy asking Entra ID's request for credentials (407): proxy-failure", async () => {
    expectEnded(await runWith(proxyFault(ENTRA, 'proxy-auth')), 'proxy-failure')
  })

  it('a proxy refusing the data plane (403): proxy-failure', async () => {
    expectEnded(await runWith(proxyFault(ACCOUNT, 'forbidden')), 'proxy-failure')
  })

  it('a proxy failing Entra ID with 503: proxy-failure', async () => {
    expectEnded(await runWith(proxyFault(ENTRA, 'unavailable')), 'proxy-failure')
  })

  it('a name that does not resolve, reached directly because NO_PROXY lists it as *.parent: dns-failure', async () => {
    world().scenario = buildScenario()
    const started = Date.now()
    const run = await runAction(world(), {
      inputs: { ...OIDC_INPUTS, 'timeout-seconds': String(TIMEOUT_SECONDS) },
      env: { NO_PROXY: '*.openai.azure.com' }
    })
    expectEnded({ run, elapsedMs: Date.now() - started }, 'dns-failure')
    expect(credentialedRequests(world(), ACCOUNT)).toEqual([])
  })
})

describe('5xx bursts', () => {
  it("GitHub's token endpoint failing 503 without end: oidc-request-failed after bounded retries, in time", async () => {
    const faulted = await runWith(answer(OIDC_REQUEST_HOST, { kind: 'burst', status: 503, count: 1000 }))
    expectEnded(faulted, 'oidc-request-failed')
    expect(world().requests.filter((request) => request.host === OIDC_REQUEST_HOST).length).toBeLessThanOrEqual(3)
  })

  it("GitHub's token endpoint failing 502 once: retried, and the run passes", async () => {
    const faulted = await runWith(answer(OIDC_REQUEST_HOST, { kind: 'burst', status: 502, count: 1 }))
    expect(faulted.run.outputs.result, faulted.run.stdout).toBe('pass')
  })

  it('the data plane failing 503 without end: service-error after bounded retries, in time', async () => {
    expectEnded(await runWith(answer(ACCOUNT, { kind: 'burst', status: 503, count: 1000 })), 'service-error')
  })
})

describe('429 variants', () => {
  it('Entra ID asking to retry after 86400 s: decided at once as quota-exhausted, not waited out', async () => {
    expectEnded(
      await runWith(answer(ENTRA, { kind: 'throttle', retryAfter: '86400', quota: true, path: TOKEN_PATH })),
      'quota-exhausted'
    )
  })

  it('Entra ID asking to retry after an HTTP date a day ahead: quota-exhausted, like 86400 s', async () => {
    expectEnded(
      await runWith(answer(ENTRA, { kind: 'throttle', retryAfter: httpDateIn(86_400), path: TOKEN_PATH })),
      'quota-exhausted'
    )
  })

  it('the data plane asking to retry after an HTTP date a day ahead: quota-exhausted (a warning)', async () => {
    expectEnded(
      await runWith(answer(ACCOUNT, { kind: 'throttle', retryAfter: httpDateIn(86_400) })),
      'quota-exhausted',
      'warn'
    )
  })

  it('the data plane with retry-after-ms: retried within the deadline, then throttled (a warning)', async () => {
    const faulted = await runWith(answer(ACCOUNT, { kind: 'throttle', retryAfterMs: '200' }))
    expectEnded(faulted, 'throttled', 'warn')
    expect(credentialedRequests(world(), ACCOUNT).length).toBe(3)
  })

  it('the data plane with no retry hint at all: throttled (a warning)', async () => {
    expectEnded(await runWith(answer(ACCOUNT, { kind: 'throttle' })), 'throttled', 'warn')
  })
})

describe('an API key with a line break', () => {
  it('is invalid-input, each of its lines masked, and nothing is sent', async () => {
    const key = `${API_KEY}\nsecond-line-of-the-key`
    const faulted = await runWith({}, { ...OIDC_INPUTS, auth: 'api-key', 'api-key': key })
    expectEnded(faulted, 'invalid-input')
    expect(faulted.run.masks).toContain('second-line-of-the-key')
    expect(world().requests).toEqual([])
  })
})
