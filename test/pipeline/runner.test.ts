import { describe, expect, it } from 'vitest'
import { Deadline, DeadlineExceededError } from '../../src/net/deadline.ts'
import { retryAfterFromHeaders, withRetries } from '../../src/net/retry.ts'
import { checksFor } from '../../src/pipeline/pipeline.ts'
import { assertNeedsRunFirst, runChecks, UnknownNeedError } from '../../src/pipeline/runner.ts'
import type { CheckId, CheckOutcome, CheckStep } from '../../src/pipeline/types.ts'

type Log = string[]

function step(id: CheckId, needs: CheckId[], outcome: CheckOutcome | (() => Promise<CheckOutcome>)): CheckStep<Log> {
  return {
    id,
    stage: 'probe',
    title: `Check ${id}`,
    needs,
    async run(log) {
      log.push(id)
      return typeof outcome === 'function' ? outcome() : outcome
    }
  }
}

const pass: CheckOutcome = { status: 'pass', detail: 'fine', evidence: {} }
const fail: CheckOutcome = { status: 'fail', cause: 'service-error', detail: 'broken', evidence: {} }
const explainAsTimeout = (_log: Log, _step: CheckStep<Log>, error: unknown): CheckOutcome => ({
  status: 'fail',
  cause: error instanceof DeadlineExceededError ? 'timeout' : 'unknown',
  detail: String(error),
  evidence: {}
})

describe('the check runner', () => {
  it('skips what depends on a failed check (naming it, even two steps away) and runs independent checks', async () => {
    const log: Log = []
    const steps = [step('inputs', [], fail), step('endpoint-url', ['inputs'], pass), step('endpoint-cloud', ['endpoint-url'], pass), step('host-policy', [], pass)]
    const results = await runChecks(steps, log, new Deadline(5), explainAsTimeout)
    expect(log).toEqual(['inputs', 'host-policy'])
    expect(results.map((r) => r.status)).toEqual(['fail', 'skip', 'skip', 'pass'])
    expect(results[1].detail).toBe('Skipped: "Check inputs" failed.')
    expect(results[2].detail).toBe('Skipped: "Check inputs" failed.')
  })

  it('lets a warning through to the checks that depend on it', async () => {
    const log: Log = []
    const warn: CheckOutcome = { status: 'warn', cause: 'throttled', detail: 'slow down', evidence: {} }
    await runChecks([step('inputs', [], warn), step('endpoint-url', ['inputs'], pass)], log, new Deadline(5), explainAsTimeout)
    expect(log).toEqual(['inputs', 'endpoint-url'])
  })

  it('fails the check the deadline interrupts with timeout, and skips the rest', async () => {
    const log: Log = []
    const hangs = () => new Promise<CheckOutcome>(() => {})
    const results = await runChecks([step('inputs', [], hangs), step('endpoint-url', [], pass)], log, new Deadline(0.2), explainAsTimeout)
    expect(results.map((r) => [r.status, r.cause])).toEqual([
      ['fail', 'timeout'],
      ['skip', undefined]
    ])
    expect(results[1].detail).toContain('overall deadline of 0.2 s')
  })

  it('refuses a check that needs one which does not run before it, before running anything', async () => {
    const log: Log = []
    const steps = [step('endpoint-url', ['inputs'], pass), step('inputs', [], pass)]
    await expect(runChecks(steps, log, new Deadline(5), explainAsTimeout)).rejects.toThrow(UnknownNeedError)
    expect(log).toEqual([])
  })
})

describe('bounded retries', () => {
  it('retries a retryable error after the wait the server asks for, then succeeds', async () => {
    let calls = 0
    const attempted = await withRetries(
      async () => {
        calls++
        if (calls < 3) throw new Error('busy')
        return 'done'
      },
      () => 10,
      new Deadline(5)
    )
    expect(attempted).toEqual({ value: 'done', attempts: 3, waitsMs: [10, 10] })
  })

  it('does not retry what is not retryable, nor a wait longer than the policy or the deadline allows', async () => {
    const failing = async () => {
      throw new Error('no')
    }
    expect((await withRetries(failing, () => undefined, new Deadline(5))).attempts).toBe(1)
    expect((await withRetries(failing, () => 86_400_000, new Deadline(5))).attempts).toBe(1)
    expect((await withRetries(failing, () => 3000, new Deadline(1))).attempts).toBe(1)
    const capped = await withRetries(failing, () => null, new Deadline(5), { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 100 })
    expect(capped).toMatchObject({ attempts: 2, waitsMs: [5] })
  })

  it('reads Retry-After in seconds, as a date, and the ms variants', () => {
    expect(retryAfterFromHeaders({ 'retry-after': '2' })).toBe(2000)
    expect(retryAfterFromHeaders({ 'retry-after-ms': '150', 'retry-after': '2' })).toBe(150)
    expect(retryAfterFromHeaders({ 'retry-after': new Date(Date.now() + 60_000).toUTCString() })).toBeGreaterThan(50_000)
    expect(retryAfterFromHeaders({})).toBeNull()
  })
})

describe('the registered checks', () => {
  it.each([
    { auth: 'oidc' as const, apiKey: undefined },
    { auth: 'oidc' as const, apiKey: 'a-key' },
    { auth: 'api-key' as const, apiKey: 'a-key' }
  ])('run every need before the check that needs it (auth $auth, key $apiKey)', (config) => {
    expect(() => assertNeedsRunFirst(checksFor(config))).not.toThrow()
  })
})
