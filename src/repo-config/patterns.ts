/** `config-file` as given: newline or comma separated, blanks dropped. */
export function splitPatterns(input: string): string[] {
  return input
    .split(/[\n,]/)
    .map((pattern) => pattern.trim())
    .filter(Boolean)
}
