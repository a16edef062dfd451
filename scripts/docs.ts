// The generated docs: docs/causes.md from the cause catalogue, and the README's marked sections (inputs, outputs,
// causes) from action.yml and the catalogue, the way actions/checkout's generate-docs rewrites its README.
import { parse } from 'yaml'
import { CATALOGUE } from '../src/causes/catalogue.ts'
import { inlineText, type Fix, type Inline } from '../src/causes/fix.ts'
import { CAUSES_BY_PHASE, type CausePhase } from '../src/causes/ids.ts'
import { SIGNS } from '../src/causes/signs.ts'

const PHASE_TITLES: Record<CausePhase, string> = {
  inputs: 'Inputs and static endpoint checks',
  'github-oidc': 'GitHub OIDC',
  'entra-token': 'Entra ID token',
  'data-plane': 'Azure OpenAI data plane',
  transport: 'Transport',
  'control-plane': 'Control plane',
  other: 'Anything else'
}

const GENERATED = '<!-- Generated from src/causes/ by `npm run build`: edit the catalogue, not this file. -->'

const CAUSES_INTRO = `# Causes

${GENERATED}

Every failure the action reports, and every error \`aoai-auth-check explain\` recognises, maps to one of these cause
ids (or, when the evidence cannot decide, to a ranked list of them). The ids are a public contract: the \`cause\`
and \`causes\` outputs, the JSON report and \`explain --json\` use them.

Each entry gives what the cause means, how the evidence shows it, real error texts that lead to it, and the fix. In
the action (and in \`explain\`, as far as the pasted text shows them) the fix is filled in with your own values:
client id, subject, principal id, endpoint. Below, those values appear as \`<placeholders>\`.
`

/** docs/causes.md: every cause by phase, with its meaning, how it shows, examples and the fix with placeholders. */
export function causesDoc(): string {
  const sections = [CAUSES_INTRO]
  for (const [phase, ids] of Object.entries(CAUSES_BY_PHASE) as [CausePhase, readonly string[]][]) {
    sections.push(`## ${PHASE_TITLES[phase]}\n`)
    for (const id of ids) {
      const entry = CATALOGUE[id as keyof typeof CATALOGUE]
      const { signs, examples } = SIGNS[entry.id]
      sections.push(`### \`${entry.id}\`: ${entry.title}\n`, `${entry.meaning}\n`, `**How it shows:** ${signs}\n`)
      if (examples.length > 0) {
        sections.push(
          '**Seen as:**\n',
          examples
            .map((example) => `- \`${example.text.replaceAll('`', "'")}\` ([source](${example.source}))`)
            .join('\n') + '\n'
        )
      }
      sections.push('**Fix:**\n', fixMarkdown(entry.fix({})))
    }
  }
  return sections.join('\n')
}

/** A fix in Markdown: paragraphs with code and links, commands in fenced blocks of their shell. */
export function fixMarkdown(fix: Fix): string {
  return fix
    .map((block) =>
      block.kind === 'prose'
        ? `${inlineMarkdown(block.parts)}\n`
        : `\`\`\`${block.shell}\n${block.lines.join('\n')}\n\`\`\`\n`
    )
    .join('\n')
}

function inlineMarkdown(parts: readonly Inline[]): string {
  return parts.map((part) => (part.kind === 'link' ? `[${part.text}](${part.href})` : inlineText([part]))).join('')
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')
}

interface ActionMetadata {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs?: Record<string, { description?: string }>
}

function cell(text: string): string {
  return text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim()
}

/** The README's generated sections, each the Markdown between `<!-- name:start -->` and `<!-- name:end -->`. */
export function readmeSections(actionYml: string): Record<string, string> {
  const metadata = parse(actionYml) as ActionMetadata
  const inputs = Object.entries(metadata.inputs ?? {}).map(([name, input]) => {
    const fallback = input.required ? '(required)' : input.default ? `\`${input.default}\`` : ''
    return `| \`${name}\` | ${fallback} | ${cell(input.description ?? '')} |`
  })
  const outputs = Object.entries(metadata.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description ?? '')} |`
  )
  const causes = Object.values(CATALOGUE).map((entry) => {
    const anchor = anchorOf(`\`${entry.id}\`: ${entry.title}`)
    return `| ${entry.phase} | [\`${entry.id}\`](docs/causes.md#${anchor}) | ${cell(entry.title)} |`
  })
  return {
    inputs: ['| input | default | meaning |', '|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | value |', '|---|---|', ...outputs].join('\n'),
    causes: ['| phase | cause | title |', '|---|---|---|', ...causes].join('\n')
  }
}

/** The README with each marked section rewritten; a marker missing or out of order is an error, not a silent skip. */
export function withGeneratedSections(readme: string, sections: Record<string, string>): string {
  let text = readme
  for (const [name, body] of Object.entries(sections)) {
    const start = `<!-- ${name}:start -->`
    const end = `<!-- ${name}:end -->`
    const from = text.indexOf(start)
    const to = text.indexOf(end)
    if (from === -1 || to < from) throw new Error(`README.md needs the markers ${start} … ${end}, in that order`)
    text = `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`
  }
  return text
}
