/** The candidates nearest to a mistyped name (deployment, account subdomain), nearest first. */
export function nearestNames(wanted: string, candidates: readonly string[], max = 3): string[] {
  const key = (name: string) => name.toLowerCase().replace(/[-_.\s]/g, '')
  const target = key(wanted)
  const limit = Math.max(2, Math.ceil(target.length / 3))
  return candidates
    .map((name) => ({ name, distance: editDistance(target, key(name)) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, max)
    .map(({ name }) => name)
}

/** Levenshtein distance with adjacent transpositions (a swapped pair of letters is one typo). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) rows[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, substitution)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2][j - 2] + 1)
      rows[i][j] = best
    }
  }
  return rows[a.length][b.length]
}
