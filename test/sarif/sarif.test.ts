import { describe, expect, test } from 'vitest'
import { sarifLog, type SarifFinding } from '../../src/report/sarif.ts'
import { sarifErrors } from './validate.ts'

const TOOL = { name: 'aoai-auth-check', version: '0.1.0', informationUri: 'https://github.com/org/aoai-auth-check' }

const findings: SarifFinding[] = [
  {
    cause: 'untrusted-endpoint-host',
    level: 'error',
    message: 'evil.example may not receive credentials; nothing was sent',
    file: 'services/chat/.env',
    line: 2,
    column: 23,
    target: 'evil.example (gpt-4o-mini)'
  },
  {
    cause: 'api-key-in-repository',
    level: 'warning',
    message: 'AZURE_OPENAI_API_KEY commits an API key (32 hexadecimal characters, not shown)',
    file: 'services/chat/.env',
    line: 3,
    target: 'evil.example (gpt-4o-mini)'
  },
  {
    cause: 'deployment-not-found',
    level: 'error',
    message: 'deployment gpt-5 does not exist',
    file: 'config/app settings.json',
    line: 7,
    column: 5,
    target: 'contoso.openai.azure.com (gpt-5)'
  }
]

describe('the SARIF log', () => {
  test('is valid SARIF 2.1.0 by the OASIS schema', () => {
    expect(sarifErrors(sarifLog(findings, TOOL))).toEqual([])
    expect(sarifErrors(sarifLog([], TOOL))).toEqual([])
  })

  test('the schema check can fail: a result without a message is refused', () => {
    const log = sarifLog(findings, TOOL) as { runs: { results: Record<string, unknown>[] }[] }
    delete log.runs[0].results[0].message
    expect(sarifErrors(log)).not.toEqual([])
  })

  test('one rule per cause from the catalogue; each result on its file, line and column', () => {
    const log = sarifLog(findings, TOOL) as {
      runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: unknown[] }[]
    }
    const [run] = log.runs
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual([
      'untrusted-endpoint-host',
      'api-key-in-repository',
      'deployment-not-found'
    ])
    expect(run.tool.driver.rules[1].shortDescription.text).toBe('A config file in the repository commits an API key')
    expect(run.results[0]).toMatchObject({
      ruleId: 'untrusted-endpoint-host',
      ruleIndex: 0,
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'services/chat/.env', uriBaseId: '%SRCROOT%' },
            region: { startLine: 2, startColumn: 23 }
          }
        }
      ]
    })
    expect(run.results[2]).toMatchObject({
      locations: [{ physicalLocation: { artifactLocation: { uri: 'config/app%20settings.json' } } }]
    })
  })
})
