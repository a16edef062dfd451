// How many cases each property runs: a few thousand in CI, many more under `npm run fuzz` (FUZZ_RUNS).
export const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

export const runs = { numRuns: NUM_RUNS }

/** Characters the runner, a terminal or a log viewer treat specially, mixed into generated text. */
export const HOSTILE_PIECES = [
  '\n',
  '\r',
  '\r\n',
  '::',
  '::error::',
  '::add-mask::',
  '::stop-commands::',
  '##[',
  '##[error]',
  '\u001b[2J',
  '\u001b]52;c;aGk=\u0007',
  '\u0000',
  '\u0085',
  '\u2028',
  '%0A',
  '\\n',
  ' ',
  '\t'
]
