import * as core from '@actions/core'
import type { CheckResult, CheckStatus, ControlPlaneReport, RunResult, TargetResult } from '../pipeline/types.js'
import type { Finding } from './findings.js'
import { commandLines, type Fix, type Inline } from '../causes/fix.js'
import { clip } from './text.js'

// The runner refuses a step summary over 1 MiB; stay well below it.
export const SUMMARY_BYTE_BUDGET = 900 * 1024
const MAX_CELL_CHARS = 2000
const MAX_EVIDENCE_CHARS = 20_000

const STATUS_MARK: Record<CheckStatus, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  warn: '⚠️ warn',
  skip: '⏭️ skip'
}
const OUTCOME_MARK = { pass: '✅', warn: '⚠️', fail: '❌' } as const

// The claims a person looks at first, in this order; the rest follow alphabetically.
const LEADING_CLAIMS = [
  'iss',
  'sub',
  'aud',
  'ref',
  'ref_type',
  'environment',
  'event_name',
  'job_workflow_ref',
  'workflow_ref',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'runner_environment',
  'tid',
  'oid',
  'appid',
  'azp',
  'idtyp',
  'ver',
  'roles',
  'scp',
  'xms_mirid',
  'iat',
  'nbf',
  'exp'
]
const TIME_CLAIMS = new Set(['iat', 'nbf', 'exp'])

export interface SummaryContext {
  headline: string
  /** Said under the headline: what only-changed left out, a glob that matched nothing. */
  notices?: readonly string[]
  findings: readonly Finding[]
  reportFile: string
  version: string
}

/**
 * Fills `core.summary`'s buffer with the job summary and returns its HTML: the headline, then per target
 * the cause with its meaning and fix, what the key-vs-token comparison proves, the checklist, what was not
 * run and why, and the decoded claims.
 * Evidence goes in collapsed blocks, and is the first thing dropped when the summary grows too large.
 */
export function buildSummary(run: RunResult, context: SummaryContext): string {
  for (const withEvidence of [true, false]) {
    core.summary.emptyBuffer()
    render(run, context, withEvidence)
    if (Buffer.byteLength(core.summary.stringify()) <= SUMMARY_BYTE_BUDGET) return core.summary.stringify()
  }
  // Still too large without evidence (thousands of targets): say so rather than lose the whole summary.
  core.summary.emptyBuffer()
  core.summary.addHeading(`${OUTCOME_MARK[run.outcome]} ${inlineHtml(context.headline)}`, 2)
  core.summary.addRaw(`<p>The full summary is too large for a job summary; read the JSON report: `)
  core.summary.addRaw(`<code>${escapeHtml(context.reportFile)}</code></p>`, true)
  return core.summary.stringify()
}

function render(run: RunResult, context: SummaryContext, withEvidence: boolean): void {
  const { summary } = core
  summary.addHeading(`${OUTCOME_MARK[run.outcome]} ${inlineHtml(context.headline)}`, 2)
  for (const notice of context.notices ?? []) summary.addRaw(`<p>ℹ️ ${inlineHtml(notice)}</p>`, true)
  const targets = worstFirst(run.targets)
  if (run.targets.length > 1) renderTargetTable(targets)
  for (const target of targets) {
    if (run.targets.length > 1) summary.addHeading(escapeHtml(target.label), 3)
    summary.addRaw(`<p>${targetLine(target)}</p>`, true)
    for (const finding of context.findings.filter((f) => f.target === target)) renderFinding(finding)
    renderComparison(target.checks)
    renderChecklist(target.checks)
    renderNotRun(target.checks)
    renderAzureResource(target)
    renderClaims('GitHub OIDC token claims', target.oidcClaims)
    renderClaims('Access token claims', target.accessTokenClaims)
    if (withEvidence) renderEvidence(context.findings.filter((f) => f.target === target))
  }
  summary.addRaw(
    `<p><sub>aoai-auth-check ${escapeHtml(context.version)} · ${run.ms} ms · JSON report: ` +
      `<code>${escapeHtml(context.reportFile)}</code></sub></p>`,
    true
  )
}

const TARGET_MARK: Record<TargetResult['outcome'], string> = { ...STATUS_MARK }
const RANK: Record<TargetResult['outcome'], number> = { fail: 0, warn: 1, pass: 2, skip: 3 }

/** Failures first, then warnings, passes and skipped targets, each in the order the targets were listed. */
export function worstFirst(targets: readonly TargetResult[]): TargetResult[] {
  return targets.map((target, index) => ({ target, index }))
    .sort((a, b) => RANK[a.target.outcome] - RANK[b.target.outcome] || a.index - b.index)
    .map(({ target }) => target)
}

/** One row per target: its result and cause, linked to the file and line it was written on. */
function renderTargetTable(targets: readonly TargetResult[]): void {
  core.summary.addTable([
    [
      { data: 'Target', header: true },
      { data: 'Result', header: true },
      { data: 'Cause', header: true },
      { data: 'Source', header: true }
    ],
    ...targets.map((target) => [
      escapeHtml(target.label),
      TARGET_MARK[target.outcome],
      target.cause ? `<code>${escapeHtml(target.cause)}</code>` : '',
      'file' in target.source ? fileLink(target.source.file, target.source.line) : 'inputs'
    ])
  ])
}

