/* eslint-disable no-control-regex -- these tests are about control characters */
// `explain` against hostile text (issue 7, item 7): secrets of shapes it does not decode never come back, terminal
// escapes are shown and not obeyed, and a huge or endless input is read only up to its cap, with a note.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

function run(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

// source: https://github.com/Azure/login/issues/379 (the subject), with a secret of each shape pasted beside it
const SUBJECT_ERROR =
  'Error: AADSTS700213: No matching federated identity record found for presented assertion ' +
  "subject 'repo:yoonaoh/github-action-testfunctionapp-java:ref:refs/heads/master'."
const GITHUB_TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a'
const SAS = 'https://contoso.blob.core.windows.net/logs?sv=2022-11-02&ss=b&sig=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA%3D%3D'
const ACCOUNT_KEY =
  'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=bXlzdG9yYWdla2V5bXlzdG9yYWdla2V5bXlzdG9yYWdla2V5MTIzNA==;EndpointSuffix=core.windows.net'

describe('explain --json never echoes a secret it does not decode', () => {
  for (const [shape, secret, hidden] of [
    ['a GitHub token', `GITHUB_TOKEN is ${GITHUB_TOKEN}`, GITHUB_TOKEN],
    ['a SAS signature', `uploading to ${SAS} failed`, 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA'],
    ['a storage account key', ACCOUNT_KEY, 'bXlzdG9yYWdla2V5bXlzdG9yYWdla2V5']
  ] as const) {
    it(`${shape} in a text no rule knows (its excerpt is shown), or beside a known error`, () => {
      for (const flags of [['--json'], []]) {
        // Exit 1: nothing names a cause (the answer is still printed); exit 0: the subject error is named.
        for (const [text, exit] of [
          [`The step failed: ${secret}\n`, 1],
          [`${SUBJECT_ERROR}\n${secret}\n`, 0]
        ] as const) {
          const { status, stdout } = run(['explain', ...flags], text)
          expect(status).toBe(exit)
          expect(stdout).not.toContain(hidden)
        }
      }
    })
  }
})

describe("explain's human answer carries no terminal escape sequence", () => {
  it('an OSC 52 (clipboard write) and a CSI in the paste are shown as text, not sent to the terminal', () => {
    const osc52 = '\u001b]52;c;ZWNobyBwd25lZA==\u0007'
    const csi = '\u001b[2J\u001b[31m'
    const { status, stdout } = run(['explain'], `${SUBJECT_ERROR.replace('repo:', `repo:${osc52}${csi}`)}\n`)
    expect(status).toBe(0)
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
  })
})

describe('explain reads a bounded input', () => {
  it('--file /dev/zero answers at once, saying the text was cut', () => {
    const { status, stderr } = run(['explain', '--file', '/dev/zero'])
    // Zero bytes name no cause: an answer (unknown, exit 1), at once.
    expect(status).toBe(1)
    expect(stderr).toMatch(/only its first 256 KiB were read/)
  })

  it('1 MB of hyphenated text on standard input answers, saying the text was cut', () => {
    const { status, stdout, stderr } = run(['explain', '--json'], `${SUBJECT_ERROR}\n${'x-ms-'.repeat(220_000)}`)
    expect(status).toBe(0)
    expect((JSON.parse(stdout) as { cause: string }).cause).toBe('fic-subject-mismatch')
    expect(stderr).toMatch(/longer than 256 KiB/)
  })
})
