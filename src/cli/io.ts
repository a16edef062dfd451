// What a CLI command may touch: its output and its input, so commands stay testable and `cli.ts` stays thin.
import { painterFor, type Paint } from './terminal-report.js'

export interface CommandIo {
  out(text: string): void
  readStdin(): Promise<string>
  /** Colour for `out`'s stream: none unless it is a terminal that shows it (NO_COLOR honoured). */
  paint: Paint
}

const write = process.stdout.write.bind(process.stdout)

/**
 * The engine speaks @actions/core, which writes workflow commands (`::add-mask::<secret>`, `::debug::…`) to
 * standard output, each line in one write. Outside a runner they mean nothing and would print the very values
 * they mask: standard output takes only what a command writes through `out`.
 */
export function silenceWorkflowCommands(): void {
  const filtered = (chunk: string | Uint8Array, ...rest: never[]): boolean =>
    String(chunk).startsWith('::') ? true : write(chunk, ...rest)
  process.stdout.write = filtered
}

export const processIo: CommandIo = {
  out: (text) => void write(text),
  async readStdin() {
    if (process.stdin.isTTY) {
      process.stderr.write('Paste the error, then press Ctrl-D (Ctrl-Z Enter on Windows):\n')
    }
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer))
    return Buffer.concat(chunks).toString('utf8')
  },
  paint: painterFor(process.stdout)
}
