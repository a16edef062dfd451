// `aoai-auth-check explain`: reads a pasted error, names the cause and the fix.
import { CATALOGUE } from '../causes/catalogue.js'
import { fixText, type Fix } from '../causes/fix.js'
import { explain } from '../diagnosis/explain.js'
import type { Diagnosis, ErrorPhase } from '../diagnosis/types.js'
import { findJwts } from '../security/jwt.js'
import { unwrappedText } from '../diagnosis/text.js'
import { describeFlags, parseFlags, UsageError, type FlagSpec } from './args.js'
import { readFileCapped, type CappedInput, type CommandIo } from './io.js'
import { fixLines } from './terminal-report.js'
import { neutralise } from '../security/neutralise.js'
import { redactSecrets } from '../security/redact.js'

/** More than an error text ever needs; the rest is not read, so a huge paste or /dev/zero answers at once. */
export const MAX_INPUT_BYTES = 256 * 1024

const PHASES: readonly ErrorPhase[] = ['github-oidc', 'entra-token', 'data-plane', 'arm']

const FLAGS: Record<string, FlagSpec> = {
  status: {
    kind: 'integer',
    valueName: 'N',
    min: 100,
    max: 599,
    description: 'the HTTP status, when the text lacks it'
  },
  phase: { kind: 'choice', values: PHASES, description: 'where the error came from' },
  json: { kind: 'boolean', description: 'print one JSON object instead of the human answer' },
  file: { kind: 'string', valueName: 'F', description: 'read the error text from file F instead of standard input' },
  help: { kind: 'boolean', description: 'show this help' }
}

const EXPLAIN_HELP = `Usage: aoai-auth-check explain [--status N] [--phase ${PHASES.join('|')}] [--json] [--file F]

Names the cause of an Azure OpenAI, Entra ID or GitHub OIDC authentication error and the fix.
Paste the error on standard input (a response body, an SDK exception, a log, curl -v output), or pass --file.
A JWT in the text is decoded locally for its claims and never printed back.
Exit status: 0 when a cause is named, 1 when it is unknown (the answer is printed either way), 2 on a usage error.

${describeFlags(FLAGS)}

Examples:
  pbpaste | aoai-auth-check explain
  aoai-auth-check explain --status 401 --phase data-plane --json < error.txt
`

interface ExplainAnswer {
  cause: Diagnosis['cause']
  candidates: Diagnosis['candidates']
  title: string
  /** The fix as plain text (for readers of the first version of this answer); `fixBlocks` holds it as data. */
  fix: string
  fixBlocks: Fix
  evidence: Record<string, unknown>
}

/** The answer for one error text: the diagnosis plus the catalogue's title and fix with the values it shows. */
function explainText(text: string, status?: number, phase?: ErrorPhase): ExplainAnswer {
  const { diagnosis, entry, fix } = explain({ text, status, phase })
  return {
    cause: diagnosis.cause,
    candidates: diagnosis.candidates,
    title: entry.title,
    fix: fixText(fix),
    fixBlocks: fix,
    evidence: diagnosis.evidence
  }
}

export async function runExplain(argv: readonly string[], io: CommandIo): Promise<number> {
  const flags = parseFlags(argv, FLAGS, 'this command reads the error text from standard input or --file')
  if (flags.help) {
    io.out(EXPLAIN_HELP)
    return 0
  }
  const input = typeof flags.file === 'string' ? readInputFile(flags.file) : await io.readStdin(MAX_INPUT_BYTES)
  if (input.cut) {
    io.note(`aoai-auth-check explain: the text is longer than ${MAX_INPUT_BYTES / 1024} KiB; only its first ` +
      `${MAX_INPUT_BYTES / 1024} KiB were read (an error is in its first lines: paste those)\n`)
  }
  const text = input.text
  if (!text.trim()) {
    throw new UsageError(
      'no error text: pipe it on standard input (aoai-auth-check explain < error.txt) or ' + 'use --file F'
    )
  }
  const answer = explainText(text, flags.status as number | undefined, flags.phase as ErrorPhase | undefined)
  const output = flags.json ? JSON.stringify(answer, null, 2) + '\n' : humanAnswer(answer)
  // Secrets of any shape the engine knows are masked too (GitHub tokens, SAS signatures, account keys), and the
  // human answer carries no terminal escape sequence (a pasted OSC 52 or CSI is shown, not obeyed).
  const guarded = redactSecrets(withoutPastedSecrets(output, text))
  io.out(flags.json ? guarded : neutralise(guarded, 'block'))
  // A script can tell "named a cause" from "could not": the answer is printed either way.
  return answer.cause === 'unknown' ? 1 : 0
}

/**
 * The answer holds claims, never tokens; this guard keeps it so whatever a rule extracted from the paste: the
 * tokens in it, whole or wrapped over lines (each line's piece of a wrapped token is masked on its own).
 */
function withoutPastedSecrets(output: string, pasted: string): string {
  const bearers = [...pasted.matchAll(/\bBearer\s+([^\s"',;}]{16,})/gi)].map((match) => match[1])
  const tokens = [...new Set([...findJwts(pasted), ...findJwts(unwrappedText(pasted))])]
  const pieces = [...pasted.replace(/\\+[nrt]/g, ' ').matchAll(/[A-Za-z0-9_.-]{8,}/g)]
    .map((match) => match[0])
    .filter((piece) => tokens.some((token) => token.includes(piece)))
  let guarded = output
  for (const secret of [...tokens, ...bearers, ...pieces].sort((a, b) => b.length - a.length)) {
    guarded = guarded.split(secret).join('***')
  }
  return guarded
}

function readInputFile(path: string): CappedInput {
  try {
    return readFileCapped(path, MAX_INPUT_BYTES)
  } catch (error) {
    throw new UsageError(`--file ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}

function humanAnswer(answer: ExplainAnswer): string {
  const [best, ...others] = answer.candidates
  const lines = [`Cause: ${answer.title} (${answer.cause})`, `Why:   ${best.why}`]
  if (typeof answer.evidence.phase === 'string') lines.push(`Phase: ${answer.evidence.phase}`)
  lines.push('', 'Fix:', ...fixLines(answer.fixBlocks))
  if (others.length) {
    lines.push('', 'The text alone cannot decide; other possible causes, and what decides:')
    for (const other of others) lines.push(`  - ${CATALOGUE[other.cause].title} (${other.cause}): ${other.why}`)
  }
  const evidence = describeEvidence(answer.evidence)
  if (evidence) lines.push('', `Evidence: ${evidence}`)
  return lines.join('\n') + '\n'
}

function describeEvidence(evidence: Record<string, unknown>): string {
  return Object.entries(evidence)
    .filter(([key]) => key !== 'excerpt')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ')
}
