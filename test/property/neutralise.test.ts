/* eslint-disable no-control-regex -- these tests are about control characters */
// The neutraliser (src/security/neutralise.ts) over any text: nothing it returns can start a workflow command line.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { neutralise } from '../../src/security/neutralise.ts'
import { HOSTILE_PIECES, runs } from './runs.ts'

const hostileText = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'binary' })))
  .map((pieces) => pieces.join(''))

/** The runner's reading: split at LF and CR, trim leading whitespace, `::` starts a command; `##[` anywhere does. */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::') || line.includes('##['))
}

describe('neutralise', () => {
  it("in 'line' mode returns one line that starts no command and holds no control character", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const safe = neutralise(text)
        expect(safe).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/)
        expect(commandLines(safe)).toEqual([])
      }),
      runs
    )
  })

  it("in 'block' mode keeps line breaks, and no line starts a command", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const safe = neutralise(text, 'block')
        expect(safe).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/)
        expect(commandLines(safe)).toEqual([])
        expect(safe.split('\n').length).toBe(text.replace(/\r\n/g, '\n').split('\n').length)
      }),
      runs
    )
  })

  it('after a prefix the action writes, a value still cannot begin a line of its own', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(commandLines(`  ✅ Inputs (1 ms): ${neutralise(text)}`)).toEqual([])
      }),
      runs
    )
  })

  it('is idempotent, and leaves ordinary text as it is', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const once = neutralise(text)
        expect(neutralise(once)).toBe(once)
      }),
      runs
    )
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 .,()'"/-]*$/), (text) => {
        expect(neutralise(text)).toBe(text)
      }),
      runs
    )
  })
})
