// Serves the test world (simulated GitHub OIDC, Entra ID, Azure OpenAI, ARM) until killed, for CI's job that runs
// the action itself with `uses: ./`: appends the world's variables (proxy, CA, the fake OIDC request URL and
// bearer) to the file named by the first argument (e.g. $GITHUB_ENV, so later steps of the job use the world), and
// prints "ready" once it serves. The job must not grant id-token: write, or the runner's real OIDC variables win.
import { appendFileSync } from 'node:fs'
import { startWorld } from '../test/world/index.ts'

const envFile = process.argv[2]
if (!envFile) throw new Error('usage: node scripts/serve-world.ts <env-file>')
const world = await startWorld()
const shared = ['HTTPS_PROXY', 'NODE_EXTRA_CA_CERTS', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN']
const env = world.env()
appendFileSync(envFile, shared.map((name) => `${name}=${env[name]}\n`).join(''))
process.stdout.write('ready\n')
const stop = () => void world.stop().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
