// What a CLI command may touch: its output and its input, so commands stay testable and `cli.ts` stays thin.

export interface CommandIo {
  out(text: string): void
  readStdin(): Promise<string>
}

export const processIo: CommandIo = {
  out: (text) => process.stdout.write(text),
  async readStdin() {
    if (process.stdin.isTTY) {
      process.stderr.write('Paste the error, then press Ctrl-D (Ctrl-Z Enter on Windows):\n')
    }
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer))
    return Buffer.concat(chunks).toString('utf8')
  }
}
