import { analyseEndpoint, describeKind, displayEndpoint } from '../../azure/endpoint.js'
import { credentialHostVerdict } from '../../azure/host-policy.js'
import { causeOutcome } from '../diagnose.js'
import { known, type CheckStep, type TargetContext } from '../types.js'
export const endpointUrlCheck: CheckStep<TargetContext> = {
  id: 'endpoint-url',
  stage: 'endpoint',
  title: 'Endpoint is an https base URL',
  needs: ['inputs'],
  async run(context) {
    const { facts, problem } = analyseEndpoint(context.config)
    context.endpoint = facts
    const endpoint = displayEndpoint(context.config.endpoint)
    const evidence = { endpoint, ...(facts?.pasted ? { pasted: facts.pasted } : {}) }
    if (problem) return causeOutcome(context, 'endpoint-malformed', 'fail', `The endpoint ${problem}.`, evidence)
    const { base, kind } = known(facts, 'the endpoint facts')
    const surface =
      kind === 'foundry-project'
        ? `; its OpenAI API is ${base}/openai/v1/` +
          (context.config.apiVersion === 'v1' ? '' : ` (v1 only, so api-version ${context.config.apiVersion} is not used)`)
        : ''
    return { status: 'pass', detail: `${base}/ (${describeKind(kind)}${surface}).`, evidence: { ...evidence, kind } }
  }
}

export const endpointCloudCheck: CheckStep<TargetContext> = {
  id: 'endpoint-cloud',
  stage: 'endpoint',
  title: 'Endpoint is in the chosen cloud',
  needs: ['endpoint-url'],
  async run(context) {
    const facts = known(context.endpoint, 'the endpoint facts')
    const chosen = context.config.cloud.name
    const evidence = { host: facts.host, environment: chosen, endpointCloud: facts.hostCloud ?? null }
    if (facts.hostCloud && facts.hostCloud !== chosen) {
      return causeOutcome(
        context,
        'endpoint-cloud-mismatch',
        'fail',
        `${facts.host} is an ${facts.hostCloud} host, but environment is ${chosen}: sign-in, audience and scope ` +
          `would all be for the wrong cloud.`,
        evidence
      )
    }
    const detail = facts.hostCloud
      ? `${facts.host} is an ${chosen} host.`
      : `${facts.host} is not an Azure AI host of any cloud; only allowed-hosts may receive credentials.`
    return { status: 'pass', detail, evidence }
  }
}

export const hostPolicyCheck: CheckStep<TargetContext> = {
  id: 'host-policy',
  stage: 'endpoint',
  title: 'Credentials go only to trusted hosts',
  needs: ['endpoint-cloud'],
  async run(context) {
    const { host } = known(context.endpoint, 'the endpoint facts')
    const verdict = credentialHostVerdict(host, context.config.cloud, context.config.allowedHosts)
    if (verdict.allowed) context.trustedHost = host
    const evidence = { host, allowedHosts: context.config.allowedHosts, reason: verdict.reason ?? null }
    if (!verdict.allowed) {
      return causeOutcome(
        context,
        'untrusted-endpoint-host',
        'fail',
        `${host} is neither an Azure AI host of ${context.config.cloud.name} nor listed in allowed-hosts, so no token or ` +
          `key was sent to it.`,
        evidence
      )
    }
    const detail =
      verdict.reason === 'allowed-hosts'
        ? `${host} is listed in allowed-hosts.`
        : `${host} is an Azure AI host of ${context.config.cloud.name}.`
    return { status: 'pass', detail, evidence }
  }
}

export const endpointHostCheck: CheckStep<TargetContext> = {
  id: 'endpoint-host',
  stage: 'endpoint',
  title: 'Endpoint takes Entra ID tokens',
  needs: ['host-policy'],
  async run(context) {
    const facts = known(context.endpoint, 'the endpoint facts')
    const evidence = { host: facts.host, kind: facts.kind, scope: facts.scope }
    if (facts.kind === 'regional') {
      return causeOutcome(
        context,
        'regional-endpoint-no-subdomain',
        'fail',
        `${facts.host} is a regional endpoint: Entra ID tokens need the resource's custom subdomain endpoint ` +
          `(https://<name>.${context.config.cloud.subdomainSuffixes[0]}/); regional endpoints take only keys.`,
        evidence
      )
    }
    const detail =
      facts.kind === 'gateway'
        ? `${facts.host} is a gateway: its policy decides which token it takes. Token scope: ${facts.scope}.`
        : `${facts.host} is ${describeKind(facts.kind)}. Token scope: ${facts.scope}.`
    return { status: 'pass', detail, evidence }
  }
}

