// Entra ID's token endpoint: the federated credential exchange and its AADSTS codes. The number is exact
// (700213 is not 7002138), so codes are a lookup table; the texts Entra prints beside them are phrases below.
import { isTokenExchangeAudience } from '../../azure/clouds.js'
import { anyPhrase } from './phrases.js'
import type { Candidate, DiagnosisContext, Facts, Rule } from './types.js'

export const SECRETS_WITHHELD: Candidate[] = [
  { cause: 'fork-pr-no-oidc', why: 'Pull requests from forks get no secrets (and no OIDC token): the event decides.' },
  {
    cause: 'dependabot-no-oidc',
    why: 'Dependabot runs get only Dependabot secrets (and no OIDC token): the actor ' + 'decides.'
  }
]

/** Empty secrets: a fork or Dependabot run never has them, whatever the workflow says. */
export function decideSecretsWithheld(_facts: Facts, context: DiagnosisContext): Candidate | undefined {
  if (context.event?.isDependabot) {
    return {
      cause: 'dependabot-no-oidc',
      why: 'The run was triggered by Dependabot, which gets neither the ' + "repository's secrets nor an OIDC token."
    }
  }
  if (context.event?.isForkPullRequest) {
    return {
      cause: 'fork-pr-no-oidc',
      why: 'The pull request comes from a fork, which gets neither secrets nor an ' + 'OIDC token.'
    }
  }
  return undefined
}

/** AADSTS70021 names all three presented values: a visibly odd audience or issuer decides. */
function decideAssertionRecord(facts: Facts): Candidate | undefined {
  if (facts.audience && !isTokenExchangeAudience(facts.audience)) {
    return {
      cause: 'fic-audience-mismatch',
      why:
        `The token presents the audience '${facts.audience}', not ` +
        'the token-exchange audience (api://AzureADTokenExchange, or its US Government or China form) that ' +
        'federated credentials for GitHub list.'
    }
  }
  // A trailing slash on the presented issuer decides nothing: GitHub's issuer was printed with one for years.
  if (facts.issuer && /^http:|\.svc\.cluster\.local|\.local\b/.test(facts.issuer)) {
    return {
      cause: 'fic-issuer-mismatch',
      why:
        `The token presents the cluster-internal issuer '${facts.issuer}', ` +
        'not the public OIDC issuer URL a federated credential is registered for.'
    }
  }
  return undefined
}

type CodeRule = Omit<Rule, 'aadsts' | 'text' | 'code'>

const CONDITIONAL_ACCESS: CodeRule = {
  cause: 'conditional-access-blocked',
  why:
    'A Conditional Access policy (location, device platform, risk or authentication strength) refused to ' +
    'issue the token for this identity; the sign-in logs name the policy.'
}

/**
 * AADSTS codes → cause, in the order they are tried when a text holds several. Meanings from Entra's error-code
 * reference (learn.microsoft.com/entra/identity-platform/reference-error-codes), as the corpus cases show them.
 */
