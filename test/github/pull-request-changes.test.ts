import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { changedFiles, changedLinesOfPatch, touches } from '../../src/github/pull-request-changes.ts'

// A patch as the REST API returns it in `patch`: hunks only, no file header.
const PATCH = [
  '@@ -1,6 +1,7 @@',
  ' # staging',
  ' AZURE_OPENAI_ENDPOINT=https://contoso.openai.azure.com/',
  '-AZURE_OPENAI_DEPLOYMENT=gpt-35-turbo',
  '+AZURE_OPENAI_DEPLOYMENT=gpt-4o-mini',
  '+AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME=text-embedding-3-small',
  ' AZURE_OPENAI_API_VERSION=2024-10-21',
  ' ',
  ' # production',
  '@@ -20,4 +21,3 @@ targets:',
  '   - endpoint: https://contoso-eu.openai.azure.com/',
  '-    deployment: gpt-4',
  '     probe: chat',
  '\\ No newline at end of file'
].join('\n')

describe('the lines a patch changes', () => {
  test('added lines count by their number in the new file; context lines do not', () => {
    // 1-2 context, 3-4 added (the removal before them touches 2 and 3), 5-7 context;
    // the second hunk: 21 context, a removal between 21 and 22, 22 context.
    expect([...changedLinesOfPatch(PATCH)].sort((a, b) => a - b)).toEqual([2, 3, 4, 21, 22])
  })

  test('a file the pull request adds, or one without a patch (binary, or too large a diff), counts whole', () => {
    const changes = changedFiles([
      { filename: 'new/.env', status: 'added', patch: '@@ -0,0 +1,2 @@\n+A=1\n+B=2' },
      { filename: 'huge.json', status: 'modified' },
      { filename: 'gone.env', status: 'removed', patch: '@@ -1 +0,0 @@\n-A=1' },
      { filename: '.env', status: 'modified', patch: PATCH }
    ])
    expect(changes.get('new/.env')?.whole).toBe(true)
    expect(changes.get('huge.json')?.whole).toBe(true)
    expect(changes.has('gone.env')).toBe(false)
    expect(changes.get('.env')?.whole).toBe(false)
  })

  test('a target is changed when a changed line falls in its block', () => {
    const changes = changedFiles([{ filename: '.env', status: 'modified', patch: PATCH }]).get('.env')
    expect(touches(changes, { start: 3, end: 3 })).toBe(true)
    expect(touches(changes, { start: 5, end: 20 })).toBe(false)
    expect(touches(changes, { start: 22, end: 24 })).toBe(true)
    expect(touches(undefined, { start: 1, end: 100 })).toBe(false)
  })

  test('any text: only line numbers at or after a hunk start, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        for (const line of changedLinesOfPatch(text)) expect(Number.isInteger(line) && line >= 0).toBe(true)
      })
    )
  })
})