/** `file:line`, linked to the line in the repository at the run's commit when the runner says where that is. */
export function fileLink(file: string, line: number): string {
  const text = `<code>${escapeHtml(`${file}:${line}`)}</code>`
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = process.env
  if (!server || !repository || !sha) return text
  const path = file.split('/').map(encodeURIComponent).join('/')
  return `<a href="${escapeHtml(`${server}/${repository}/blob/${sha}/${path}#L${line}`)}">${text}</a>`
}

function targetLine(target: TargetResult): string {
  const parts = [`Endpoint <code>${escapeHtml(target.endpoint)}</code>`]
  if (target.deployment) parts.push(`deployment <code>${escapeHtml(target.deployment)}</code>`)
  const { source } = target
  if ('file' in source) {
    parts.push(`from ${fileLink(source.file, source.line)}`)
  } else {
    parts.push('from the workflow inputs')
  }
  return parts.join(' · ')
}

function renderFinding(finding: Finding): void {
  const { summary } = core
  const mark = finding.status === 'fail' ? '❌' : '⚠️'
  summary.addHeading(`${mark} <code>${escapeHtml(finding.cause)}</code> — ${inlineHtml(finding.title)}`, 3)
  summary.addRaw(`<p>${inlineHtml(finding.meaning)}</p>`, true)
  summary.addRaw(`<p><b>What was seen</b> (${escapeHtml(finding.check.title)}): `)
  summary.addRaw(`${inlineHtml(clip(finding.check.detail, MAX_CELL_CHARS))}</p>`, true)
  const candidates = finding.check.candidates ?? []
  if (candidates.length > 1) {
    summary.addRaw('<p>The evidence fits more than one cause; what decides between them:</p>', true)
    summary.addList(candidates.map((c) => `<code>${escapeHtml(c.cause)}</code>: ${inlineHtml(c.why)}`))
  }
  if (finding.check.fix) renderFix(finding.check.fix)
}

/** Prose as paragraphs with code and links; commands as code blocks of their shell, wrapped to the summary's width. */
function renderFix(fix: Fix): void {
  const { summary } = core
  summary.addRaw('<p><b>Fix</b></p>', true)
  for (const block of fix) {
    if (block.kind === 'prose') summary.addRaw(`<p>${inlinePartsHtml(block.parts)}</p>`, true)
    else summary.addCodeBlock(escapeHtml(commandLines(block).join('\n')), block.shell)
  }
}

function inlinePartsHtml(parts: readonly Inline[]): string {
  return parts
    .map((part) => {
      if (part.kind === 'code') return `<code>${escapeHtml(part.text)}</code>`
      if (part.kind === 'link') return `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`
      return escapeHtml(part.text)
    })
    .join('')
}

/** Compare mode: what probing with the key as well as the token proves, said once where it is seen first. */
function renderComparison(checks: readonly CheckResult[]): void {
  const comparison = checks.find((check) => check.stage === 'compare' && check.status !== 'skip')
  if (!comparison) return
  const verdict = inlineHtml(clip(comparison.detail, MAX_CELL_CHARS))
  core.summary.addRaw(`<p><b>API key vs Entra ID token</b>: ${verdict}</p>`, true)
}

function renderChecklist(checks: readonly CheckResult[]): void {
  core.summary.addTable([
    [
      { data: 'Check', header: true },
      { data: 'Status', header: true },
      { data: 'Detail', header: true },
      { data: 'ms', header: true }
    ],
    ...checks.map((check) => [
      escapeHtml(check.title),
      STATUS_MARK[check.status],
      inlineHtml(clip(check.detail, MAX_CELL_CHARS)),
      String(check.ms)
    ])
  ])
}

function renderNotRun(checks: readonly CheckResult[]): void {
  const skipped = checks.filter((check) => check.status === 'skip')
  if (skipped.length === 0) return
  // Stages skipped for one reason share it: "GitHub OIDC token, Entra ID access token: the inputs are invalid".
  const byReason = new Map<string, CheckResult[]>()
  for (const check of skipped) byReason.set(check.detail, [...(byReason.get(check.detail) ?? []), check])
  core.summary.addRaw('<p><b>Not run</b></p>', true)
  core.summary.addList(
    [...byReason].map(([reason, checks]) => {
      const titles = checks.map((check) => check.title).join(', ')
      return `${escapeHtml(titles)}: ${inlineHtml(reason)}`
    })
  )
}

const MAX_AZURE_ROWS = 20

function codeOrDash(value: string | null | undefined): string {
  return value ? `<code>${escapeHtml(value)}</code>` : '—'
}

