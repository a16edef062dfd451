import * as core from '@actions/core'

export async function run(): Promise<void> {
  core.info('aoai-auth-check: not implemented yet')
}
