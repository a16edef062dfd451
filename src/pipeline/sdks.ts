// The two large SDKs, loaded on first use: a run that ends before the network (invalid input, a refused endpoint)
// never pays for them, and a run that signs in starts loading them while its first request is in flight. (The
// modules are the process's, like any import: nothing here is per-run state.)
import type * as Identity from '@azure/identity'
import type * as OpenAISdk from 'openai'

let identity: Promise<typeof Identity> | undefined
let openai: Promise<typeof OpenAISdk> | undefined
let loadedOpenAI: typeof OpenAISdk | undefined

export function loadIdentity(): Promise<typeof Identity> {
  return (identity ??= import('@azure/identity'))
}

export function loadOpenAI(): Promise<typeof OpenAISdk> {
  return (openai ??= import('openai').then((module) => (loadedOpenAI = module)))
}

/** Starts loading both SDKs without waiting: the CPU work overlaps a request's wait. */
export function preloadSdks(): void {
  loadIdentity().catch(() => undefined)
  loadOpenAI().catch(() => undefined)
}

/** openai's APIError (an error with the service's answer); false when openai was never loaded, so never threw. */
export function isOpenAIError(error: unknown): error is OpenAISdk.APIError {
  return loadedOpenAI !== undefined && error instanceof loadedOpenAI.APIError
}
