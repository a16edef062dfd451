// The findings as a SARIF 2.1.0 log (for code scanning upload): one rule per cause id, from the catalogue, and one
// result per finding, located on the file and line that holds the value at fault.
import { CATALOGUE } from '../causes/catalogue.js'
import { fixText } from '../causes/fix.js'
import type { CauseId } from '../causes/ids.js'

export interface SarifFinding {
  cause: CauseId
  level: 'error' | 'warning'
  /** One line a person reads; already redacted. */
  message: string
  /** Workspace-relative, `/`-separated. */
  file: string
  line: number
  column?: number
  /** The target's label: results of different targets on one line stay apart. */
  target: string
}

export interface SarifTool {
  name: string
  version: string
  informationUri: string
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'
const CAUSES_DOC = 'docs/causes.md'

export function sarifLog(findings: readonly SarifFinding[], tool: SarifTool): Record<string, unknown> {
  const causes = [...new Set(findings.map((finding) => finding.cause))]
  const rules = causes.map((cause) => {
    const entry = CATALOGUE[cause]
    return {
      id: cause,
      name: ruleName(cause),
      shortDescription: { text: entry.title },
      fullDescription: { text: entry.meaning },
      help: { text: fixText(entry.fix({})) },
      helpUri: `${tool.informationUri}/blob/main/${CAUSES_DOC}#${anchorOf(cause, entry.title)}`,
      defaultConfiguration: {
        level: findings.some((f) => f.cause === cause && f.level === 'error') ? 'error' : 'warning'
      },
      properties: { phase: entry.phase }
    }
  })
  const results = findings.map((finding) => ({
    ruleId: finding.cause,
    ruleIndex: causes.indexOf(finding.cause),
    level: finding.level,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, ...(finding.column ? { startColumn: finding.column } : {}) }
        }
      }
    ],
    partialFingerprints: { 'aoaiAuthCheckTarget/v1': `${finding.cause}:${finding.file}:${finding.target}` },
    properties: { target: finding.target }
  }))
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root (GITHUB_WORKSPACE).' } } },
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
}

/** `missing-data-plane-role` → `MissingDataPlaneRole`. */
function ruleName(cause: CauseId): string {
  return cause.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase())
}

/** GitHub's heading anchor of "`cause`: Title" in docs/causes.md. */
function anchorOf(cause: CauseId, title: string): string {
  return `${cause}: ${title}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-')
}