export const AADSTS_CODES: readonly (readonly [codes: string[], rule: CodeRule])[] = [
  [
    ['7002138'],
    {
      cause: 'fic-subject-mismatch',
      why:
        'AADSTS7002138: the subject matches a federated credential ' +
        'only case-insensitively; Entra compares subjects case-sensitively.'
    }
  ],
  [
    ['700213', '7002137', '7002131'],
    {
      cause: 'fic-subject-mismatch',
      why: 'AADSTS700213: no federated identity credential has the ' + 'subject the GitHub token presents.'
    }
  ],
  [
    ['700211'],
    {
      cause: 'fic-issuer-mismatch',
      why: 'AADSTS700211: no federated identity credential has the ' + 'issuer the token presents.'
    }
  ],
  [
    ['700212'],
    {
      cause: 'fic-audience-mismatch',
      why: 'AADSTS700212: no federated identity credential has the ' + 'audience the token presents.'
    }
  ],
  [
    ['70025'],
    {
      cause: 'no-fic-configured',
      why: 'AADSTS70025: the application has no federated identity ' + 'credential at all.'
    }
  ],
  [
    ['70021'],
    {
      cause: 'fic-subject-mismatch',
      why:
        'AADSTS70021: no federated identity record matches the presented assertion (issuer, subject and ' +
        'audience together); the subject is the usual difference.',
      decide: decideAssertionRecord,
      alternatives: [
        {
          cause: 'fic-issuer-mismatch',
          why:
            "The presented issuer must equal the credential's issuer exactly " +
            '(https://token.actions.githubusercontent.com, no trailing slash): compare "Assertion Issuer".'
        },
        {
          cause: 'fic-audience-mismatch',
          why:
            "The presented audience must be one of the credential's audiences " +
            '(api://AzureADTokenExchange): compare "Assertion Audience".'
        },
        {
          cause: 'no-fic-configured',
          why:
            'An application with no federated credential fails the same way: ' +
            'list them with `az ad app federated-credential list`.'
        }
      ]
    }
  ],
  [
    ['700024', '500133'],
    {
      cause: 'assertion-expired',
      why:
        'AADSTS700024: the GitHub OIDC token (client ' +
        'assertion) was outside its valid time range when it was exchanged.'
    }
  ],
  [
    ['700016', '70001', '7000229'],
    { cause: 'app-not-found', why: 'The client id is not an application (or ' + 'managed identity) in this tenant.' }
  ],
  [
    ['7000112'],
    {
      cause: 'app-not-found',
      why: 'AADSTS7000112: the application (or its service principal) is ' + 'disabled in this tenant.'
    }
  ],
  [
    ['90002', '900023', '50059'],
    {
      cause: 'tenant-not-found',
      why: 'The tenant id does not exist (or belongs to another cloud).',
      alternatives: [
        {
          cause: 'endpoint-cloud-mismatch',
          why:
            'A tenant of US Government or China is not found by ' +
            "the public cloud's authority: the `environment` (cloud) decides."
        }
      ]
    }
  ],
  // Conditional Access: 53000 device not compliant, 53001 not domain-joined, 53002 app not approved, 53003
  // blocked, 53004 MFA registration, 53005 app protection policy, 50005 unsupported device platform, 50097 and
  // 50155 device authentication, 50076/50079 MFA required by policy, 530003/530032/530034 (blocked by security
  // defaults or policy)
  [
    ['53003'],
    { ...CONDITIONAL_ACCESS, why: 'AADSTS53003: a Conditional Access policy blocked the token for this ' + 'identity.' }
  ],
  [
    [
      '53000',
      '53001',
      '53002',
      '53004',
      '53005',
      '53010',
      '53011',
      '50005',
      '50097',
      '50131',
      '50158',
      '530003',
      '530032',
      '530034',
      '530035',
      '50155',
      '50076',
      '50079'
    ],
    CONDITIONAL_ACCESS
  ],
  [
    ['500011'],
    {
      cause: 'resource-principal-not-found',
      why:
        'AADSTS500011: the resource of the requested scope ' +
        'has no service principal in the tenant (the scope is wrong, e.g. the endpoint URL instead of ' +
        'https://cognitiveservices.azure.com/.default).'
    }
  ],
  [
    ['7000215', '7000222', '50012'],
    {
      cause: 'invalid-client-secret',
      why: 'A client secret was sent and refused (wrong ' + 'value, the secret id instead of its value, or expired).'
    }
  ],
  [
    ['900382'],
    {
      cause: 'endpoint-cloud-mismatch',
      why: 'AADSTS900382: the request crossed clouds (public vs US ' + 'Government vs China).'
    }
  ],
  [
    ['700027'],
    {
      cause: 'fic-issuer-mismatch',
      why: "AADSTS700027: the client assertion's signature could not be validated against the issuer's keys.",
      alternatives: [
        {
          cause: 'oidc-request-failed',
          why:
            'An assertion that is not a GitHub OIDC token (empty, ' +
            'truncated, from another issuer) fails the same way.'
        }
      ]
    }
  ],
  [
    ['50027', '7000218', '7000216'],
    {
      cause: 'oidc-request-failed',
      why: 'The client assertion sent to Entra was empty or not a JWT: the GitHub OIDC token was never obtained.',
      alternatives: [
        {
          cause: 'missing-id-token-permission',
          why:
            'The usual reason the assertion is empty: the ' +
            'job lacks `id-token: write`, an earlier "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL" in the log decides.'
        }
      ]
    }
  ],
  [
    ['70011', '1002012', '90009', '700022'],
    {
      cause: 'invalid-input',
      why: 'The requested scope is not valid for a ' + 'client-credentials request (it must be <resource>/.default).'
    }
  ],
  [
    ['900144'],
    {
      cause: 'invalid-input',
      why:
        'AADSTS900144: a required parameter (usually client_id) was empty: the client id reached the request as ' +
        'an empty value (an unset variable or secret).',
      alternatives: SECRETS_WITHHELD
    }
  ]
]

const CODE_RULES: Rule[] = AADSTS_CODES.map(([codes, rule]) => ({ ...rule, aadsts: codes }))

/** Texts Entra prints without (or beside) a code. */
const PHRASE_RULES: Rule[] = [
  {
    cause: 'fic-subject-mismatch',
    why: 'No federated identity credential has the subject the token presents.',
    text: /No matching federated identity record found for presented assertion subject/i
  },
  {
    cause: 'fic-issuer-mismatch',
    why: 'No federated identity credential has the issuer the token presents.',
    text: /No matching federated identity record found for presented assertion issuer/i
  },
  {
    cause: 'fic-audience-mismatch',
    why: 'No federated identity credential has the audience the token presents.',
    text: /No matching federated identity record found for presented assertion audience/i
  },
  {
    cause: 'assertion-expired',
    why: 'The client assertion was outside its valid time range when it was exchanged.',
    text: /assertion is not within its valid time range/i
  },
  {
    cause: 'app-not-found',
    why: 'The application has no service principal in this tenant (the token has no `oid`).',
    text: anyPhrase(
      // AADSTS700016's sentence without its code: corpus pnp-700016-app-removed
      /Application with identifier .{0,60}was not found in the directory/,
      // data plane, an app token without oid: corpus sk-401-principal-no-access-old-wording family
      /at least one of the claims 'puid' or 'altsecid' or 'oid' should be present/,
      /service principal is properly created in the tenant/
    )
  },
  {
    cause: 'resource-principal-not-found',
    why:
      'The resource of the requested scope has no service principal in the tenant (the scope names a resource ' +
      'that does not exist there, e.g. an endpoint or vault URL instead of its resource id).',
    // AADSTS500011's sentence, also pasted without its code (dotnet/sign#287)
    text: /The resource principal named .{0,200}?was not found in the tenant/i
  },
  {
    ...CONDITIONAL_ACCESS,
    // Entra's CA sentences: "Access has been blocked by Conditional Access policies", "...due to conditional
    // access policies", "does not meet the criteria to access this resource" (53000 family)
    text: anyPhrase(
      /blocked by Conditional Access/,
      /(?:due to|by) (?:a )?conditional access polic/,
      /Conditional Access policy (?:requires|blocked|is blocking)/,
      // AADSTS50005: "...that's currently not supported through Conditional Access policy"
      /through Conditional Access policy/
    )
  }
]

/** The code table first (a code is exact), then the phrases: a text with both is decided by its code. */
export const ENTRA_TOKEN_RULES: readonly Rule[] = [...CODE_RULES, ...PHRASE_RULES]
