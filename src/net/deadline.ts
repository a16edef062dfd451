/** Thrown when the run's one overall deadline (`timeout-seconds`) runs out. */
export class DeadlineExceededError extends Error {
  readonly seconds: number
  constructor(seconds: number, what: string) {
    super(`${what} did not finish within the overall deadline of ${seconds} s (timeout-seconds)`)
    this.name = 'DeadlineExceededError'
    this.seconds = seconds
  }
}

/** The one overall deadline of a run. Every network call races it, so the action never hangs a job. */
export class Deadline {
  readonly seconds: number
  readonly at: number
  readonly signal: AbortSignal
  /** True once a call was abandoned unfinished because the deadline ran out. */
  abandonedWork = false

  constructor(seconds: number, now = Date.now()) {
    this.seconds = seconds
    this.at = now + seconds * 1000
    this.signal = AbortSignal.timeout(seconds * 1000)
  }

  remainingMs(): number {
    return Math.max(0, this.at - Date.now())
  }

  expired(): boolean {
    return this.remainingMs() === 0
  }

  /** Settles like `work`, or rejects with DeadlineExceededError when the deadline comes first. */
  race<T>(work: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.abandonedWork = true
        reject(new DeadlineExceededError(this.seconds, what))
      }, this.remainingMs())
      work.then(
        (value) => {
          clearTimeout(timer)
          resolve(value)
        },
        (error: unknown) => {
          clearTimeout(timer)
          reject(error)
        }
      )
    })
  }

  /** Waits `ms`, or rejects when the deadline would pass first. */
  async sleep(ms: number, what: string): Promise<void> {
    if (ms >= this.remainingMs()) throw new DeadlineExceededError(this.seconds, what)
    await new Promise((resolve) => setTimeout(resolve, ms))
  }
}
