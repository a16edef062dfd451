import * as core from '@actions/core'

/** Every credential value this run has seen: masked in the log at once, and redacted from all evidence. */
export class SecretRegistry {
  private readonly values: string[] = []

  add(value: string | undefined): void {
    if (!value || this.values.includes(value)) return
    core.setSecret(value)
    this.values.push(value)
  }

  all(): readonly string[] {
    return this.values
  }
}
