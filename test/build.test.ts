import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

describe('the committed bundle', () => {
  it('is an ES module bundle that the node24 runner can load', () => {
    expect(JSON.parse(readFileSync('dist/package.json', 'utf8'))).toEqual({ type: 'module' })
    expect(readFileSync('action.yml', 'utf8')).toMatch(/using: node24/)
  })
})