function networkCell(account: NonNullable<ControlPlaneReport['account']>): string {
  if (account.publicNetworkAccess === 'Disabled') {
    const endpoints = account.privateEndpoints?.map((p) => `${p.name} (${p.status})`) ?? []
    return `public access Disabled${endpoints.length ? `; private endpoints: ${escapeHtml(endpoints.join(', '))}` : ''}`
  }
  const acls = account.networkAcls
  if (acls?.defaultAction === 'Deny') {
    return `selected networks only; IP rules: ${escapeHtml(acls.ipRules.join(', ') || 'none')}; virtual network ` +
      `rules: ${acls.virtualNetworkRules} (a GitHub-hosted runner's egress IP is not fixed)`
  }
  return escapeHtml(account.publicNetworkAccess ? `public access ${account.publicNetworkAccess}` : 'not read')
}

/** The "Azure resource" section: what ARM showed of the account, or why it was not read (values escaped). */
function renderAzureResource(target: TargetResult): void {
  const { summary } = core
  const report = target.controlPlane
  if (!report) {
    if (!target.controlPlaneNote) return
    summary.addHeading('Azure resource', 4)
    summary.addRaw(`<p>Not read: ${escapeHtml(target.controlPlaneNote)}</p>`, true)
    return
  }
  summary.addHeading('Azure resource <sub>(Azure Resource Manager)</sub>', 4)
  if (report.state !== 'found' || !report.account) {
    const what = report.state === 'regional'
      ? 'Accounts the identity can read in the endpoint\'s region'
      : 'No account the identity can read has the endpoint\'s custom subdomain; the accounts it can read'
    const accounts = (report.accounts ?? []).slice(0, MAX_AZURE_ROWS)
    const listed = accounts.map((a) => `${codeOrDash(a.name)} ${codeOrDash(a.endpoint)}`).join(', ')
    summary.addRaw(`<p>${what}: ${listed || 'none'}.</p>`, true)
    return
  }
  const account = report.account
  const keys = account.disableLocalAuth === undefined ? 'not read' : account.disableLocalAuth ? 'disabled (disableLocalAuth)' : 'enabled'
  const roles = report.assignments === undefined
    ? 'not readable'
    : report.assignments.slice(0, MAX_AZURE_ROWS).map((a) => `${escapeHtml(a.role)} at ${codeOrDash(a.scope)}` +
        (a.createdOn ? ` (assigned ${escapeHtml(a.createdOn)})` : '')).join('<br>') || 'none'
  const deployments = report.deployments === undefined
    ? 'not readable'
    : report.deployments.slice(0, MAX_AZURE_ROWS).map((d) => `${codeOrDash(d.name)}: ` +
        escapeHtml(`${d.model} ${d.version}, ${d.sku}${d.capacity === undefined ? '' : ` ${d.capacity}`}`)).join('<br>') || 'none'
  const rows: [string, string][] = [
    ['Resource id', codeOrDash(account.id)],
    ['Kind, location', escapeHtml(`${account.kind}, ${account.location}`)],
    ['Custom subdomain', account.subdomain ? codeOrDash(account.subdomain) : 'none (Entra ID tokens cannot be used)'],
    ['Endpoint', codeOrDash(account.endpoint)],
    ['Network', networkCell(account)],
    ['Key authentication', keys],
    ['Roles that reach it', roles],
    ['Deployments', deployments]
  ]
  if (report.gaps?.length) {
    const gaps = report.gaps.map((g) => `${g.read} (${g.status ?? 'no answer'}${g.action ? `, needs ${g.action}` : ''})`)
    rows.push(['Not readable', escapeHtml(gaps.join('; '))])
  }
  summary.addTable([[{ data: 'Setting', header: true }, { data: 'Value', header: true }], ...rows])
}

function renderClaims(heading: string, claims: Record<string, unknown> | undefined): void {
  if (!claims || Object.keys(claims).length === 0) return
  const names = Object.keys(claims).sort((a, b) => claimRank(a) - claimRank(b) || a.localeCompare(b))
  core.summary.addHeading(`${heading} <sub>(decoded; the token itself is never shown)</sub>`, 4)
  core.summary.addTable([
    [
      { data: 'Claim', header: true },
      { data: 'Value', header: true }
    ],
    ...names.map((name) => [`<code>${escapeHtml(name)}</code>`, escapeHtml(claimValue(name, claims[name]))])
  ])
}

function renderEvidence(findings: readonly Finding[]): void {
  for (const finding of findings) {
    const json = clip(JSON.stringify(finding.check.evidence, null, 2), MAX_EVIDENCE_CHARS)
    core.summary.addDetails(
      `Evidence for ${escapeHtml(finding.check.title)}`,
      `<pre><code>${escapeHtml(json)}</code></pre>`
    )
  }
}

function claimRank(name: string): number {
  const index = LEADING_CLAIMS.indexOf(name)
  return index === -1 ? LEADING_CLAIMS.length : index
}

function claimValue(name: string, value: unknown): string {
  if (TIME_CLAIMS.has(name) && typeof value === 'number') {
    return `${value} (${new Date(value * 1000).toISOString()})`
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return clip(text, MAX_CELL_CHARS)
}

/** Escaped text in which `code spans` (the catalogue writes them) become <code>, and line breaks <br>. */
function inlineHtml(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\n/g, '<br>')
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
