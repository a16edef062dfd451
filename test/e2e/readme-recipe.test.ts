// The README's own recipe, tested: the federated credentials its setup commands register, and each of its example
// workflows run as GitHub would run their jobs (trigger, environment, matrix), through the committed bundle against
// the world's Entra ID holding exactly those credentials. Every example's job must get its token, in both subject
// forms (the name form and the immutable owner@id/repo@id form the README shows how to read).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runAction } from '../harness/run-action.ts'
import {
  buildScenario,
  CLIENT_ID,
  ENDPOINT,
  GITHUB_ISSUER,
  OWNER,
  OWNER_ID,
  PRINCIPAL_ID,
  REPO,
  REPO_ID,
  TENANT_ID,
  type EventKind,
  type FederatedCredential,
  type SubjectFormat
} from '../world/index.ts'
import { checkStatuses, expectNoSecrets, sharedWorld } from './support.ts'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const world = sharedWorld()

function fencedBlocks(language: string): string[] {
  return [...README.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm'))].map((m) => m[1])
}

/** `add_subject <name> "<subject>" [audience]`, wherever the README calls it (code blocks and prose). */
function recipeCredentials(repoPrefix: string): FederatedCredential[] {
  const calls = [...README.matchAll(/^\s*`?add_subject (\S+)\s+"([^"]+)"(?:\s+(api:\/\/[A-Za-z]+))?/gm)]
  const unique = new Map<string, FederatedCredential>()
  for (const [, name, subject, audience = 'api://AzureADTokenExchange'] of calls) {
    const resolved = subject.replace('$REPO', repoPrefix)
    unique.set(`${resolved} ${audience}`, { name, issuer: GITHUB_ISSUER, subject: resolved, audiences: [audience] })
  }
  return [...unique.values()]
}

/** The subject prefixes the README tells you to set REPO to: the name form, and what its gh api command prints. */
function repoPrefixes(): Record<'default' | 'immutable', string> {
  const named = /^REPO=(repo:\S+)/m.exec(README)?.[1] ?? 'REPO=… missing from the recipe'
  const printed = /gh api repos\/\S+ --jq .*\n# (repo:\S+)/.exec(README)?.[1] ?? 'the gh api output is missing'
  return { default: named, immutable: printed }
}

interface ExampleJob {
  workflow: string
  event: EventKind
  environment?: string
  inputs: Record<string, string>
}

const VARIABLES: Record<string, string> = {
  AZURE_CLIENT_ID: CLIENT_ID,
  AZURE_TENANT_ID: TENANT_ID,
  AZURE_OPENAI_ENDPOINT: ENDPOINT,
  AZURE_USGOV_CLIENT_ID: CLIENT_ID,
  AZURE_USGOV_TENANT_ID: TENANT_ID
}

function resolve(value: unknown): string {
  return String(value).replace(/\$\{\{\s*vars\.(\w+)\s*\}\}/g, (_, name: string) => {
    expect(VARIABLES, `a world value for vars.${name}`).toHaveProperty(name)
    return VARIABLES[name]
  })
}

const EVENTS: Record<string, EventKind> = {
  push: 'push',
  pull_request: 'pull_request',
  workflow_dispatch: 'workflow_dispatch',
  schedule: 'workflow_dispatch'
}

/** Every job of every README workflow that uses the action, once per trigger and matrix environment. */
function exampleJobs(): ExampleJob[] {
  const jobs: ExampleJob[] = []
  for (const block of fencedBlocks('yaml')) {
    const workflow = parse(block) as {
      name: string
      on: Record<string, unknown>
      jobs?: Record<
        string,
        {
          environment?: string
          strategy?: { matrix?: { environment?: string[] } }
          steps: { uses?: string; with?: Record<string, unknown> }[]
        }
      >
    }
    if (!workflow.jobs) continue
    for (const job of Object.values(workflow.jobs)) {
      const step = job.steps.find((s) => s.uses?.includes('aoai-auth-check@'))
      if (!step) continue
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, resolve(v)]))
      const environments = job.environment?.includes('matrix.environment')
        ? (job.strategy?.matrix?.environment ?? ['(no matrix.environment list)'])
        : [job.environment]
      const events = [...new Set(Object.keys(workflow.on).map((trigger) => EVENTS[trigger]))]
      for (const event of events) {
        expect(event, `a world event for the triggers of ${workflow.name}`).toBeDefined()
        for (const environment of environments) jobs.push({ workflow: workflow.name, event, environment, inputs })
      }
    }
  }
  return jobs
}

describe("the README's recipe and examples", () => {
  const jobs = exampleJobs()

  it('covers every example: quick start, gate, pull request, matrix, sovereign cloud, API Management', () => {
    expect(new Set(jobs.map((job) => job.workflow))).toEqual(
      new Set([
        'aoai-auth-check',
        'deploy',
        'ai-config',
        'environments',
        'aoai-auth-check-usgov',
        'aoai-auth-check-apim'
      ])
    )
    expect(jobs.map((job) => job.environment)).toEqual(expect.arrayContaining(['production', 'staging']))
  })

  it('shows the immutable subject the way GitHub presents it for the repository', () => {
    expect(repoPrefixes().immutable).toBe(`repo:${OWNER}@${OWNER_ID}/${REPO}@${REPO_ID}`)
  })

  for (const format of ['default', 'immutable'] as const satisfies readonly SubjectFormat[]) {
    for (const job of jobs) {
      const where = `${job.workflow} (${job.event}${job.environment ? `, environment ${job.environment}` : ''})`
      it(`${where} gets its Entra token with the recipe's credentials, ${format} subjects`, async () => {
        const credentials = recipeCredentials(repoPrefixes()[format])
        world().scenario = buildScenario({
          github: { event: job.event, environment: job.environment, subjectFormat: format },
          tenants: [{ identities: [{ federatedCredentials: credentials }] }]
        })
        const run = await runAction(world(), { inputs: job.inputs })
        expect(checkStatuses(run)['entra-token'], run.stdout).toBe('pass')
        expect(run.outputs['principal-id']).toBe(PRINCIPAL_ID)
        expect(credentials.map((c) => c.subject)).toContain(run.outputs['oidc-subject'])
        expectNoSecrets(run, world())
      })
    }
  }
})
