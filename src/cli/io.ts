import { closeSync, openSync, readSync } from 'node:fs'

// What a CLI command may touch: its output and its input, so commands stay testable and `cli.ts` stays thin.
import { painterFor, type Paint } from './terminal-report.js'

export interface CommandIo {
  out(text: string): void
  /** A note beside the answer (on standard error), such as the input being cut at the cap. */
  note(text: string): void
  /** Standard input, read up to `maxBytes` (the rest is not read at all). */
  readStdin(maxBytes: number): Promise<CappedInput>
  /** Colour for `out`'s stream: none unless it is a terminal that shows it (NO_COLOR honoured). */
  paint: Paint
}

export interface CappedInput {
  text: string
  /** There was more than `maxBytes`. */
  cut: boolean
}

/** Reads a file's first `maxBytes` (a device such as /dev/zero never ends: only the cap is read). */
export function readFileCapped(path: string, maxBytes: number): CappedInput {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(maxBytes + 1)
    let length = 0
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null)
      if (read === 0) break
      length += read
    }
    return { text: buffer.subarray(0, Math.min(length, maxBytes)).toString('utf8'), cut: length > maxBytes }
  } finally {
    closeSync(fd)
  }
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
  note: (text) => process.stderr.write(text),
  async readStdin(maxBytes) {
    if (process.stdin.isTTY) {
      process.stderr.write('Paste the error, then press Ctrl-D (Ctrl-Z Enter on Windows):\n')
    }
    const chunks: Buffer[] = []
    let length = 0
    for await (const chunk of process.stdin) {
      chunks.push(Buffer.from(chunk as Buffer))
      length += (chunk as Buffer).length
      if (length > maxBytes) {
        process.stdin.destroy()
        break
      }
    }
    const all = Buffer.concat(chunks)
    return { text: all.subarray(0, maxBytes).toString('utf8'), cut: all.length > maxBytes }
  },
  paint: painterFor(process.stdout)
}
