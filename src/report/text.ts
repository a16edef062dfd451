/** Cuts `text` to at most `max` characters, saying so, so one huge value cannot crowd out the rest. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const marker = ` … (${text.length - max} more characters)`
  return text.slice(0, Math.max(0, max - marker.length)) + marker
}
