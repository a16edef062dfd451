// Redaction (src/security/redact.ts) over generated secrets and texts: a known secret never survives in any form a
// service or log may quote it in, and every pass is linear in the text's length (asserted by growing the input
// by doubling and comparing the times, never against a wall-clock limit).
import fc from 'fast-check'
import { UnsecuredJWT } from 'jose'
import { describe, expect, it, vi } from 'vitest'
import { redactSecrets } from '../../src/security/redact.ts'
import { classify } from '../../src/diagnosis/classify.ts'
import { normaliseText, unwrappedText } from '../../src/diagnosis/text.ts'
import { runs } from './runs.ts'

// Thousands of generated cases and megabyte texts per test: the assertions decide, not the clock.
vi.setConfig({ testTimeout: 300_000 })

const base64url = fc.stringMatching(/^[A-Za-z0-9_-]{24,64}$/)
const printableSecret = fc.stringMatching(/^[!-~]{16,48}$/)
const prose = fc.string({ maxLength: 60 }).map((text) => text.replace(/[A-Za-z0-9+/=_~.%-]/g, ' '))

/** The forms item 5 of issue 7 found services quoting, written here independently of the redactor. */
function quotedForms(secret: string, halves: boolean): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replaceAll('.', '%2E'),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    JSON.stringify(secret).slice(1, -1),
    ...(halves ? [secret.slice(0, secret.length >> 1), secret.slice(secret.length >> 1)] : [])
  ].filter((form) => form.length >= 12)
}

describe('a known secret is redacted in every form', () => {
  it('as is, URL-encoded, base64, base64url, JSON-escaped, or (a token or key) each half of it', () => {
    fc.assert(
      fc.property(fc.oneof(base64url, printableSecret), prose, prose, (secret, before, after) => {
        const halves = /^[A-Za-z0-9_-]+$/.test(secret)
        for (const form of quotedForms(secret, halves)) {
          const redacted = redactSecrets(`${before} ${form} ${after}`, [secret])
          expect(redacted).not.toContain(form)
        }
      }),
      runs
    )
  })

  it("a JWT's signature alone, or the JWT with its dots written %2E", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.jsonValue()),
        base64url,
        prose,
        (claims, signature, before) => {
          const jwt = new UnsecuredJWT(claims).encode() + signature
          expect(redactSecrets(`${before} sig ${signature} end`, [jwt])).not.toContain(signature)
          expect(redactSecrets(`${before} ${jwt.replaceAll('.', '%2E')}`, [])).not.toContain(signature)
          expect(redactSecrets(`${before} ${jwt}`, [])).not.toContain(signature)
        }
      ),
      runs
    )
  })

  it('a Bearer value URL-encoded (Bearer%20...) without knowing it', () => {
    fc.assert(
      fc.property(base64url, (token) => {
        expect(redactSecrets(`authorization=Bearer%20${token}&x=1`)).not.toContain(token)
      }),
      runs
    )
  })

  it('never throws, and redacting twice changes nothing more', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.array(printableSecret, { maxLength: 3 }),
        (text, secrets) => {
          const once = redactSecrets(text, secrets)
          expect(redactSecrets(once, secrets)).toBe(once)
        }
      ),
      runs
    )
  })
})

// The shapes that once made a pass quadratic: hyphenated words, base64url runs, JWT starts without an end,
// `Bearer` and key names without values, long runs of backslashes after a token.
const SHAPES: Record<string, (chars: number) => string> = {
  hyphenated: (n) => 'a-'.repeat(n / 2),
  base64url: (n) => 'aB3_-x'.repeat(n / 6),
  'JWT starts': (n) => 'eyJ'.repeat(n / 3),
  'JWT pieces': (n) => 'eyJa.'.repeat(n / 5),
  'Bearer words': (n) => 'Bearer '.repeat(n / 7),
  'key names': (n) => 'x-api-key '.repeat(n / 10),
  backslashes: (n) => `eyJabc ${'\\'.repeat(n)}`,
  'JSON body': (n) => `{"error":{"message":"${'x-'.repeat(n / 2)}"}}`
}

function fastest(work: () => void): number {
  let best = Infinity
  for (let round = 0; round < 3; round++) {
    const started = performance.now()
    work()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

const SIZES = [64, 128, 256, 512].map((kib) => kib * 1024)
/** Between the 2 of a linear pass and the 4 of a quadratic one. */
const LINEAR_BOUND = 3.2

/** The median of the ratios between the times of each size and the size before it (twice the text). */
function medianDoublingRatio(run: (text: string) => unknown, texts: readonly string[]): number {
  const times = texts.map((text) =>
    Math.max(
      fastest(() => run(text)),
      0.5
    )
  )
  const ratios = times
    .slice(1)
    .map((time, index) => time / times[index])
    .sort((a, b) => a - b)
  return ratios[1]
}

/**
 * The doubling ratio, measured again (up to three times) while a busy machine inflates it past the bound: noise can
 * make a linear pass look slower, never a quadratic one look linear.
 */
function doublingRatio(run: (text: string) => unknown, make: (chars: number) => string): number {
  const texts = SIZES.map(make)
  run(texts[0]) // warm the regular expressions up
  let ratio = Infinity
  for (let attempt = 0; attempt < 3 && ratio >= LINEAR_BOUND; attempt++) {
    ratio = Math.min(ratio, medianDoublingRatio(run, texts))
  }
  return ratio
}

describe('every text pass is linear', () => {
  const passes: Record<string, (text: string) => unknown> = {
    redactSecrets: (text) => redactSecrets(text, ['a-known-secret-value-1234']),
    normaliseText,
    unwrappedText,
    classify: (text) => classify({ text, status: 401 })
  }
  for (const [pass, run] of Object.entries(passes)) {
    it(`${pass}: twice the text takes about twice the time, not the four times of a quadratic pass`, () => {
      for (const [shape, make] of Object.entries(SHAPES)) {
        expect(doublingRatio(run, make), `${pass} on ${shape}`).toBeLessThan(LINEAR_BOUND)
      }
    })
  }
})
