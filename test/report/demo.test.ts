import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)

describe('npm run demo', () => {
  it('shows a passing run and a run failing on the missing data-plane role, with the fix', async () => {
    const { stdout } = await run(process.execPath, ['--import', './test/world/guard.mjs', 'scripts/demo.ts'], {
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000
    })

    const [passing = '', failing = ''] = stdout.split(' 2/2 ')
    expect(passing).toContain('Step succeeded (exit code 0): Azure OpenAI auth check passed')
    expect(passing).toMatch(/result +pass/)
    expect(passing).toContain('Annotations: none')
    expect(failing).toContain('Step failed (exit code 1): Azure OpenAI auth check failed: missing-data-plane-role')
    expect(failing).toMatch(/cause +missing-data-plane-role/)
    expect(failing).toContain('error missing-data-plane-role: ')
    expect(failing).toContain('    az role assignment create --assignee-object-id ')
    expect(failing).toMatch(/JSON report: outcome fail, \d+ checks with evidence/)
    expect(stdout).not.toMatch(/<\/?(?:p|td|code|h\d)>|&quot;|&lt;/)
  }, 90_000)
})
