// The pull request the run is for, from the event context @actions/github reads (GITHUB_EVENT_PATH, GITHUB_REPOSITORY).
import { context } from '@actions/github'
import type { PullRequestRef } from './rest.js'

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target']

/** The pull request of a pull_request or pull_request_target run; undefined for any other event. */
export function pullRequestOfRun(): PullRequestRef | undefined {
  const number = context.payload.pull_request?.number
  if (!PULL_REQUEST_EVENTS.includes(context.eventName) || typeof number !== 'number') return undefined
  const { owner, repo } = context.repo
  return { owner, repo, number }
}
