#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/cli/args.ts
// A small, strict flag parser: every flag is declared, every value checked, and a mistake names the flag and
// what it allows.
class UsageError extends Error {
    name = 'UsageError';
}
/** Parses `argv` (after the command name) against `specs`; positional arguments are not accepted. */
function parseFlags(argv, specs) {
    const values = {};
    for (let index = 0; index < argv.length; index++) {
        const arg = argv[index] === '-h' && specs.help ? '--help' : argv[index];
        if (!arg.startsWith('--')) {
            throw new UsageError(`unexpected argument '${arg}': this command reads the error text from standard ` +
                'input or --file');
        }
        const [name, inline] = splitFlag(arg.slice(2));
        const spec = specs[name];
        if (!spec) {
            throw new UsageError(`unknown flag --${name}; allowed: ${Object.keys(specs).map((f) => `--${f}`).join(', ')}`);
        }
        if (name in values)
            throw new UsageError(`--${name} is given twice`);
        if (spec.kind === 'boolean') {
            if (inline !== undefined)
                throw new UsageError(`--${name} takes no value`);
            values[name] = true;
            continue;
        }
        const raw = inline ?? argv[++index];
        if (raw === undefined || (inline === undefined && raw.startsWith('--'))) {
            throw new UsageError(`--${name} needs a value: ${describeValue(spec)}`);
        }
        values[name] = parseValue(name, raw, spec);
    }
    return values;
}
function splitFlag(flag) {
    const equals = flag.indexOf('=');
    return equals < 0 ? [flag, undefined] : [flag.slice(0, equals), flag.slice(equals + 1)];
}
function parseValue(name, raw, spec) {
    switch (spec.kind) {
        case 'string':
            if (!raw)
                throw new UsageError(`--${name} needs a value: ${describeValue(spec)}`);
            return raw;
        case 'integer': {
            const value = Number(raw);
            if (!/^\d+$/.test(raw) || value < spec.min || value > spec.max) {
                throw new UsageError(`--${name} must be ${describeValue(spec)}, got '${raw}'`);
            }
            return value;
        }
        case 'choice':
            if (!spec.values.includes(raw))
                throw new UsageError(`--${name} must be ${describeValue(spec)}, got '${raw}'`);
            return raw;
    }
}
function describeValue(spec) {
    switch (spec.kind) {
        case 'string':
            return `a ${spec.valueName}`;
        case 'integer':
            return `an integer from ${spec.min} to ${spec.max}`;
        case 'choice':
            return `one of ${spec.values.join(', ')}`;
    }
}
/** The flag lines of a command's help text. */
function describeFlags(specs) {
    const lines = Object.entries(specs).map(([name, spec]) => {
        const value = spec.kind === 'boolean' ? '' : ` ${spec.kind === 'choice' ? spec.values.join('|') : spec.valueName}`;
        return [`  --${name}${value}`, spec.description];
    });
    const width = Math.max(...lines.map(([flag]) => flag.length)) + 2;
    return lines.map(([flag, description]) => flag.padEnd(width) + description).join('\n');
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/causes/ids.ts
/**
 * The cause vocabulary (DESIGN.md). A public contract: outputs, the JSON report and `explain` use these ids.
 * Add ids when reality needs them; never rename one.
 */
const CAUSES_BY_PHASE = {
    inputs: [
        'invalid-input',
        'endpoint-malformed',
        'endpoint-cloud-mismatch',
        'regional-endpoint-no-subdomain',
        'untrusted-endpoint-host'
    ],
    'github-oidc': ['missing-id-token-permission', 'fork-pr-no-oidc', 'dependabot-no-oidc', 'oidc-request-failed'],
    'entra-token': [
        'fic-subject-mismatch',
        'fic-issuer-mismatch',
        'fic-audience-mismatch',
        'no-fic-configured',
        'app-not-found',
        'tenant-not-found',
        'assertion-expired',
        'resource-principal-not-found',
        'invalid-client-secret',
        'conditional-access-blocked'
    ],
    'data-plane': [
        'wrong-token-audience',
        'token-expired',
        'token-tenant-mismatch',
        'key-sent-as-bearer',
        'missing-data-plane-role',
        'wrong-endpoint-host',
        'invalid-api-key',
        'local-auth-disabled',
        'deployment-not-found',
        'wrong-api-version-or-path',
        'operation-not-supported',
        'unsupported-parameter',
        'network-blocked',
        'throttled',
        'quota-exhausted',
        'service-error'
    ],
    transport: ['dns-failure', 'tls-failure', 'proxy-failure', 'timeout'],
    'control-plane': ['arm-authorization-failed', 'role-assignment-propagating', 'model-retiring'],
    other: ['unknown']
};
const CAUSE_IDS = Object.values(CAUSES_BY_PHASE).flat();
function isCauseId(value) {
    return CAUSE_IDS.includes(value);
}

;// CONCATENATED MODULE: ./src/github/oidc-subject.ts
// Reads GitHub OIDC `sub` claims and explains why one does not match a federated credential's subject.
// Default forms (GitHub docs, "OpenID Connect reference"): environment > pull_request > ref, and since
// July 2026 the immutable `repo:OWNER@OWNER_ID/REPO@REPO_ID:...` form.
const DEFAULT_SUBJECT = /^repo:([^/:@]+)(@\d+)?\/([^/:@]+)(@\d+)?:(.*)$/;
function parse(subject) {
    const match = DEFAULT_SUBJECT.exec(subject.trim());
    if (!match)
        return undefined;
    return { owner: match[1], repo: match[3], immutable: Boolean(match[2] && match[4]), context: match[5] };
}
function analyseSubject(subject) {
    const parsed = parse(subject);
    if (!parsed) {
        const looksLikeClaims = /^[a-z_]+:[^:]+(:[a-z_]+:[^:]+)*$/i.test(subject.trim());
        return looksLikeClaims
            ? { form: 'custom', immutable: false, detail: 'a customized subject template (include_claim_keys) built from ' +
                    `the claims ${claimKeys(subject).join(', ')}` }
            : { form: 'unknown', immutable: false, detail: 'not a GitHub Actions subject' };
    }
    const repository = `${parsed.owner}/${parsed.repo}`;
    const idForm = parsed.immutable ? ' (immutable owner@id/repo@id form)' : '';
    const { context } = parsed;
    let form;
    let detail;
    if (/^ref:refs\/heads\/[^:]+$/.test(context)) {
        form = 'branch';
        detail = `branch ${context.slice('ref:refs/heads/'.length)} of ${repository}`;
    }
    else if (/^ref:refs\/tags\/[^:]+$/.test(context)) {
        form = 'tag';
        detail = `tag ${context.slice('ref:refs/tags/'.length)} of ${repository}`;
    }
    else if (context === 'pull_request') {
        form = 'pull_request';
        detail = `a pull_request event in ${repository}`;
    }
    else if (/^environment:[^:]+$/.test(context)) {
        form = 'environment';
        detail = `a job in environment ${context.slice('environment:'.length)} of ${repository}`;
    }
    else {
        form = 'custom';
        detail = `a customized subject template for ${repository} (claims: ${claimKeys(context).join(', ') || context})`;
    }
    return { form, immutable: parsed.immutable, repository, detail: detail + idForm };
}
function claimKeys(subject) {
    const keys = subject.split(':').filter((_part, index) => index % 2 === 0);
    return keys.filter((key) => /^[a-z_]+$/.test(key));
}
function withoutIds(subject) {
    return subject.replace(/^repo:([^/:@]+)@\d+\/([^/:@]+)@\d+:/, 'repo:$1/$2:');
}
/** Ranked likely reasons why `presented` matched none of `registered` (most likely first). */
function explainSubjectMismatch(presented, registered = []) {
    const reasons = [];
    const mine = analyseSubject(presented);
    for (const candidate of registered) {
        const theirs = analyseSubject(candidate);
        if (candidate === presented)
            continue;
        if (candidate.toLowerCase() === presented.toLowerCase()) {
            reasons.push(`The registered subject '${candidate}' differs only in letter case; Entra compares subjects ` +
                'case-sensitively (AADSTS7002138), and GitHub keeps the exact case of the owner, repository, branch ' +
                'and environment names.');
        }
        else if (withoutIds(candidate) === withoutIds(presented)) {
            reasons.push(mine.immutable
                ? `The token uses the immutable form '${presented}' (owner@id/repo@id, new repositories and renamed or ` +
                    `transferred ones since July 2026) but the credential was registered for '${candidate}'.`
                : `The credential '${candidate}' uses the immutable owner@id/repo@id form, but this repository still ` +
                    `presents '${presented}'; register the name form or opt the repository into immutable subjects.`);
        }
        else if (candidate.toLowerCase().includes('pull-request') && mine.form === 'pull_request') {
            reasons.push(`The credential is registered for '${candidate}' ('pull-request'); GitHub presents ` +
                `'pull_request' with an underscore.`);
        }
        else if (/:environment\//.test(candidate) && mine.form === 'environment') {
            reasons.push(`The credential '${candidate}' writes 'environment/NAME'; the subject uses 'environment:NAME'.`);
        }
        else if (theirs.repository && mine.repository &&
            theirs.repository.toLowerCase() !== mine.repository.toLowerCase()) {
            reasons.push(`The credential '${candidate}' is for repository ${theirs.repository}, the token comes from ` +
                `${mine.repository}.`);
        }
        else if (theirs.form !== mine.form) {
            reasons.push(formMismatch(mine, theirs, candidate));
        }
        else {
            reasons.push(`The credential '${candidate}' is for ${theirs.detail}, the token presents ${mine.detail}.`);
        }
    }
    if (registered.length === 0)
        reasons.push(...reasonsFromPresentedAlone(mine, presented));
    return [...new Set(reasons)];
}
function formMismatch(mine, theirs, candidate) {
    if (mine.form === 'environment') {
        return `The job references an environment, so GitHub presents the environment subject (${mine.detail}) ` +
            `instead of the branch or pull_request one; the credential '${candidate}' is for ${theirs.detail}.`;
    }
    if (theirs.form === 'environment') {
        return `The credential '${candidate}' is for ${theirs.detail}, but the job does not reference that ` +
            `environment (add \`environment: ${candidate.split('environment:')[1]}\` to the job), so the token presents ` +
            `${mine.detail}.`;
    }
    if (mine.form === 'pull_request') {
        return `Pull request events present 'pull_request', not the branch; the credential '${candidate}' is for ` +
            `${theirs.detail}.`;
    }
    if (mine.form === 'custom' || theirs.form === 'custom') {
        return `A customized subject template (include_claim_keys) is in effect on one side: the token presents ` +
            `${mine.detail}, the credential expects ${theirs.detail}.`;
    }
    return `The credential '${candidate}' is for ${theirs.detail}, the token presents ${mine.detail}.`;
}
function reasonsFromPresentedAlone(mine, presented) {
    const reasons = [];
    switch (mine.form) {
        case 'environment':
            reasons.push('The job references an environment, so the token presents the environment subject ' +
                `'${presented}', not the branch: a credential registered for the branch does not match.`);
            break;
        case 'pull_request':
            reasons.push(`Pull request events present '${presented}', not the branch; register a credential for ` +
                'the pull_request entity.');
            break;
        case 'branch':
        case 'tag':
            reasons.push(`The token presents ${mine.detail}; a credential for another branch or tag, an environment ` +
                'or pull_request does not match it.');
            break;
        case 'custom':
            reasons.push(`The repository or organization uses a customized subject template: ${mine.detail}.`);
            break;
        case 'unknown':
            reasons.push('The subject is not in a GitHub Actions form; was the token issued by another provider?');
            break;
    }
    if (mine.immutable) {
        reasons.push('The subject is in the immutable owner@id/repo@id form; a credential registered with the ' +
            'repo:owner/repo form does not match it.');
    }
    else if (mine.form !== 'unknown' && mine.form !== 'custom') {
        reasons.push('A credential created for the immutable owner@id/repo@id form (as the Azure portal now ' +
            'generates) does not match this name-form subject.');
    }
    reasons.push('Entra compares subjects case-sensitively: the owner, repository, branch and environment ' +
        'names must have the exact case GitHub uses.');
    return reasons;
}

;// CONCATENATED MODULE: ./src/azure/clouds.ts
const CLOUDS = {
    azurecloud: {
        name: 'azurecloud',
        authorityHost: 'https://login.microsoftonline.com',
        tokenExchangeAudience: 'api://AzureADTokenExchange',
        subdomainSuffixes: ['openai.azure.com', 'cognitiveservices.azure.com', 'services.ai.azure.com'],
        regionalSuffix: 'api.cognitive.microsoft.com',
        foundrySuffix: 'services.ai.azure.com',
        cognitiveServicesAudience: 'https://cognitiveservices.azure.com',
        foundryAudience: 'https://ai.azure.com',
        resourceManager: 'https://management.azure.com'
    },
    azureusgovernment: {
        name: 'azureusgovernment',
        authorityHost: 'https://login.microsoftonline.us',
        tokenExchangeAudience: 'api://AzureADTokenExchangeUSGov',
        subdomainSuffixes: ['openai.azure.us', 'cognitiveservices.azure.us', 'services.ai.azure.us'],
        regionalSuffix: 'api.cognitive.microsoft.us',
        foundrySuffix: 'services.ai.azure.us',
        cognitiveServicesAudience: 'https://cognitiveservices.azure.us',
        foundryAudience: 'https://ai.azure.us',
        resourceManager: 'https://management.usgovcloudapi.net'
    },
    azurechinacloud: {
        name: 'azurechinacloud',
        authorityHost: 'https://login.chinacloudapi.cn',
        tokenExchangeAudience: 'api://AzureADTokenExchangeChina',
        subdomainSuffixes: ['openai.azure.cn', 'cognitiveservices.azure.cn', 'services.ai.azure.cn'],
        regionalSuffix: 'api.cognitive.azure.cn',
        foundrySuffix: 'services.ai.azure.cn',
        cognitiveServicesAudience: 'https://cognitiveservices.azure.cn',
        foundryAudience: 'https://ai.azure.cn',
        resourceManager: 'https://management.chinacloudapi.cn'
    }
};
const CLOUD_NAMES = Object.keys(CLOUDS);
/** True when `host` is `<label>.<suffix>` or deeper under the suffix. */
function hostIsUnder(host, suffix) {
    return host.toLowerCase().endsWith(`.${suffix.toLowerCase()}`);
}
/** Every host suffix of the cloud's Azure AI endpoints: the ones credentials may be sent to. */
function azureAiSuffixes(cloud) {
    return [...cloud.subdomainSuffixes, cloud.regionalSuffix];
}
/** The cloud whose Azure AI hosts include `host`, if any. */
function cloudOfHost(host) {
    return Object.values(CLOUDS).find((cloud) => azureAiSuffixes(cloud).some((suffix) => hostIsUnder(host, suffix)));
}
const DEFAULT_CLOUD = CLOUDS.azurecloud;
/** The cloud of an `environment` name; the public cloud when the name is missing or not a cloud's. */
function cloudNamed(name) {
    return (name && CLOUDS[name.toLowerCase()]) || DEFAULT_CLOUD;
}
/** The client-credentials scope of the cloud's Azure OpenAI data plane. */
function dataPlaneScope(cloud) {
    return `${cloud.cognitiveServicesAudience}/.default`;
}
/**
 * The client-credentials scope of the cloud's ARM. Set explicitly per cloud: SDK defaults stay on the public
 * cloud's scope (shared/reference/arm-facts.md (g), the @azure/arm-cognitiveservices trap).
 */
function resourceManagerScope(cloud) {
    return `${cloud.resourceManager}/.default`;
}
/** The host of the cloud's Entra ID sign-in (login.microsoftonline.com, ...). */
function authorityHostName(cloud) {
    return new URL(cloud.authorityHost).hostname;
}
/** A custom-subdomain endpoint with a `<name>` placeholder, for fixes that do not know the account. */
function customEndpointTemplate(cloud, name = '<name>') {
    return `https://${name}.${cloud.subdomainSuffixes[0]}/`;
}
/** True for an access-token audience the Azure OpenAI data plane of any cloud accepts (trailing slash ignored). */
function isDataPlaneAudience(audience) {
    const bare = audience.replace(/\/+$/, '');
    return Object.values(CLOUDS).some((cloud) => bare === cloud.cognitiveServicesAudience || bare === cloud.foundryAudience);
}
/** True for the GitHub OIDC audience of any cloud's token exchange. */
function isTokenExchangeAudience(audience) {
    return Object.values(CLOUDS).some((cloud) => audience === cloud.tokenExchangeAudience);
}
/** The account name of a custom-subdomain host (`contoso` of contoso.openai.azure.us), in any cloud. */
function accountNameOfHost(host) {
    const lower = host.toLowerCase();
    for (const cloud of Object.values(CLOUDS)) {
        for (const suffix of cloud.subdomainSuffixes) {
            const label = hostIsUnder(lower, suffix) ? lower.slice(0, -suffix.length - 1) : undefined;
            if (label && /^[a-z0-9-]+$/.test(label))
                return label;
        }
    }
    return undefined;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Matches a host under any cloud's Azure AI suffixes (subdomain and regional), for reading hosts out of text. */
function azureAiHostSource(extraSuffixes = []) {
    const suffixes = [...new Set([...Object.values(CLOUDS).flatMap(azureAiSuffixes), ...extraSuffixes])];
    return `[a-z0-9.-]+\\.(?:${suffixes.map(escapeRegExp).join('|')})`;
}

;// CONCATENATED MODULE: ./src/causes/catalogue.ts



const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const DATA_PLANE_ROLE = 'Cognitive Services OpenAI User';
/**
 * Foundry project APIs check accounts/AIServices/... data actions, which Cognitive Services OpenAI User does not
 * grant (reference/azure-facts.md §3). The role was renamed from "Azure AI User" in 05/2026; its id never changes.
 */
const FOUNDRY_DATA_PLANE_ROLE = 'Foundry User';
const ROLE_IDS = {
    [DATA_PLANE_ROLE]: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd',
    [FOUNDRY_DATA_PLANE_ROLE]: '53ca6127-db72-4b80-b1b0-d745d6d5456d'
};
/** The data-plane role a fix should name, when it is not Cognitive Services OpenAI User. */
function dataPlaneRoleFor(facts) {
    return facts.foundryProject || facts.dataAction?.includes('/AIServices/') ? FOUNDRY_DATA_PLANE_ROLE : undefined;
}
const RESOURCE_ID = '/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/' +
    'Microsoft.CognitiveServices/accounts/<account-name>';
/** The cloud the fix is for: the chosen one, else the endpoint's, else the public cloud. */
function cloudOf(v) {
    if (v.cloud)
        return cloudNamed(v.cloud);
    const host = hostIn(v);
    return (host ? cloudOfHost(host) : undefined) ?? cloudNamed(undefined);
}
function hostIn(v) {
    return v.host ?? (v.endpoint ? hostOf(v.endpoint) : undefined);
}
function exchangeAudience(v) {
    return v.audience ?? cloudOf(v).tokenExchangeAudience;
}
function accountName(v) {
    const host = hostIn(v);
    return host ? accountNameOfHost(host) : undefined;
}
function customEndpoint(v) {
    return customEndpointTemplate(cloudOf(v));
}
function hostOf(url) {
    try {
        return new URL(url).hostname;
    }
    catch {
        return undefined;
    }
}
function scopeFor(v) {
    return v.scope ?? dataPlaneScope(cloudOf(v));
}
/**
 * The account's resource id: known, or looked up by the endpoint's custom subdomain (which need not be the
 * account's name) in the subscription `az` is set to, so the command runs as pasted.
 */
function resourceScope(v) {
    if (v.resourceScope)
        return v.resourceScope;
    const subdomain = accountName(v);
    if (!subdomain)
        return RESOURCE_ID;
    const query = `[?properties.customSubDomainName=='${subdomain}'].id`;
    return `"$(az cognitiveservices account list --query "${query}" -o tsv)"`;
}
const UNKNOWN_SUBJECT = '<subject the token presents>';
/** The `az` command that registers the presented subject on the app registration or user-assigned identity. */
function federatedCredentialCommand(v) {
    const subject = v.subject ?? UNKNOWN_SUBJECT;
    const issuer = v.issuer ?? GITHUB_ISSUER;
    const audience = exchangeAudience(v);
    const name = v.subject
        ? 'github-' + v.subject.replace(/^repo:/, '').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-|-$/g, '').slice(0, 100)
        : '<credential-name>';
    const appCommand = `az ad app federated-credential create --id ${v.clientId ?? '<client-id>'} --parameters ` +
        `'${JSON.stringify({ name, issuer, subject, audiences: [audience] })}'`;
    const identityCommand = `az identity federated-credential create --name ${name} --identity-name ` +
        `<identity-name> --resource-group <resource-group> --issuer ${issuer} --subject '${subject}' ` +
        `--audiences ${audience}`;
    if (v.identityKind === 'managed-identity')
        return identityCommand;
    if (v.identityKind === 'app')
        return appCommand;
    return `${appCommand}\n(for a user-assigned managed identity: ${identityCommand})`;
}
/**
 * AADSTS7002138: a credential already holds the subject in other letter case. Correcting that credential's
 * subject fixes it; registering another would leave the wrong one behind.
 */
function caseOnlySubjectFix(v) {
    const subject = v.subject ?? UNKNOWN_SUBJECT;
    const clientId = v.clientId ?? '<client-id>';
    const issuer = v.issuer ?? GITHUB_ISSUER;
    const audience = exchangeAudience(v);
    const appCommand = `az ad app federated-credential update --id ${clientId} --federated-credential-id ` +
        `<credential-id> --parameters '${JSON.stringify({ name: '<credential-name>', issuer, subject, audiences: [audience] })}'`;
    const identityCommand = 'az identity federated-credential update --name <credential-name> --identity-name ' +
        `<identity-name> --resource-group <resource-group> --issuer ${issuer} --subject '${subject}' --audiences ${audience}`;
    const commands = v.identityKind === 'managed-identity'
        ? identityCommand
        : v.identityKind === 'app'
            ? appCommand
            : `${appCommand}\n(for a user-assigned managed identity: ${identityCommand})`;
    return 'Likely: a federated credential holds this subject in other letter case; Entra compares subjects ' +
        'case-sensitively (AADSTS7002138), and GitHub presents the owner, repository, branch and environment names in ' +
        'their exact case.\n' +
        `Correct that credential's subject to exactly ${subject} (find it with \`az ad app federated-credential list ` +
        `--id ${clientId} --query "[].{id:id,name:name,subject:subject}"\`):\n${commands}`;
}
/** Names the role by its id where it has been renamed before, so the command keeps working after a rename. */
function roleAssignmentCommand(v, role = v.role ?? DATA_PLANE_ROLE) {
    const roleArgument = role === FOUNDRY_DATA_PLANE_ROLE ? ROLE_IDS[role] : `"${role}"`;
    return `az role assignment create --assignee-object-id ${v.principalId ?? '<principal-object-id>'} ` +
        `--assignee-principal-type ServicePrincipal --role ${roleArgument} --scope ${resourceScope(v)}`;
}
function quotedRole(role) {
    return role === FOUNDRY_DATA_PLANE_ROLE ? `"${role}" (formerly "Azure AI User", role id ${ROLE_IDS[role]})` : `"${role}"`;
}
function endpointText(v) {
    return v.endpoint ?? '<endpoint>';
}
const ENTRIES = {
    // ── inputs / static ──
    'invalid-input': {
        title: 'An input is invalid',
        meaning: 'A value given to the tool (or to the SDK: scope, client id, tenant id, endpoint) is missing or not ' +
            'in an accepted form, so nothing was sent.',
        fix: (v) => 'Correct the value named in the message. Token scopes for Azure OpenAI are ' +
            `\`${dataPlaneScope(cloudOf(v))}\` (a client-credentials scope always ends in \`/.default\`); ` +
            'client and tenant ids are GUIDs.'
    },
    'endpoint-malformed': {
        title: 'The endpoint is not a bare resource URL',
        meaning: 'The endpoint must be the resource\'s base URL (`https://<name>.openai.azure.com/`). A URL with ' +
            'extra path (`/openai/deployments/<name>/chat/completions?api-version=...`), http, or a typo builds wrong ' +
            'request URLs.',
        fix: (v) => `Use the resource's base URL as the endpoint: ${v.suggestedEndpoint ?? customEndpoint(v)}` +
            (v.endpoint ? ` (instead of ${v.endpoint}).` : '.') +
            ' The SDK adds /openai/deployments/<deployment>/... and the api-version itself.'
    },
    'endpoint-cloud-mismatch': {
        title: 'The endpoint belongs to another Azure cloud',
        meaning: 'The endpoint\'s host is in a different cloud (public, US Government, China) than the one the ' +
            'token is requested from: the authority, the token-exchange audience and the scope must all be of the ' +
            'endpoint\'s cloud.',
        fix: (v) => `Set \`environment\` to the endpoint's cloud (azurecloud for *.azure.com, azureusgovernment for ` +
            `*.azure.us, azurechinacloud for *.azure.cn)${v.host ? `; the endpoint host is ${v.host}` : ''}` +
            `${v.cloud ? ` and the chosen cloud is ${v.cloud}` : ''}. The app registration and its federated ` +
            'credential must live in a tenant of that cloud.'
    },
    'regional-endpoint-no-subdomain': {
        title: 'Entra ID tokens need the resource\'s custom subdomain endpoint',
        meaning: 'Regional endpoints (`https://<region>.api.cognitive.microsoft.com/`) accept only API keys: the ' +
            'service finds the resource from the custom subdomain in the host name, and a token does not say which ' +
            'resource it is for. Azure answers 400 "Please provide a custom subdomain for token authentication, ' +
            'otherwise API key is required."',
        fix: (v) => `Use the custom subdomain endpoint of the resource: ${v.suggestedEndpoint ?? customEndpoint(v)}` +
            `${v.endpoint ? ` instead of ${v.endpoint}` : ''} (Azure portal: the resource's "Keys and Endpoint" page; ` +
            'or `az cognitiveservices account show -n <name> -g <resource-group> --query properties.endpoint`). ' +
            'A resource created without one can get a custom subdomain once (it cannot be changed later): ' +
            '`az cognitiveservices account update -n <name> -g <resource-group> --custom-domain <name>`.'
    },
    'untrusted-endpoint-host': {
        title: 'The endpoint\'s host is not allowed to receive credentials',
        meaning: 'Credentials are sent only to hosts of the chosen cloud\'s Azure AI suffixes or to hosts the ' +
            'workflow lists in `allowed-hosts`; the endpoint is on another host, so no token or key was sent.',
        fix: (v) => `If ${v.host ?? 'the host'} is your own gateway (e.g. API Management), add it to the workflow's ` +
            `\`allowed-hosts\` input${v.allowedHosts?.length ? ` (now: ${v.allowedHosts.join(', ')})` : ''}. Otherwise ` +
            `point \`endpoint\` at your Azure OpenAI resource (\`${customEndpoint(v)}\`). A value read from a ` +
            'file in the repository cannot widen the list.'
    },
    // ── GitHub OIDC ──
    'missing-id-token-permission': {
        title: 'The job has no `id-token: write` permission',
        meaning: 'GitHub gives a job an OIDC token only when it is granted `permissions: id-token: write`; without ' +
            'it the runner does not set ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN ("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL ' +
            'env variable"). Declaring any `permissions:` block sets every unlisted permission to none.',
        fix: () => 'Add to the job (or the workflow):\n\npermissions:\n  id-token: write\n  contents: read\n\n' +
            'A reusable workflow needs it in the caller too.'
    },
    'fork-pr-no-oidc': {
        title: 'Pull requests from forks never get an OIDC token',
        meaning: 'For pull_request events from a fork GitHub caps id-token at read, so no OIDC token can be issued, ' +
            'whatever the workflow declares (secrets are withheld too). Only a private repository\'s "Send write tokens ' +
            'to workflows from fork pull requests" setting lifts that cap.',
        fix: (v) => `Skip the check for fork pull requests (\`if: github.event.pull_request.head.repo.fork == false\`) ` +
            `or run it after merge${v.eventName ? ` (event: ${v.eventName})` : ''}. Do not switch to ` +
            '`pull_request_target` to get a token: it would run untrusted code with your credentials.'
    },
    'dependabot-no-oidc': {
        title: 'Dependabot runs never get an OIDC token',
        meaning: 'Workflows triggered by Dependabot run with a read-only GITHUB_TOKEN and no OIDC token, like fork ' +
            'pull requests. GitHub keeps these restrictions when a person re-runs such a run (the run\'s actor stays ' +
            'dependabot[bot]); a run a person triggers (a push to the Dependabot branch, workflow_dispatch) is not one.',
        fix: () => 'Skip the check for Dependabot (`if: github.actor != \'dependabot[bot]\'`), or run it after merge.'
    },
    'oidc-request-failed': {
        title: 'GitHub did not issue an OIDC token',
        meaning: 'The job had the permission, but the request to GitHub\'s token endpoint failed (an HTTP error, an ' +
            'empty response, a self-hosted runner or GHES without OIDC), or an empty assertion was passed on to Entra ' +
            '(AADSTS50027 "JWT token is invalid or malformed").',
        fix: () => 'Check the step log for the earlier token error; on self-hosted runners make sure the runner can ' +
            'reach the ACTIONS_ID_TOKEN_REQUEST_URL host; re-run the job (the endpoint can fail transiently). Debug ' +
            'the claims with github/actions-oidc-debugger.'
    },
    // ── Entra token ──
    'fic-subject-mismatch': {
        title: 'No federated credential matches the GitHub token\'s subject',
        meaning: 'Entra looks for a federated identity credential whose issuer, subject and audience equal the ' +
            'GitHub token\'s exactly (case-sensitively). The subject depends on the trigger: environment ' +
            '(`repo:O/R:environment:E`) wins over pull_request (`repo:O/R:pull_request`), which wins over the ref ' +
            '(`repo:O/R:ref:refs/heads/B`); newer repositories use `repo:O@id/R@id:...`; an org can customise the template.',
        fix: (v) => {
            if (v.subjectCaseOnly)
                return caseOnlySubjectFix(v);
            const reasons = v.subject ? explainSubjectMismatch(v.subject, v.registeredSubjects) : [];
            return (reasons.length ? `Likely: ${reasons[0]}\n` : '') +
                `Register a federated credential for the subject the token presents (${v.subject ?? UNKNOWN_SUBJECT}):\n` +
                federatedCredentialCommand(v);
        }
    },
    'fic-issuer-mismatch': {
        title: 'No federated credential has the GitHub token\'s issuer',
        meaning: 'The credential\'s issuer must equal the token\'s `iss` exactly: `https://token.actions.githubusercontent.com` ' +
            '(no trailing slash); GHEC custom issuers add `/<enterprise-slug>`, GHE.com and GHES use their own hosts.',
        fix: (v) => `Set the federated credential's issuer to ${v.issuer ?? GITHUB_ISSUER} (the token's \`iss\`, ` +
            'character for character):\n' + federatedCredentialCommand(v)
    },
    'fic-audience-mismatch': {
        title: 'The GitHub token\'s audience is not the credential\'s',
        meaning: 'The GitHub token must be requested for the audience listed in the federated credential, normally ' +
            '`api://AzureADTokenExchange` (US Gov: `api://AzureADTokenExchangeUSGov`, China: `api://AzureADTokenExchangeChina`).',
        fix: (v) => `Request the GitHub token for ${exchangeAudience(v)} (the \`audience\` input), and give the ` +
            `federated credential that audience:\n${federatedCredentialCommand(v)}`
    },
    'no-fic-configured': {
        title: 'The identity has no federated credential',
        meaning: 'The app registration or managed identity has no federated identity credential at all, so no ' +
            'GitHub token can be exchanged for it.',
        fix: (v) => `Add one for the subject the token presents:\n${federatedCredentialCommand(v)}`
    },
    'app-not-found': {
        title: 'The client id is not an application in this tenant',
        meaning: 'Entra found no application (service principal) or managed identity with this client id in the ' +
            'tenant: a typo, the object id instead of the application (client) id, a deleted app, or the wrong tenant.',
        fix: (v) => `Use the application (client) id of the app registration or managed identity, in its own ` +
            `tenant: \`az ad app show --id ${v.clientId ?? '<client-id>'} --query appId\` or \`az identity show -n ` +
            `<identity-name> -g <resource-group> --query clientId\`; check the tenant with \`az account show --query ` +
            `tenantId\`${v.tenantId ? ` (configured: ${v.tenantId})` : ''}. An app without a service principal needs ` +
            `\`az ad sp create --id ${v.clientId ?? '<client-id>'}\`.`
    },
    'tenant-not-found': {
        title: 'The tenant does not exist',
        meaning: 'The tenant id (or domain) is not a tenant of this cloud: a typo, a subscription id instead of ' +
            'the tenant id, or a tenant of another cloud.',
        fix: (v) => `Set tenant-id to the directory (tenant) id: \`az account show --query tenantId\`` +
            `${v.tenantId ? ` (configured: ${v.tenantId})` : ''}; for US Government or China set \`environment\`.`
    },
    'assertion-expired': {
        title: 'The GitHub OIDC token expired before it was exchanged',
        meaning: 'GitHub OIDC tokens are valid for minutes (AADSTS700024: the client assertion is not within its ' +
            'valid time range). Long jobs that fetch the token once and exchange it later, or a runner clock that is ' +
            'off, hit this.',
        fix: () => 'Request a fresh GitHub OIDC token right before each exchange (tools: re-run azure/login before ' +
            'the step that needs it); check the runner\'s clock on self-hosted machines.'
    },
    'resource-principal-not-found': {
        title: 'The token scope names a resource that does not exist in the tenant',
        meaning: 'AADSTS500011: the scope\'s resource (e.g. the endpoint URL, or a misspelt audience) has no ' +
            'service principal in the tenant. Azure OpenAI tokens are requested for ' +
            '`https://cognitiveservices.azure.com/.default`, not for the endpoint.',
        fix: (v) => `Request the token for ${v.scope && isDataPlaneAudience(v.scope.replace(/\/\.default$/, '')) ? v.scope : dataPlaneScope(cloudOf(v))}` +
            ` (Foundry project endpoints: ${cloudOf(v).foundryAudience}/.default).`
    },
    'invalid-client-secret': {
        title: 'The client secret is wrong or expired',
        meaning: 'A client secret was sent instead of (or as well as) the GitHub OIDC assertion and Entra refused ' +
            'it: the secret\'s id instead of its value, a rotated or expired secret.',
        fix: (v) => 'With GitHub OIDC no secret is needed: remove the client secret (AZURE_CLIENT_SECRET) so the ' +
            `federated credential is used. To keep a secret, create a new one: \`az ad app credential reset --id ` +
            `${v.clientId ?? '<client-id>'} --append\` and store its value (not its id).`
    },
    'conditional-access-blocked': {
        title: 'A Conditional Access policy blocks the identity',
        meaning: 'The federated credential matched, but a Conditional Access policy for workload identities ' +
            '(AADSTS53003 "Access has been blocked by Conditional Access policies") refused to issue the token, ' +
            'typically a location policy that does not trust the runner\'s IP address.',
        fix: (v) => `Ask the Entra administrator to exclude the service principal${v.clientId ? ` (client id ` +
            `${v.clientId})` : ''} from the policy or to trust the runner's network (a self-hosted runner with a ` +
            'fixed egress IP, or GitHub-hosted larger runners with static IPs); the sign-in logs for service ' +
            'principals name the policy.'
    },
    // ── data plane ──
    'wrong-token-audience': {
        title: 'The token is for another audience',
        meaning: 'Azure OpenAI accepts tokens whose `aud` is https://cognitiveservices.azure.com (or ' +
            'https://ai.azure.com); Foundry project endpoints need https://ai.azure.com. A token for ARM, Graph or ' +
            'the endpoint URL gets 401 "Access token is missing, invalid, audience is incorrect ..., or have expired".',
        fix: (v) => `Request the token for the scope ${scopeFor(v)}` +
            `${v.tokenAudience ? ` (the token sent has aud ${v.tokenAudience})` : ''}: e.g. ` +
            `\`getBearerTokenProvider(credential, '${scopeFor(v)}')\`, \`az account get-access-token --resource ` +
            `${scopeFor(v).replace(/\/\.default$/, '')}\`.`
    },
    'token-expired': {
        title: 'The access token had expired',
        meaning: 'Entra access tokens live 60–90 minutes; a token fetched once and reused (an environment ' +
            'variable, a cached string) expires in long jobs.',
        fix: () => 'Use a token provider that refreshes (e.g. `getBearerTokenProvider` / `azure_ad_token_provider`) ' +
            'instead of a fixed token string, or fetch a new token right before the call.'
    },
    'token-tenant-mismatch': {
        title: 'The token is from another tenant than the resource',
        meaning: 'The resource accepts tokens issued by its own tenant only; the identity signed in to another ' +
            'tenant (a multi-tenant app, a wrong tenant-id).',
        fix: (v) => `Set tenant-id to the tenant of the Azure OpenAI resource${v.tenantId ? ` (configured: ${v.tenantId})` : ''}` +
            ': `az account show --query tenantId` in the resource\'s subscription. The app (or managed identity) ' +
            'needs a service principal there.'
    },
    'key-sent-as-bearer': {
        title: 'An API key was sent as a Bearer token',
        meaning: 'An `Authorization: Bearer` header is read as an Entra token by the dated API; an API key there ' +
            'is refused with the "Access token is missing, invalid, audience is incorrect" 401.',
        fix: () => 'Send API keys in the `api-key` header (AzureOpenAI({ apiKey }) does this), or send an Entra token ' +
            '(azureADTokenProvider) as Bearer. Only the /openai/v1/ API also takes a key as Bearer.'
    },
    'missing-data-plane-role': {
        title: 'The identity lacks a data-plane role on the resource',
        meaning: 'The token is valid, but the principal has no role granting the data action (401 PermissionDenied ' +
            '"lacks the required data action Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action"). ' +
            'Owner, Contributor and Cognitive Services Contributor grant no data actions; Cognitive Services OpenAI ' +
            'User does.',
        fix: (v) => `Assign ${quotedRole(v.role ?? DATA_PLANE_ROLE)} to the principal on the resource:\n` +
            `${roleAssignmentCommand(v)}\n` +
            'It can take up to 10 minutes to take effect; get a new token afterwards.'
    },
    'wrong-endpoint-host': {
        title: 'The request went to the wrong host',
        meaning: 'The call did not reach the Azure OpenAI resource: e.g. the client defaulted to api.openai.com ' +
            '(OpenAI instead of AzureOpenAI, or no endpoint set), or the key belongs to another resource.',
        fix: (v) => `Point the client at your resource endpoint (${endpointText(v)}) with the Azure client ` +
            `(AzureOpenAI / AzureChatOpenAI, or base_url ${customEndpoint(v)}openai/v1/).`
    },
    'invalid-api-key': {
        title: 'The API key is not valid for this resource',
        meaning: 'The `api-key` was refused (401 "Access denied due to invalid subscription key or wrong API ' +
            'endpoint"): a key of another resource, a regenerated key, or a stray character; or no key reached the ' +
            'header the service reads (401 "missing subscription key", e.g. an empty variable, or an API Management ' +
            'gateway that expects its own subscription key).',
        fix: (v) => `Copy a current key of this resource: \`az cognitiveservices account keys list -n ` +
            `${accountName(v) ?? '<account-name>'} -g <resource-group>\`, and use it with its own endpoint` +
            `${v.endpoint ? ` (${v.endpoint})` : ''}.`
    },
    'local-auth-disabled': {
        title: 'Key authentication is disabled on the resource',
        meaning: 'The resource has disableLocalAuth=true: API keys are refused with 403 AuthenticationTypeDisabled; ' +
            'only Entra ID tokens work.',
        fix: (v) => 'Use Entra ID (the `auth: oidc` default) with a role on the resource:\n' + roleAssignmentCommand(v)
    },
    'deployment-not-found': {
        title: 'The deployment does not exist on this resource',
        meaning: 'The deployment name in the URL (or `model` on the v1 API) is not a deployment of this resource ' +
            '(404 DeploymentNotFound). The deployment name is yours, not necessarily the model name.',
        fix: (v) => `List the deployments: \`az cognitiveservices account deployment list -n ` +
            `${accountName(v) ?? '<account-name>'} -g <resource-group> --query "[].name"\`, and set deployment to one ` +
            `of them${v.deployment ? ` (configured: ${v.deployment})` : ''}. A deployment created in the last minutes ` +
            'may need a moment.'
    },
    'wrong-api-version-or-path': {
        title: 'The api-version or the request path is wrong',
        meaning: 'The dated API needs a supported `api-version` query parameter; a wrong path (an endpoint pasted ' +
            'with extra segments, /v1/ mixed with api-version) gets 404 "Resource not found".',
        fix: (v) => `Use api-version 2024-10-21 (latest GA) or omit it with the /openai/v1/ API` +
            `${v.apiVersion ? ` (configured: ${v.apiVersion})` : ''}; the endpoint is the bare resource URL ` +
            `(${v.suggestedEndpoint ?? customEndpoint(v)}).`
    },
    'operation-not-supported': {
        title: 'The deployment\'s model does not support this operation',
        meaning: 'E.g. chat completions on an embeddings deployment (400 OperationNotSupported "The chatCompletion ' +
            'operation does not work with the specified model").',
        fix: (v) => `Call the operation the model supports (probe: embeddings for an embeddings model), or use a ` +
            `deployment of a chat model${v.deployment ? ` instead of ${v.deployment}` : ''}${v.model ? ` (${v.model})` : ''}.`
    },
    'unsupported-parameter': {
        title: 'The model rejects a request parameter',
        meaning: 'Reasoning models (o1, o3, o4-mini, gpt-5...) reject `max_tokens` (use `max_completion_tokens`) and ' +
            'non-default `temperature`; old api-versions do not know newer parameters.',
        fix: (v) => `Remove or replace ${v.parameter ? `'${v.parameter}'` : 'the parameter'}: use ` +
            '`max_completion_tokens` instead of `max_tokens` for reasoning models, and an api-version of ' +
            '2024-12-01-preview or later.'
    },
    'network-blocked': {
        title: 'The resource\'s network rules block the caller',
        meaning: 'Public network access is disabled or limited to selected networks/IPs or private endpoints ' +
            '(403 "Access denied due to Virtual Network/Firewall rules"); GitHub-hosted runners come from changing ' +
            'public IPs.',
        fix: (v) => 'Run on a runner inside the allowed network (self-hosted, or GitHub-hosted with Azure private ' +
            `networking), or allow the runner's IP: \`az cognitiveservices account network-rule add -n ` +
            `${accountName(v) ?? '<account-name>'} -g <resource-group> --ip-address <runner-ip>\`.`
    },
    throttled: {
        title: 'Rate limited (429): authentication works',
        meaning: 'The deployment\'s tokens-per-minute or requests-per-minute limit was hit. The credentials and ' +
            'the role are fine.',
        fix: (v) => `Retry after ${v.retryAfterSeconds ?? 'the Retry-After'} seconds, or raise the deployment's ` +
            'capacity (TPM) in the portal.'
    },
    'quota-exhausted': {
        title: 'The quota is used up',
        meaning: 'A 429 asking to retry after hours (typically 86400 seconds), or insufficient_quota: a daily or ' +
            'subscription quota is exhausted; retrying soon will not help. Authentication works.',
        fix: (v) => `Wait for the quota to reset${v.retryAfterSeconds ? ` (retry after ${v.retryAfterSeconds} s)` : ''}, ` +
            'move to a paid or higher tier, or request more quota for the model and region.'
    },
    'service-error': {
        title: 'The service failed (5xx)',
        meaning: 'Azure OpenAI (or Entra) answered with a server error after retries; this is not a configuration ' +
            'problem.',
        fix: () => 'Retry later; check Azure status and the resource health; a model that is often overloaded may ' +
            'need another region or deployment type.'
    },
    // ── transport ──
    'dns-failure': {
        title: 'The host name does not resolve',
        meaning: 'DNS found no address for the host (ENOTFOUND / getaddrinfo): a typo in the endpoint, a deleted ' +
            'resource, or a private-endpoint-only name that the runner\'s DNS cannot see.',
        fix: (v) => `Check the host${v.host ? ` ${v.host}` : ''} (\`nslookup <host>\`), the resource name, ` +
            `and the runner's DNS (private DNS zone privatelink.${cloudOf(v).subdomainSuffixes[0]} for private endpoints).`
    },
    'tls-failure': {
        title: 'The TLS certificate is not trusted',
        meaning: 'The TLS handshake failed: typically a TLS-inspecting corporate proxy whose CA the runner does not ' +
            'trust (SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE).',
        fix: () => 'Trust the proxy\'s CA: set NODE_EXTRA_CA_CERTS (Node), REQUESTS_CA_BUNDLE / SSL_CERT_FILE ' +
            '(Python) to a PEM bundle that includes it. Do not disable certificate verification.'
    },
    'proxy-failure': {
        title: 'The proxy refused or failed the connection',
        meaning: 'The HTTPS proxy (HTTPS_PROXY) refused the CONNECT tunnel, asked for authentication (407), or ' +
            'could not be reached; or a proxy or firewall on the path refused or reset the connection (ECONNREFUSED, ' +
            'ECONNRESET).',
        fix: (v) => 'Check HTTPS_PROXY (including credentials for a 407) and NO_PROXY, and that the proxy allows ' +
            `${authorityHostName(cloudOf(v))}, *.${cloudOf(v).subdomainSuffixes[0]} and the GitHub OIDC host. A proxy ` +
            'answers 502 or 503 to a CONNECT when the host does not resolve: check the name with ' +
            `\`nslookup ${hostIn(v) ?? '<host>'}\`.`
    },
    timeout: {
        title: 'The call timed out',
        meaning: 'A call did not complete within its deadline: a blocked network path, a slow proxy, or a hung ' +
            'service.',
        fix: () => 'Check that the runner can reach the hosts (firewall, proxy), and raise `timeout-seconds` if the ' +
            'network is merely slow.'
    },
    // ── control plane ──
    'arm-authorization-failed': {
        title: 'The identity may not read the resource (control plane)',
        meaning: 'An Azure Resource Manager call was refused (AuthorizationFailed): the identity has no role that ' +
            'allows it at this scope. Only the optional control-plane checks need it.',
        fix: (v) => `Give the identity Reader on the resource (or skip the control-plane checks):\n` +
            roleAssignmentCommand(v, 'Reader')
    },
    'role-assignment-propagating': {
        title: 'A new role assignment has not propagated yet',
        meaning: 'Role assignments (and new principals) take up to ~10 minutes to reach the data plane, longer for ' +
            'group memberships and management-group scopes; tokens issued before keep the old view.',
        fix: (v) => (v.role && v.assignedAgo
            ? `${quotedRole(v.role)} was assigned ${v.assignedAgo} ago${v.resourceScope ? ` at ${v.resourceScope}` : ''}: ` +
                'nothing is missing, the data plane has not caught up yet. '
            : '') +
            'Wait a few minutes and retry with a new token (there is no API that says when propagation is done); in a ' +
            'workflow that has just assigned the role, set `wait-for-role-seconds` (e.g. 300) so the check polls until ' +
            'the call works.'
    },
    'model-retiring': {
        title: 'The deployment\'s model version is retiring',
        meaning: 'The account\'s model catalogue marks the deployed model version Deprecating, or its inference ' +
            'deprecation date is less than 90 days away (a warning), or Deprecated (a failure: inference calls then ' +
            'answer errors). What happens at that date depends on the deployment\'s versionUpgradeOption: NoAutoUpgrade ' +
            'deployments stop working.',
        fix: (v) => {
            const model = v.model ? `${v.model}${v.modelVersion ? ` ${v.modelVersion}` : ''}` : 'the model version';
            const replacement = v.replacement ?? '<replacement-model> <version>';
            const [name = '<model>', version = '<version>'] = replacement.split(' ');
            return `${model} ${v.retiresOn ? `retires on ${v.retiresOn}` : 'is retiring'}; the catalogue names ` +
                `${replacement} as its replacement.${v.upgradeEffect ? ` ${v.upgradeEffect}` : ''}\nMove the deployment ` +
                `to the replacement: \`az cognitiveservices account deployment create -n ${accountName(v) ?? '<account-name>'} ` +
                `-g <resource-group> --deployment-name ${v.deployment ?? '<deployment>'} --model-format OpenAI ` +
                `--model-name ${name} --model-version ${version} --sku-name <sku> ` +
                '--sku-capacity <capacity>`, or set its version upgrade option to OnceNewDefaultVersionAvailable.';
        }
    },
    unknown: {
        title: 'The cause could not be determined',
        meaning: 'The error does not match a known cause; the redacted evidence shows what was seen.',
        fix: (v) => 'Read the evidence: the status, the response body (error.code), the AADSTS code or the network ' +
            'error code. For a connection that failed without a code, run on the same runner ' +
            `\`curl -sv https://${hostIn(v) ?? '<host>'}/ -o /dev/null\` (for the Entra ID step: ` +
            `\`curl -sv ${cloudOf(v).authorityHost}/ -o /dev/null\`): it shows whether DNS, the proxy, TLS or the ` +
            'service fails. `aoai-auth-check explain` names the cause of a pasted error text.'
    }
};
function phaseOf(id) {
    const entry = Object.entries(CAUSES_BY_PHASE).find(([, ids]) => ids.includes(id));
    return (entry?.[0] ?? 'other');
}
const CATALOGUE = Object.fromEntries(Object.entries(ENTRIES).map(([id, entry]) => [id, { id, phase: phaseOf(id), ...entry }]));

;// CONCATENATED MODULE: ./src/azure/guid.ts
/** A GUID (client, tenant, object and role ids), as the source of a regular expression. */
const GUID_SOURCE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const WHOLE_GUID = new RegExp(`^${GUID_SOURCE}$`);
function isGuid(value) {
    return WHOLE_GUID.test(value);
}

;// CONCATENATED MODULE: ./src/security/jwt.ts
// Reads JWT claims locally, without verification: the point is to show what a token says, never to trust it.
const JWT_PATTERN = /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
/** The decoded payload of a compact JWS, or undefined when `token` is not one. No signature check. */
function decodeJwtClaims(token) {
    const parts = token.trim().split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        if (!isObject(header) || !isObject(payload))
            return undefined;
        return payload;
    }
    catch {
        return undefined;
    }
}
/** Every JWT-shaped string in `text` (header and payload both base64url JSON objects). */
function findJwts(text) {
    return [...text.matchAll(JWT_PATTERN)].map((match) => match[0]).filter((jwt) => decodeJwtClaims(jwt) !== undefined);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/diagnosis/evidence.ts
// Reads the facts an error text carries: status, AADSTS codes, error codes, ids, the presented assertion values,
// the principal and data action of a PermissionDenied, retry hints, and the claims of any pasted JWT.



const GUID = GUID_SOURCE;
/** Azure AI hosts of every cloud, and API Management gateways in front of them. */
const AZURE_AI_URL_HOST = new RegExp(`\\bhttps?:\\/\\/(${azureAiHostSource(['azure-api.net'])})`, 'i');
const QUOTE = `['"\`‘’“”]`;
// The first capture group is the status; every pattern is a form seen in real pastes.
const STATUS_PATTERNS = [
    /\bHTTP(?:\/[\d.]+)?\s+(\d{3})\b/i, // curl -v, raw responses, "HTTP 429 (429)"
    /\bError code:\s*(\d{3})\b/i, // openai-python
    /"status(?:Code)?"\s*:\s*"?(\d{3})\b/i, // bare JSON bodies
    /\b(?:http_)?status(?:[ _]?code)?\s*[:=]\s*"?(\d{3})\b/i, // Status: 401 (.NET), status=401, http_status=401
    /\bError Code\s*:\s*(\d{3})\b/i, // @actions/core getIDToken
    /\bstatus code\s*(\d{3})\b/i, // "Request failed with status code 401", "responded with status code 403"
    /\b(\d{3}) (?:Unauthorized|Forbidden|Not Found|Too Many Requests|Bad Request|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Time-?out|Proxy Authentication Required|Request Timeout)\b/i,
    /\b(?:AuthenticationError|PermissionDeniedError|NotFoundError|RateLimitError|BadRequestError|InternalServerError|APIStatusError)\W+(?:Error code:\s*)?(\d{3})\b/,
    /\((\d{3})\)\s*(?:\w+\s*)?(?:Unauthorized|Forbidden|NotFound|Too Many Requests|\()/i,
    /"code"\s*:\s*"?(\d{3})"?/, // {"error":{"code":"401",...}}
    /\bResponse status code does not indicate success:\s*(\d{3})/i, // .NET HttpRequestException
    /\b(\d{3}) (?:Client|Server) Error\b/, // Python requests: raise_for_status()
    /\bresponded with status(?: code)? (\d{3})/i,
    /(?:^|\b[A-Za-z]*Error:\s*)([45]\d\d)\s+(?=["'{(]?[A-Z])/ // openai-node: "Error: 401 Access denied ..."
];
const ERROR_CODE_PATTERNS = [
    /["']code["']\s*:\s*["']([A-Za-z][\w.]+)["']/g, // JSON and Python dict reprs
    /\bcode:\s*'([A-Za-z][\w.]+)'/g, // JS object inspection
    /\b(?:ErrorCode|Error Code|x-ms-error-code)\s*[:=]\s*["']?([A-Za-z][\w.]+)/gi,
    /\bCode:\s*([A-Z][A-Za-z]+)\b/g, // "(AuthorizationFailed) ... Code: AuthorizationFailed"
    /^\(([A-Z][A-Za-z]+)\)/g, // azure-cli "(AuthorizationFailed) The client ..."
    /(?<!\d)\s\(([A-Z][A-Za-z]+)\) [A-Z]/g // azure-core "(PermissionDenied) The principal", not "401 (Reason)"
];
const OAUTH_ERRORS = /\b(invalid_client|invalid_request|invalid_grant|unauthorized_client|invalid_scope|invalid_resource|temporarily_unavailable|interaction_required)\b/;
const NETWORK_CODES = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ESOCKETTIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPROTO|EPIPE|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_SOCKET|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID|CERTIFICATE_VERIFY_FAILED)\b/;
function first(text, patterns) {
    for (const pattern of patterns) {
        const match = pattern.exec(text);
        if (match?.[1])
            return match[1];
    }
    return undefined;
}
/**
 * The first group of `pattern`, unless it is a mask (`***`, `<redacted>`, `xxxx`) or a template placeholder
 * (`{deployment-id}` in PermissionDenied messages): neither is a value.
 */
function capture(text, pattern) {
    const value = pattern.exec(text)?.[1]?.trim();
    return value && !/^(?:\*+|<[^>]*>|\{[^}]*\}|x+|\.+|redacted|\[redacted\])$/i.test(value) ? value : undefined;
}
function unique(values) {
    const distinct = [...new Set(values)];
    return distinct.length ? distinct : undefined;
}
function readStatus(text) {
    const status = first(text, STATUS_PATTERNS);
    const value = status ? Number(status) : undefined;
    return value && value >= 100 && value < 600 ? value : undefined;
}
function readAadstsCodes(text) {
    const codes = [...text.matchAll(/\bAADSTS(\d{5,8})\b/g)].map((m) => m[1]);
    const listed = [...text.matchAll(/"error_codes"\s*:\s*\[([\d,\s]+)\]/g)].flatMap((m) => m[1].match(/\d+/g) ?? []);
    const msal = [...text.matchAll(/\bError\(s\):\s*([\d,\s]+?)\s+-/g)].flatMap((m) => m[1].match(/\d+/g) ?? []);
    return unique([...codes, ...listed, ...msal]);
}
function readErrorCodes(text) {
    const codes = ERROR_CODE_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]));
    // Specific codes (PermissionDenied) before generic ones (BadRequest, Unauthorized, 401).
    const generic = /^(BadRequest|Unauthorized|Forbidden|NotFound|Error|InvalidRequest|invalid_request_error)$/i;
    const ranked = [...codes.filter((c) => !generic.test(c)), ...codes.filter((c) => generic.test(c))];
    return unique(ranked);
}
function readRetryAfter(text, headers) {
    const header = headers?.['retry-after'] ?? headers?.['retry-after-ms'];
    if (header && /^\d+$/.test(header.trim())) {
        return headers?.['retry-after'] ? Number(header) : Math.ceil(Number(header) / 1000);
    }
    const duration = /\btry again in (?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)?\b/i.exec(text);
    if (duration && (duration[1] || duration[2])) {
        return Number(duration[1] ?? 0) * 3600 + Number(duration[2] ?? 0) * 60 + Math.ceil(Number(duration[3] ?? 0));
    }
    const value = capture(text, /\b(?:retry|try again)(?: after| in)?\s+(\d+)\s*(?:seconds?|s)\b/i) ??
        capture(text, /\bretry-after(?:-ms)?["']?\s*[:=]\s*["']?(\d+)/i);
    return value ? Number(value) : undefined;
}
function readClaims(text) {
    const claims = findJwts(text)
        .map(decodeJwtClaims)
        .filter((c) => c !== undefined);
    return claims.length ? claims : undefined;
}
/** A Bearer value that is present and visibly not a JWT (redactions like *** or <token> do not count). */
function bearerIsNotJwt(text) {
    const values = [...text.matchAll(/\bBearer\s+([^\s"',;}]+)/gi)].map((m) => m[1]);
    const real = values.filter((v) => !/^[*<{$[]|^\.\.\.|xxx|redacted|token/i.test(v) && v.length >= 20);
    if (!real.length)
        return undefined;
    return real.some((v) => !v.startsWith('eyJ'));
}
/** Everything `text` (already normalised) says; `headers` are response headers when the caller has them. */
function readEvidence(text, headers) {
    const aadstsCodes = readAadstsCodes(text);
    const evidence = {
        status: readStatus(text),
        aadstsCodes,
        errorCodes: unique([...(headers?.['x-ms-error-code'] ? [headers['x-ms-error-code']] : []),
            ...(readErrorCodes(text) ?? [])]),
        reasonPhrase: capture(text, /\b(?:Status:|HTTP|status code does not indicate success:)\s*\d{3}\s*\(([A-Za-z][\w ]+)\)/i) ??
            capture(text, /\b\d{3} (?:Client|Server) Error:\s*([A-Za-z][\w ]+?) for url/),
        oauthError: capture(text, /"error"\s*:\s*"([a-z_]+)"/) ??
            capture(text, OAUTH_ERRORS),
        subject: capture(text, new RegExp(`assertion subject:?\\s*${QUOTE}([^'"\`‘’“”]+?)${QUOTE}(?!\\w)`, 'i')),
        subjectCaseOnly: aadstsCodes?.includes('7002138') ||
            /matches with case-insensitive comparison, but not with case-sensitive/i.test(text) || undefined,
        issuer: capture(text, new RegExp(`assertion issuer:?\\s*${QUOTE}([^'"\`‘’“”\\s]+?)${QUOTE}(?!\\w)`, 'i')),
        audience: capture(text, new RegExp(`assertion audience:?\\s*${QUOTE}([^'"\`‘’“”\\s]+?)${QUOTE}(?!\\w)`, 'i')),
        expectedAudience: capture(text, /audience is incorrect \(([^)]+)\)/i) ??
            capture(text, /expected audience (?:is )?[`'"]?(https:\/\/[^\s`'",)]+)/i),
        clientId: capture(text, new RegExp(`(?:Application with identifier|The client|client_id|client id)\\s*${QUOTE}?(${GUID})`, 'i')),
        tenant: capture(text, /\bTenant\s*'([^']+)'\s*not found/i) ??
            capture(text, /Specified tenant identifier\s*'([^']+)'/i) ?? capture(text, /in the directory\s*'([^']+)'/i),
        resource: capture(text, /resource principal named\s*(\S+?)\s+was not found/i),
        principalId: capture(text, new RegExp(`principal\\s*${QUOTE}?(${GUID})`, 'i')) ??
            capture(text, new RegExp(`object id\\s*${QUOTE}?(${GUID})`, 'i')),
        dataAction: capture(text, /(?:data action|dataAction)\s*[`'"]?(Microsoft\.[\w./*-]+)/i) ??
            capture(text, /perform action\s*'(Microsoft\.[\w./*-]+)'/i) ??
            capture(text, /\bAction:\s*'(Microsoft\.[\w./*-]+)'/), // Azure RBAC denials (Key Vault's ForbiddenByRbac)
        operation: capture(text, /to perform\s*[`'"]?((?:GET|POST|PUT|DELETE|PATCH)\s+[^`'"]+?)[`'"]?\s*operation/i),
        parameter: capture(text, /Unsupported (?:parameter|value):\s*'([^']+)'/i) ??
            capture(text, /["']param["']\s*:\s*["']([^"']+)["']/),
        model: capture(text, /does not work with the specified model,\s*([\w.-]+)/i) ??
            capture(text, /The model\s*[`'"]([^`'"]+)[`'"]\s*does not exist/i),
        retryAfterSeconds: readRetryAfter(text, headers),
        host: capture(text, AZURE_AI_URL_HOST) ??
            capture(text, /\b(?:getaddrinfo \w+|connect \w+|Host:)\s+([a-z0-9.-]+\.[a-z]{2,})/i),
        apiVersion: capture(text, /api-version=([\w.-]+)/i),
        // case-sensitive: the URL path, not a data action's .../OpenAI/deployments/...
        deployment: capture(text, /\/openai\/deployments\/([^/?\s"'`]+)/),
        traceId: capture(text, new RegExp(`trace[ _-]?id["']?\\s*[:=]?\\s*["']?(${GUID})`, 'i')),
        correlationId: capture(text, new RegExp(`correlation[ _-]?id["']?\\s*[:=]?\\s*["']?(${GUID})`, 'i')),
        requestId: capture(text, new RegExp(`(?:apim-request-id|x-ms-request-id|x-request-id|request[ _-]?id)["']?\\s*[:=]?\\s*["']?(${GUID}|req_[A-Za-z0-9]+)`, 'i')),
        timestamp: capture(text, /Timestamp:\s*(\d{4}-\d\d-\d\d[ T][\d:.]+Z?)/i),
        bearerIsNotJwt: bearerIsNotJwt(text),
        jwtClaims: readClaims(text),
        networkCode: capture(text, NETWORK_CODES)
    };
    return Object.fromEntries(Object.entries(evidence).filter(([, v]) => v !== undefined));
}

;// CONCATENATED MODULE: ./src/security/redact.ts
// Removes credentials from text before anyone sees it: error bodies, pasted logs, evidence.
const MASK = '***';
// What separates the pieces of a token that a terminal, a log viewer or a JSON log (`\n`) wrapped over lines.
const WRAP = String.raw `(?:\s|\\+[nrt])+`;
// A later piece of a wrapped token: a whole run of base64url (and '.') long enough not to be a word of prose.
const WRAPPED_PIECE = String.raw `[A-Za-z0-9_.-]{16,}(?![A-Za-z0-9_.-])`;
// Each pattern keeps its prefix (group 1) so the reader still sees what kind of value was there.
const SECRET_PATTERNS = [
    // JWTs anywhere (access tokens, GitHub OIDC tokens, client assertions), whole or wrapped over lines: any
    // `eyJ` run (a base64url JSON object) and the base64url runs that follow it; not prose's "a JWT (eyJ...)"
    new RegExp(String.raw `()\beyJ[A-Za-z0-9_-]+[A-Za-z0-9_.-]*(?:${WRAP}${WRAPPED_PIECE})*`, 'g'),
    // Authorization: Bearer <value> (long enough to be a credential, not prose such as "Bearer token")
    /(\bBearer\s+)(?!\*\*\*)[^\s"',;}]{16,}/gi,
    // form and query parameters that carry credentials
    /(\b(?:client_assertion|client_secret|assertion|access_token|id_token|refresh_token|api-key|api_key|subscription-key)=)[^&\s"']+/gi,
    // headers and JSON/dict fields: api-key: x, "api_key": "x", 'Ocp-Apim-Subscription-Key': 'x'
    // and names ending in one (AZURE_OPENAI_API_KEY=..., ACTIONS_ID_TOKEN_REQUEST_TOKEN=...);
    // not a workflow's `permissions: id-token: write`, which fixes quote
    /(\b[\w-]*?(?:api[-_]?key|ocp-apim-subscription-key|client[-_]?secret|client[-_]?assertion|access[-_]?token|id[-_]?token|request[-_]?token|password)["']?\s*[:=]\s*["']?)(?!\*\*\*)(?!(?:read|write|none)\b)[^\s"',;}]+/gi,
    // Entra ID client secrets: three characters, a digit, 'Q~', then the rest (abc8Q~...)
    /()(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{20,}/g,
    // OpenAI-style keys
    /()\bsk-[A-Za-z0-9_-]{16,}/g,
    // Azure AI services keys: 32 hex characters, or the 84-character form
    /()\b[0-9a-f]{32}\b/gi,
    /()\b[A-Za-z0-9]{84}\b/g
];
/** `text` with JWTs, keys, Bearer values, client assertions/secrets, api-key headers and `knownSecrets` → '***'. */
function redactSecrets(text, knownSecrets = []) {
    let redacted = text;
    for (const secret of [...knownSecrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length)) {
        redacted = redacted.split(secret).join(MASK);
    }
    for (const pattern of SECRET_PATTERNS) {
        redacted = redacted.replace(pattern, (_match, prefix) => `${prefix}${MASK}`);
    }
    return redacted;
}
/** A deep copy of `value` (evidence, a whole run) with every string passed through `redactSecrets`. */
function redactDeep(value, knownSecrets = []) {
    return redactValue(value, knownSecrets);
}
function redactValue(value, secrets) {
    if (typeof value === 'string')
        return redactSecrets(value, secrets);
    if (Array.isArray(value))
        return value.map((item) => redactValue(item, secrets));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, secrets)]));
    }
    return value;
}

;// CONCATENATED MODULE: ./src/diagnosis/access-token.ts
// One verdict on an access token's claims, for the live run's check before anything is sent and for the
// diagnosis of a 401 (the run's own token, or one pasted with the error).

/** The audience as compared: trailing slashes do not count (v1 tokens carry `https://.../`). */
function normalisedAudience(audience) {
    return typeof audience === 'string' ? audience.replace(/\/+$/, '') : undefined;
}
/** Audience first: a pasted token has often expired by the time it is pasted, whatever the error was. */
function judgeAccessToken(claims, { expectedAudiences, taker, now, expiresOn }) {
    const audience = normalisedAudience(claims.aud);
    if (expectedAudiences !== 'any') {
        const accepted = expectedAudiences?.map((expected) => normalisedAudience(expected));
        const fits = audience !== undefined && (accepted ? accepted.includes(audience) : isDataPlaneAudience(audience));
        if (!fits) {
            const takes = accepted
                ? `${taker ?? 'the endpoint'} takes ${accepted.join(' or ')}`
                : 'Azure OpenAI takes https://cognitiveservices.azure.com or its cloud\'s audience';
            return { cause: 'wrong-token-audience', detail: `The token's audience is ${audience ?? '(none)'}, but ${takes}.` };
        }
    }
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : expiresOn;
    if (expiresAt !== undefined && expiresAt <= now) {
        return { cause: 'token-expired', detail: `The token expired at ${new Date(expiresAt).toISOString()}.` };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/diagnosis/rules.ts


/** Text about a GitHub OIDC login (Azure/login, its auth-type, an OIDC or federated token request). */
const OIDC_LOGIN_CONTEXT = /Azure\/login|\bauth-type\b|\bOIDC\b|\bid-token\b|getIDToken|ACTIONS_ID_TOKEN_REQUEST|federated token/i;
/**
 * A data action of another service than Cognitive Services (Key Vault, Storage...): its role is not one the
 * catalogue can name.
 */
function isOtherServiceAction(facts) {
    return facts.dataAction !== undefined && !/^Microsoft\.CognitiveServices\//i.test(facts.dataAction);
}
const NO_OIDC_ALTERNATIVES = [
    { cause: 'fork-pr-no-oidc', why: 'A pull request from a fork never gets an OIDC token (id-token is read-only ' +
            'for forks), which shows the same missing ACTIONS_ID_TOKEN_REQUEST_URL: the triggering event decides.' },
    { cause: 'dependabot-no-oidc', why: 'Runs triggered by Dependabot get a read-only GITHUB_TOKEN and no OIDC ' +
            'token, with the same missing ACTIONS_ID_TOKEN_REQUEST_URL: the actor (dependabot[bot]) decides.' }
];
function decideNoOidc(facts, context) {
    const event = context.event;
    if (event?.isDependabot) {
        return { cause: 'dependabot-no-oidc', why: 'The run was triggered by Dependabot, which never gets an OIDC token.' };
    }
    if (event?.isForkPullRequest) {
        return { cause: 'fork-pr-no-oidc', why: `The ${event.name} event comes from a fork, which never gets an OIDC ` +
                'token.' };
    }
    if (event) {
        return { cause: 'missing-id-token-permission', why: `The ${event.name} run is not one GitHub withholds ` +
                'OIDC tokens from (a fork\'s pull_request, a Dependabot run), so the job lacks `permissions: id-token: write`.' };
    }
    if (/dependabot/i.test(facts.text)) {
        return { cause: 'dependabot-no-oidc', why: 'The run is a Dependabot run, which never gets an OIDC token.' };
    }
    if (/\bfork(?:ed)? (?:detected|pull request|PR|repository)|\bfrom (?:a |the )?fork/i.test(facts.text)) {
        return { cause: 'fork-pr-no-oidc', why: 'The log shows a run from a fork, which never gets an OIDC token.' };
    }
    return undefined;
}
/** The generic data-plane 401: the bearer's own claims (or what was sent) decide between its three causes. */
function decideFromToken(facts, context) {
    if (context.sentCredential === 'api-key' || facts.bearerIsNotJwt) {
        return { cause: 'key-sent-as-bearer', why: 'An API key was sent in the Authorization: Bearer header; the ' +
                'service reads a Bearer value as an Entra token.' };
    }
    const claims = context.accessTokenClaims ?? facts.jwtClaims?.find((c) => typeof c.aud === 'string');
    if (!claims)
        return undefined;
    // Newer answers name internal audiences ("urn:ms.scopedToken or urn:ms.faceSessionToken"): only a URL is one
    const named = facts.expectedAudience?.startsWith('https://') ? [facts.expectedAudience] : undefined;
    const verdict = judgeAccessToken(claims, { expectedAudiences: named ?? context.expectedAudiences, now: Date.now() });
    if (verdict)
        return { cause: verdict.cause, why: verdict.detail };
    // A live run's own token with the right audience, not expired: of this answer's reasons only the tenant is left.
    if (context.accessTokenClaims && context.sentCredential === 'entra-token') {
        return { cause: 'token-tenant-mismatch', why: `The token's audience (${String(claims.aud)}) and expiry are ` +
                `right, so the resource is likely in another tenant than the token's (${String(claims.tid)}).` };
    }
    return undefined;
}
const SECRETS_WITHHELD = [
    { cause: 'fork-pr-no-oidc', why: 'Pull requests from forks get no secrets (and no OIDC token): the event decides.' },
    { cause: 'dependabot-no-oidc', why: 'Dependabot runs get only Dependabot secrets (and no OIDC token): the actor ' +
            'decides.' }
];
/** Empty secrets: a fork or Dependabot run never has them, whatever the workflow says. */
function decideSecretsWithheld(_facts, context) {
    if (context.event?.isDependabot) {
        return { cause: 'dependabot-no-oidc', why: 'The run was triggered by Dependabot, which gets neither the ' +
                'repository\'s secrets nor an OIDC token.' };
    }
    if (context.event?.isForkPullRequest) {
        return { cause: 'fork-pr-no-oidc', why: 'The pull request comes from a fork, which gets neither secrets nor an ' +
                'OIDC token.' };
    }
    return undefined;
}
/** AADSTS70021 names all three presented values: a visibly odd audience or issuer decides. */
function decideAssertionRecord(facts) {
    if (facts.audience && !isTokenExchangeAudience(facts.audience)) {
        return { cause: 'fic-audience-mismatch', why: `The token presents the audience '${facts.audience}', not ` +
                'the token-exchange audience (api://AzureADTokenExchange, or its US Government or China form) that ' +
                'federated credentials for GitHub list.' };
    }
    // A trailing slash on the presented issuer decides nothing: GitHub's issuer was printed with one for years.
    if (facts.issuer && /^http:|\.svc\.cluster\.local|\.local\b/.test(facts.issuer)) {
        return { cause: 'fic-issuer-mismatch', why: `The token presents the cluster-internal issuer '${facts.issuer}', ` +
                'not the public OIDC issuer URL a federated credential is registered for.' };
    }
    return undefined;
}
const PROPAGATING = { cause: 'role-assignment-propagating', why: 'If the role was assigned in the ' +
        'last ~10 minutes, it may not have reached the data plane yet (a fresh token is also needed).' };
const GENERIC_401_ALTERNATIVES = [
    { cause: 'token-expired', why: 'The same message is returned for an expired token: the token\'s `exp` decides.' },
    { cause: 'key-sent-as-bearer', why: 'An API key sent as `Authorization: Bearer` gets the same message: if the ' +
            'Bearer value is not a JWT (eyJ...), that is the cause.' },
    { cause: 'token-tenant-mismatch', why: 'A token from another tenant is also refused: the token\'s `tid` decides.' }
];
/** 429: a retry-after of an hour or more (typically 86400 s) is a quota that resets daily, not a momentary limit. */
function decideRateLimit(facts) {
    if (facts.retryAfterSeconds !== undefined && facts.retryAfterSeconds >= 3600) {
        return { cause: 'quota-exhausted', why: `The service asks to retry after ${facts.retryAfterSeconds} seconds: ` +
                'the quota is used up for the period (a daily or monthly quota), retrying soon will not help.' };
    }
    return undefined;
}
function decideByCredential(facts, context) {
    if (context.sentCredential === 'api-key') {
        return { cause: 'invalid-api-key', why: 'An API key was sent and refused with 401.' };
    }
    return decideFromToken(facts, context);
}
const RULES = [
    // ── GitHub OIDC ──
    {
        cause: 'missing-id-token-permission',
        why: 'The runner did not provide ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN: the job has no `id-token: write` ' +
            'permission (or the event never gets one).',
        text: /Unable to get (?:the )?ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)|ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)\W+(?:env(?:ironment)? variable )?(?:is |was )?(?:not (?:set|defined|present|available)|missing|undefined|empty|unset)|(?:missing|no) ACTIONS_ID_TOKEN_REQUEST|GitHub Actions OIDC (?:is )?not available|(?:missing|insufficient) (?:or insufficient )?OIDC token permissions|id-token(?:: ?write)? permission (?:is )?(?:missing|not (?:set|granted))/i,
        alternatives: NO_OIDC_ALTERNATIVES,
        decide: decideNoOidc
    },
    {
        cause: 'oidc-request-failed',
        why: 'The request to GitHub\'s OIDC token endpoint failed (the permission was there, the token was not ' +
            'issued).',
        text: /Failed to get ID Token|Response json body do not have ID Token field|getIDToken\W.{0,40}(?:failed|error)|Error: undefined\. Please make sure to give write permissions to id-token|githubAssertion|getAssertion: received HTTP status/i
    },
    {
        cause: 'oidc-request-failed',
        why: 'A login step that uses GitHub OIDC failed without a message of its own (an undefined error from the ' +
            'token request): the request to GitHub\'s OIDC token endpoint failed.',
        text: /Cannot read properties of undefined \(reading 'message'\)/i,
        // Any JavaScript bug prints this: only a text that is about the OIDC login says it is the token request.
        when: (facts) => facts.phase === 'github-oidc' || OIDC_LOGIN_CONTEXT.test(facts.text)
    },
    {
        cause: 'missing-id-token-permission',
        why: 'The tool asks for `permissions: id-token: write`: the job did not get a GitHub OIDC token.',
        // Not `id-token: write` itself: pasted workflows hold it, whatever failed.
        text: /give write permissions? to id-token|Failed to fetch federated token from GitHub/i,
        alternatives: [...NO_OIDC_ALTERNATIVES, { cause: 'oidc-request-failed', why: 'The same wrapper text follows ' +
                    'any failed token request: an "Error Code :" from GitHub in the log means the request itself failed.' }],
        decide: decideNoOidc
    },
    // ── Entra ID token exchange (AADSTS codes; the number is exact: 700213 is not 7002138) ──
    {
        cause: 'fic-subject-mismatch',
        why: 'AADSTS7002138: the subject matches a federated credential only case-insensitively; Entra compares ' +
            'subjects case-sensitively.',
        aadsts: ['7002138']
    },
    {
        cause: 'fic-subject-mismatch',
        why: 'AADSTS700213: no federated identity credential has the subject the GitHub token presents.',
        aadsts: ['700213']
    },
    {
        cause: 'fic-issuer-mismatch',
        why: 'AADSTS700211: no federated identity credential has the issuer the token presents.',
        aadsts: ['700211']
    },
    {
        cause: 'fic-audience-mismatch',
        why: 'AADSTS700212: no federated identity credential has the audience the token presents.',
        aadsts: ['700212']
    },
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
        cause: 'no-fic-configured',
        why: 'AADSTS70025: the application has no federated identity credential at all.',
        aadsts: ['70025']
    },
    {
        cause: 'fic-subject-mismatch',
        why: 'AADSTS70021: no federated identity record matches the presented assertion (issuer, subject and ' +
            'audience together); the subject is the usual difference.',
        aadsts: ['70021'],
        decide: decideAssertionRecord,
        alternatives: [
            { cause: 'fic-issuer-mismatch', why: 'The presented issuer must equal the credential\'s issuer exactly ' +
                    '(https://token.actions.githubusercontent.com, no trailing slash): compare "Assertion Issuer".' },
            { cause: 'fic-audience-mismatch', why: 'The presented audience must be one of the credential\'s audiences ' +
                    '(api://AzureADTokenExchange): compare "Assertion Audience".' },
            { cause: 'no-fic-configured', why: 'An application with no federated credential fails the same way: ' +
                    'list them with `az ad app federated-credential list`.' }
        ]
    },
    {
        cause: 'assertion-expired',
        why: 'AADSTS700024: the GitHub OIDC token (client assertion) was outside its valid time range when it was ' +
            'exchanged.',
        aadsts: ['700024', '500133']
    },
    {
        cause: 'assertion-expired',
        why: 'The client assertion was outside its valid time range when it was exchanged.',
        text: /assertion is not within its valid time range/i
    },
    {
        cause: 'app-not-found',
        why: 'The client id is not an application (or managed identity) in this tenant.',
        aadsts: ['700016', '70001', '7000229']
    },
    {
        cause: 'app-not-found',
        why: 'The application has no service principal in this tenant (the token has no `oid`).',
        text: /Application with identifier .{0,60}was not found in the directory|at least one of the claims 'puid' or 'altsecid' or 'oid' should be present|service principal is properly created in the tenant/i
    },
    {
        cause: 'app-not-found',
        why: 'AADSTS7000112: the application (or its service principal) is disabled in this tenant.',
        aadsts: ['7000112']
    },
    {
        cause: 'tenant-not-found',
        why: 'The tenant id does not exist (or belongs to another cloud).',
        aadsts: ['90002', '900023', '50059'],
        alternatives: [{ cause: 'endpoint-cloud-mismatch', why: 'A tenant of US Government or China is not found by ' +
                    'the public cloud\'s authority: the `environment` (cloud) decides.' }]
    },
    {
        cause: 'conditional-access-blocked',
        why: 'AADSTS53003: a Conditional Access policy blocked the token for this identity.',
        aadsts: ['53003']
    },
    {
        cause: 'resource-principal-not-found',
        why: 'AADSTS500011: the resource of the requested scope has no service principal in the tenant (the scope ' +
            'is wrong, e.g. the endpoint URL instead of https://cognitiveservices.azure.com/.default).',
        aadsts: ['500011']
    },
    {
        cause: 'invalid-client-secret',
        why: 'A client secret was sent and refused (wrong value, the secret id instead of its value, or expired).',
        aadsts: ['7000215', '7000222']
    },
    {
        cause: 'endpoint-cloud-mismatch',
        why: 'AADSTS900382: the request crossed clouds (public vs US Government vs China).',
        aadsts: ['900382']
    },
    {
        cause: 'fic-issuer-mismatch',
        why: 'AADSTS700027: the client assertion\'s signature could not be validated against the issuer\'s keys.',
        aadsts: ['700027'],
        alternatives: [{ cause: 'oidc-request-failed', why: 'An assertion that is not a GitHub OIDC token (empty, ' +
                    'truncated, from another issuer) fails the same way.' }]
    },
    {
        cause: 'oidc-request-failed',
        why: 'The client assertion sent to Entra was empty or not a JWT: the GitHub OIDC token was never obtained.',
        aadsts: ['50027', '7000218', '7000216'],
        alternatives: [{ cause: 'missing-id-token-permission', why: 'The usual reason the assertion is empty: the ' +
                    'job lacks `id-token: write`, an earlier "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL" in the log decides.' }]
    },
    {
        cause: 'invalid-input',
        why: 'The requested scope is not valid for a client-credentials request (it must be <resource>/.default).',
        aadsts: ['70011', '1002012', '90009']
    },
    {
        cause: 'invalid-input',
        why: 'AADSTS900144: a required parameter (usually client_id) was empty: the client id reached the request as ' +
            'an empty value (an unset variable or secret).',
        aadsts: ['900144'],
        alternatives: SECRETS_WITHHELD
    },
    // ── Data plane: specific service errors ──
    {
        cause: 'regional-endpoint-no-subdomain',
        why: 'A token was sent to a regional endpoint: Entra ID tokens need the resource\'s custom subdomain.',
        text: /custom subdomain for token authentication|provide a custom subdomain|Subdomain is required for token/i
    },
    {
        cause: 'regional-endpoint-no-subdomain',
        why: 'The service found no credential it accepts: a token sent to a regional endpoint (which takes only ' +
            'keys) gets this older wording.',
        text: /Please provide an authentication key/i,
        alternatives: [{ cause: 'invalid-api-key', why: 'A request with no `api-key` header at all gets the same ' +
                    'answer: whether a token or nothing was sent decides.' }],
        decide: (_facts, context) => context.sentCredential === 'api-key'
            ? { cause: 'invalid-api-key', why: 'The api-key header was not accepted as a key.' }
            : undefined
    },
    {
        cause: 'local-auth-disabled',
        why: 'Key authentication is disabled on the resource (disableLocalAuth): only Entra ID tokens are accepted.',
        text: /Key based authentication is disabled|AuthenticationTypeDisabled|local auth(?:entication)? is disabled/i
    },
    {
        cause: 'network-blocked',
        why: 'The resource\'s network rules (firewall, private endpoint, public access disabled) refused the caller.',
        text: /Virtual Network\/Firewall rules|not from an approved private endpoint|Public (?:network )?access is disabled|public network access (?:is )?(?:disabled|not allowed)|ip address .{0,40}(?:is )?not (?:allowed|authorized)|(?:blocked|denied) by (?:the )?(?:firewall|network rules)/i
    },
    {
        cause: 'missing-data-plane-role',
        why: 'The principal authenticated, but holds no role granting the data action (e.g. Cognitive Services ' +
            'OpenAI User) on the resource.',
        text: /lacks the required data action|(?:Principal )?does not have access to API\/Operation/i,
        when: (facts) => !isOtherServiceAction(facts),
        alternatives: [PROPAGATING]
    },
    {
        cause: 'role-assignment-propagating',
        why: 'Azure RBAC refused the caller, and the service says role changes made recently take time to ' +
            'propagate: a role assigned in the last minutes decides.',
        text: /please observe propagation time/i,
        alternatives: [{ cause: 'missing-data-plane-role', why: 'If no role was assigned or changed in the last ' +
                    'minutes, the principal lacks a role granting the action (on Azure OpenAI: Cognitive Services OpenAI User).' }]
    },
    {
        cause: 'missing-data-plane-role',
        why: 'Azure RBAC refused the caller: the principal holds no role granting the data action on the resource.',
        text: /Caller is not authorized to perform action on resource|ForbiddenByRbac/i,
        when: (facts) => !isOtherServiceAction(facts),
        alternatives: [PROPAGATING]
    },
    {
        cause: 'token-tenant-mismatch',
        why: 'The token was issued by another tenant than the resource\'s.',
        text: /InvalidAuthenticationTokenTenant|token is from the wrong issuer|does not match (?:the )?resource tenant|(?:token|issuer) tenant .{0,80}does not match|tenant .{0,60}does not match .{0,40}(?:resource|subscription)/i
    },
    {
        cause: 'wrong-token-audience',
        why: 'The token was issued for another audience (resource) than the service accepts.',
        text: /InvalidAuthenticationTokenAudience|obtained for (?:the )?wrong audience|Invalid audience|audience (?:claim )?(?:is )?invalid|(?:required|expected) audience (?:is )?[`'"]?https:\/\/ai\.azure/i
    },
    {
        cause: 'token-expired',
        why: 'The access token had expired when it was used.',
        text: /ExpiredAuthenticationToken|access token expiry UTC time|Lifetime validation failed|(?:access )?token (?:has |is )expired|token expired/i
    },
    {
        cause: 'wrong-token-audience',
        why: 'The service refused the bearer token: its audience is wrong, it is expired, or it is not an Entra ' +
            'token. The token\'s `aud` and `exp` decide.',
        text: /Access token is missing, invalid, audience is incorrect|audience is incorrect|Access token is missing or invalid/i,
        alternatives: GENERIC_401_ALTERNATIVES,
        decide: decideFromToken
    },
    {
        cause: 'wrong-endpoint-host',
        why: 'The request went to api.openai.com (OpenAI\'s platform), not to the Azure OpenAI endpoint.',
        // not any platform.openai.com link: openai-python's connection errors carry an error-codes docs link
        text: /Incorrect API key provided|platform\.openai\.com\/account|https?:\/\/api\.openai\.com\/v1|invalid_organization|No such organization/i,
        alternatives: [{ cause: 'invalid-api-key', why: 'If the request did reach Azure, the key itself is wrong.' }]
    },
    {
        cause: 'invalid-api-key',
        why: 'The API key was refused: it is not a key of this resource (or was regenerated).',
        text: /invalid subscription key|wrong API endpoint|invalid_api_key|API key (?:is )?(?:invalid|not valid)/i,
        alternatives: [
            { cause: 'wrong-endpoint-host', why: 'A valid key of another resource (or a regional endpoint of another ' +
                    'region) gets the same 401: the endpoint the key belongs to decides.' },
            { cause: 'endpoint-malformed', why: 'An endpoint pasted with extra path (the whole request URL) gets the same ' +
                    '"wrong API endpoint" 401: the endpoint value decides.' }
        ]
    },
    {
        cause: 'invalid-api-key',
        why: 'No key reached the service in the header it reads (`api-key`, or `Ocp-Apim-Subscription-Key` at an API ' +
            'Management gateway): the key is empty or missing.',
        // Azure AI services and API Management: "Access denied due to (a) missing (application credentials or)
        // subscription key. Make sure to include (an application token or) a subscription key..."
        text: /missing (?:application credentials or )?subscription key|include (?:an application token or )?a subscription key/i,
        alternatives: [{ cause: 'key-sent-as-bearer', why: 'A key sent as `Authorization: Bearer` instead of `api-key` ' +
                    'is missing from the header the gateway reads: the request\'s headers decide.' }],
        decide: (facts) => facts.bearerIsNotJwt
            ? { cause: 'key-sent-as-bearer', why: 'The key was sent as `Authorization: Bearer`, not in the `api-key` ' +
                    'header.' }
            : undefined
    },
    {
        cause: 'missing-data-plane-role',
        why: 'The service answered PermissionDenied: the principal holds no role granting the data action.',
        code: /^PermissionDenied$/,
        when: (facts) => !isOtherServiceAction(facts),
        alternatives: [PROPAGATING]
    },
    {
        cause: 'deployment-not-found',
        why: 'The deployment name does not exist on this resource (or was created minutes ago).',
        text: /DeploymentNotFound|API deployment for this resource does not exist|model_not_found|The model [`'"][^`'"]+[`'"] does not exist|deployment (?:[`'"][^`'"]+[`'"] )?(?:does not exist|was not found|not found)/i
    },
    {
        cause: 'operation-not-supported',
        why: 'The deployment\'s model does not support the operation (e.g. chat on an embeddings model).',
        text: /OperationNotSupported|operation does not work with the specified model|does not support (?:the )?(?:chat|completions|embeddings)/i
    },
    {
        cause: 'unsupported-parameter',
        why: 'The model rejects a request parameter (reasoning models take max_completion_tokens, not max_tokens).',
        text: /unsupported_parameter|unsupported_value|Unsupported (?:parameter|value)|is not supported with this model|Use 'max_completion_tokens' instead|Unrecognized request argument/i,
        alternatives: [{ cause: 'wrong-api-version-or-path', why: 'An api-version older than the parameter ' +
                    '(max_completion_tokens needs 2024-09-01-preview or later) is refused the same way.' }]
    },
    {
        cause: 'wrong-api-version-or-path',
        why: 'The api-version is missing, unknown or unsupported for this operation.',
        text: /api[- ]version (?:is )?not supported|Unsupported api[- ]version|api-version .{0,40}(?:is )?(?:not supported|invalid|required|missing)|Missing required query parameter:? api-version|Invalid api-version|apiVersion. argument|OPENAI_API_VERSION|enabled only for api versions?/i
    },
    {
        cause: 'endpoint-malformed',
        why: 'The request URL was built from an endpoint that is not a bare resource URL (an invalid URL, or the ' +
            '/openai/ path twice because the endpoint already held it).',
        text: /ERR_INVALID_URL|TypeError: Invalid URL|\/openai\/(?:deployments\/[^/\s"']+\/[\w/]*)?\/?openai\/|Invalid URL \((?:GET|POST) /i,
        alternatives: [{ cause: 'wrong-api-version-or-path', why: 'If the endpoint is the bare resource URL, the ' +
                    'api-version or the path the client adds is wrong.' }]
    },
    {
        cause: 'wrong-api-version-or-path',
        why: '"Resource not found" without DeploymentNotFound: the URL path or api-version is wrong (e.g. an endpoint ' +
            'pasted with extra path, or a base URL the client extends again).',
        text: /\bResource not found\b/i,
        alternatives: [
            { cause: 'endpoint-malformed', why: 'An endpoint with extra path segments builds a wrong URL: the endpoint ' +
                    'value decides.' },
            { cause: 'deployment-not-found', why: 'A missing deployment answers DeploymentNotFound instead.' }
        ]
    },
    {
        cause: 'quota-exhausted',
        why: 'The quota is used up (not a momentary rate limit): retrying soon will not help.',
        text: /insufficient_quota|exceeded your current quota|quota (?:has been )?exceeded|out of quota/i
    },
    {
        cause: 'throttled',
        why: 'The deployment\'s rate limit (tokens or requests per minute) was hit; authentication itself worked.',
        text: /exceeded (?:the )?(?:token |call )?rate limit|currently experiencing high demand|exceeds the maximum usage size|Rate limit (?:is |has been )?(?:exceeded|reached)|RateLimitError|Too Many Requests|RateLimitExceeded|rate_limit_exceeded/i,
        alternatives: [{ cause: 'quota-exhausted', why: 'A retry-after of an hour or more would mean a used-up quota.' }],
        decide: decideRateLimit
    },
    // ── Control plane ──
    {
        cause: 'arm-authorization-failed',
        why: 'The identity has no role allowing this control-plane action at this scope.',
        text: /AuthorizationFailed|does not have authorization to perform action|No subscriptions found for|LinkedAuthorizationFailed/i
    },
    {
        cause: 'role-assignment-propagating',
        why: 'The principal or its role assignment is new and has not replicated yet.',
        text: /replication delay|PrincipalNotFound/i,
        alternatives: [{ cause: 'app-not-found', why: 'If the principal id is simply wrong, it will never appear.' }]
    },
    {
        cause: 'invalid-input',
        why: 'The client id or tenant id reached the login step empty (a secret that is not set, or set in an ' +
            'environment the job does not reference).',
        text: /Not all values are present\. Ensure 'client-id' and 'tenant-id' are supplied|Input required and not supplied: (?:client-id|tenant-id|creds)/i,
        alternatives: SECRETS_WITHHELD,
        decide: decideSecretsWithheld
    },
    // ── No credential at all (after the specific rows: a chain that holds an AADSTS or a service error is that) ──
    {
        cause: 'invalid-input',
        why: 'No credential in the chain was configured (DefaultAzureCredential tried environment variables, workload ' +
            'identity, managed identity and the Azure CLI, and none was set up): in a workflow, the client id, tenant id ' +
            'and the GitHub OIDC token are not wired in.',
        text: /DefaultAzureCredential failed to retrieve a token|(?:ChainedTokenCredential|DefaultAzureCredential)(?: authentication failed|: failed to acquire a token)|CredentialUnavailableError|No credential in this chain|EnvironmentCredential (?:authentication )?(?:is )?unavailable|Please run 'az login'/i,
        alternatives: [{ cause: 'oidc-request-failed', why: 'If the workflow runs azure/login or sets ' +
                    'AZURE_FEDERATED_TOKEN_FILE, an earlier failed OIDC token request leaves the chain empty the same way.' }]
    },
    // ── Transport ──
    {
        cause: 'proxy-failure',
        why: 'The proxy answered the CONNECT with a gateway error (502/503/504): it could not open the tunnel to the ' +
            'host.',
        text: /Proxy response \((?:502|503|504)\) !== 200 when HTTP Tunneling|tunneling socket could not be established,? statusCode=(?:502|503|504)|Tunnel connection failed: (?:502|503|504)/i,
        alternatives: [{ cause: 'dns-failure', why: 'Corporate proxies answer 502 or 503 when the host does not ' +
                    'resolve (a typo in the endpoint, a deleted resource, a private-endpoint-only name): whether ' +
                    '`nslookup <host>` finds the name decides.' }]
    },
    {
        cause: 'proxy-failure',
        why: 'The proxy refused or failed the connection (CONNECT tunnel, 407 Proxy Authentication Required).',
        text: /tunneling socket could not be established|Proxy response \(\d{3}\) !== 200 when HTTP Tunneling|Proxy Authentication Required|ProxyError|Unable to connect to proxy|proxy (?:connect(?:ion)? )?(?:refused|failed|error)|CONNECT (?:tunnel )?failed|HTTP code 407|\b407\b.{0,40}proxy/i
    },
    {
        cause: 'tls-failure',
        why: 'The TLS certificate was not trusted (TLS-inspecting proxy, missing CA, wrong host).',
        text: /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT|unable to (?:get|verify) (?:the )?(?:local issuer|first) certificate|CERTIFICATE_VERIFY_FAILED|certificate verify failed|self[- ]signed certificate|certificate has expired|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID|does not match certificate's altnames|remote certificate is invalid|SSL connection could not be established|PKIX path building failed|SSLHandshakeException|unable to find valid certification path|\bSSLError\b|SSL: WRONG_VERSION_NUMBER|Hostname mismatch|certificate is not valid for|SSL certificate problem/i
    },
    {
        cause: 'dns-failure',
        why: 'The host name did not resolve (typo in the endpoint, a deleted resource, or private DNS only).',
        // \b: "ResourceNotFoundException" / "ResourceNotFoundError" contain "enotfound" but are HTTP 404s.
        text: /\bENOTFOUND\b|\bEAI_AGAIN\b|getaddrinfo|Name or service not known|nodename nor servname|No such host is known|NameResolutionError|Failed to resolve|Temporary failure in name resolution|UnknownHostException|Could not resolve host|name resolution failed/i,
        alternatives: [{ cause: 'proxy-failure', why: 'On a network that reaches out only through a proxy, names do ' +
                    'not resolve locally: if the runner sits behind one, whether HTTPS_PROXY is set decides.' }]
    },
    {
        cause: 'timeout',
        why: 'The call did not complete in time (network path, proxy, or a hung service).',
        text: /ETIMEDOUT|ESOCKETTIMEDOUT|UND_ERR_(?:CONNECT|HEADERS|BODY)_TIMEOUT|timed out|Request timed out|APITimeoutError|ConnectTimeout|ReadTimeout|The operation was aborted|AbortError|HttpClient\.Timeout|Timeout of \d+ ?ms exceeded|deadline exceeded/i
    },
    {
        cause: 'proxy-failure',
        why: 'Nothing accepted the connection (ECONNREFUSED): an HTTPS_PROXY that is not listening, or a firewall ' +
            'that rejects the connection to the host.',
        text: /ECONNREFUSED|Connection refused/i
    },
    {
        cause: 'proxy-failure',
        why: 'The connection was reset before any HTTP answer (ECONNRESET): a proxy or firewall on the path cut it, ' +
            'typically one that does not allow the host.',
        text: /ECONNRESET|Connection reset by peer/i,
        alternatives: [{ cause: 'tls-failure', why: 'A TLS-inspecting proxy also resets handshakes it refuses: a ' +
                    'certificate error in the log decides.' }]
    },
    {
        cause: 'unknown',
        why: 'The connection failed before any HTTP answer, and the text does not keep the underlying error: its ' +
            'code (ENOTFOUND, a certificate error, ECONNREFUSED or ECONNRESET, ETIMEDOUT) decides.',
        text: /Connection error|APIConnectionError|network_error|Network request failed|socket hang up|socket disconnected before secure TLS connection|fetch failed|endpoints_resolution_error|Error communicating with|ServiceRequestError/i,
        alternatives: [
            { cause: 'dns-failure', why: 'ENOTFOUND / getaddrinfo in the underlying error: the host does not resolve.' },
            { cause: 'tls-failure', why: 'A certificate error in the underlying error: a TLS-inspecting proxy.' },
            { cause: 'proxy-failure', why: 'A refused or failed CONNECT through HTTPS_PROXY.' },
            { cause: 'timeout', why: 'ETIMEDOUT: the network path drops the traffic.' }
        ]
    },
    // ── Service errors ──
    {
        cause: 'service-error',
        why: 'The service failed on its side (5xx); it is not a configuration problem.',
        text: /InternalServerError|The server had an error|Internal server error|Service Unavailable|ServiceUnavailable|Bad Gateway|currently overloaded|server_error/i
    },
    // ── Fallbacks: a status with nothing specific ──
    { cause: 'proxy-failure', why: 'HTTP 407: the proxy requires authentication.', status: [407] },
    {
        cause: 'oidc-request-failed',
        why: 'GitHub\'s OIDC token endpoint answered with an error, or with no token.',
        phase: ['github-oidc']
    },
    {
        cause: 'missing-data-plane-role',
        why: 'A bare 401 from the data plane: the response body (error.code) tells which; PermissionDenied is the ' +
            'most common with Entra tokens.',
        status: [401],
        phase: ['data-plane', 'unknown'],
        alternatives: [
            { cause: 'wrong-token-audience', why: 'A token for another audience gets 401 too: the token\'s `aud` decides.' },
            { cause: 'invalid-api-key', why: 'With an API key, a 401 means the key is wrong.' },
            { cause: 'token-expired', why: 'An expired token gets 401: the token\'s `exp` decides.' }
        ],
        decide: decideByCredential
    },
    {
        cause: 'network-blocked',
        why: 'A bare 403 from the data plane: network rules or disabled key authentication.',
        status: [403],
        phase: ['data-plane', 'unknown'],
        alternatives: [{ cause: 'local-auth-disabled', why: 'With an API key, a 403 usually means key authentication ' +
                    'is disabled.' }],
        decide: (_facts, context) => context.sentCredential === 'api-key'
            ? { cause: 'local-auth-disabled', why: 'An API key was refused with 403.' }
            : undefined
    },
    {
        cause: 'wrong-api-version-or-path',
        why: 'A 404 without DeploymentNotFound: the path or api-version is wrong (e.g. an endpoint pasted with ' +
            'extra path).',
        status: [404],
        phase: ['data-plane', 'unknown'],
        alternatives: [
            { cause: 'deployment-not-found', why: 'A missing deployment answers 404 DeploymentNotFound.' },
            { cause: 'endpoint-malformed', why: 'An endpoint with extra path segments builds a wrong URL.' }
        ]
    },
    {
        cause: 'throttled',
        why: 'HTTP 429: a rate limit was hit; authentication itself worked.',
        status: [429],
        alternatives: [{ cause: 'quota-exhausted', why: 'A retry-after of an hour or more means a used-up quota.' }],
        decide: decideRateLimit
    },
    { cause: 'timeout', why: 'HTTP 408: the request timed out.', status: [408] },
    { cause: 'service-error', why: 'A 5xx from the service.', status: [500, 502, 503, 504] }
];

;// CONCATENATED MODULE: ./src/diagnosis/text.ts
// Turns a pasted error (JSON, SDK repr, escaped log line, wrapped console output) into one searchable line.
const LINE_PREFIXES = [
    /^\s*\uFEFF/,
    /^\s*\d{4}-\d\d-\d\d[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?\s*/, // 2024-05-01T10:00:00.1234567Z
    /^\s*\[?\d\d:\d\d:\d\d(?:[.,]\d+)?\]?\s*/, // 10:00:00.123
    /^\s*##\[(?:error|warning|debug|notice|group|endgroup)\]\s*/i,
    /^\s*(?:\||>|[*]\s)\s*/ // quoted or table-pasted lines
];
/** Undoes the escaping that JSON strings, Python reprs and log shippers add (applied twice for double escaping). */
function unescapeText(text) {
    let result = text;
    for (let pass = 0; pass < 2; pass++) {
        result = result
            .replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex) => String.fromCharCode(parseInt(hex, 16)))
            .replace(/\\[nrt]/g, ' ')
            .replace(/\\(["'/\\`])/g, '$1');
    }
    return result
        .replace(/&quot;/g, '"')
        .replace(/&#39;|&#x27;|&apos;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}
function stripPrefixes(line) {
    let stripped = line;
    for (let changed = true; changed;) {
        changed = false;
        for (const prefix of LINE_PREFIXES) {
            const next = stripped.replace(prefix, '');
            if (next !== stripped) {
                stripped = next;
                changed = true;
            }
        }
    }
    return stripped;
}
/** The text as one line: escapes undone, log prefixes removed, lines joined, whitespace collapsed. */
function normaliseText(text) {
    return unescapeText(text)
        .split(/\r?\n/)
        .map(stripPrefixes)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
}
/** Lines joined without a space: finds words a terminal or a log viewer broke in the middle. */
function unwrappedText(text) {
    return unescapeText(text)
        .split(/\r?\n/)
        .map((line) => stripPrefixes(line).trim())
        .join('');
}

;// CONCATENATED MODULE: ./src/diagnosis/classify.ts




const MAX_CANDIDATES = 5;
function matches(rule, facts) {
    if (rule.phase && !rule.phase.includes(facts.phase ?? 'unknown'))
        return false;
    if (rule.status && (facts.status === undefined || !rule.status.includes(facts.status)))
        return false;
    if (rule.aadsts && !rule.aadsts.some((code) => facts.aadstsCodes?.includes(code)))
        return false;
    if (rule.code && !facts.errorCodes?.some((code) => rule.code?.test(code)))
        return false;
    if (rule.text && !rule.text.test(facts.text) && !rule.text.test(facts.unwrapped))
        return false;
    if (rule.when && !rule.when(facts))
        return false;
    return Boolean(rule.text || rule.aadsts || rule.code || rule.status || rule.phase);
}
function isFallback(rule) {
    return !rule.text && !rule.aadsts && !rule.code;
}
function addUnique(list, candidate) {
    if (!list.some((c) => c.cause === candidate.cause))
        list.push(candidate);
}
function classify(observation, context = {}) {
    const text = normaliseText(observation.text);
    const evidence = readEvidence(text, observation.headers);
    if (observation.status !== undefined)
        evidence.status = observation.status;
    const facts = { ...evidence, text, unwrapped: unwrappedText(observation.text), phase: observation.phase };
    const matched = RULES.filter((rule) => matches(rule, facts));
    const [winner, ...others] = matched;
    const report = { ...evidence };
    if (observation.phase)
        report.phase = observation.phase;
    // An unknown answer shows what was seen instead (redacted)
    if (!winner || winner.cause === 'unknown')
        report.excerpt = redactSecrets(text).slice(0, 400);
    if (!winner) {
        return {
            cause: 'unknown',
            candidates: [{ cause: 'unknown', why: 'No known Azure OpenAI, Entra ID or GitHub OIDC error was recognised ' +
                        'in the text; the status, the response body (error.code) or the AADSTS code would tell.' }],
            evidence: report
        };
    }
    const decided = winner.decide?.(facts, context);
    if (decided) {
        return { cause: decided.cause, candidates: [decided], evidence: report };
    }
    const candidates = [{ cause: winner.cause, why: winner.why }];
    for (const alternative of winner.alternatives ?? [])
        addUnique(candidates, alternative);
    // A named cause is never followed by `unknown`: the connection-error row adds nothing after one.
    for (const other of others.filter((rule) => !isFallback(rule) && rule.cause !== 'unknown')) {
        addUnique(candidates, { cause: other.cause, why: other.why });
    }
    return { cause: candidates[0].cause, candidates: candidates.slice(0, MAX_CANDIDATES), evidence: report };
}

;// CONCATENATED MODULE: ./src/cli/fix-values.ts
// The user's values for a fix, as far as a pasted error shows them (the live action knows more).



const fix_values_GITHUB_ISSUER = /^https:\/\/token\.actions\.(?:githubusercontent\.com|[\w-]+\.ghe\.com)/;
function fix_values_text(value) {
    return typeof value === 'string' && value ? value : undefined;
}
function url(value) {
    return fix_values_text(value)?.startsWith('https://') ? value : undefined;
}
function fixValuesFromEvidence(evidence) {
    const claims = Array.isArray(evidence.jwtClaims) ? evidence.jwtClaims : [];
    const github = claims.find((c) => fix_values_GITHUB_ISSUER.test(fix_values_text(c.iss) ?? ''));
    const entra = claims.find((c) => c !== github && typeof c.tid === 'string');
    const host = fix_values_text(evidence.host);
    const tenant = fix_values_text(evidence.tenant);
    const cloud = host ? cloudOfHost(host) : undefined;
    const values = {
        subject: fix_values_text(evidence.subject) ?? fix_values_text(github?.sub),
        subjectCaseOnly: evidence.subjectCaseOnly === true || undefined,
        issuer: fix_values_text(evidence.issuer) ?? fix_values_text(github?.iss),
        clientId: fix_values_text(evidence.clientId) ?? fix_values_text(entra?.appid) ?? fix_values_text(entra?.azp),
        tenantId: (tenant && isGuid(tenant) ? tenant : undefined) ?? fix_values_text(entra?.tid),
        principalId: fix_values_text(evidence.principalId) ?? fix_values_text(entra?.oid),
        tokenAudience: fix_values_text(entra?.aud),
        scope: url(evidence.expectedAudience)?.replace(/\/?$/, '/.default'),
        host,
        cloud: cloud?.name,
        endpoint: host && cloud?.subdomainSuffixes.some((suffix) => hostIsUnder(host, suffix))
            ? `https://${host}/`
            : undefined,
        deployment: fix_values_text(evidence.deployment),
        apiVersion: fix_values_text(evidence.apiVersion),
        model: fix_values_text(evidence.model),
        parameter: fix_values_text(evidence.parameter),
        role: dataPlaneRoleFor({ dataAction: fix_values_text(evidence.dataAction) }),
        retryAfterSeconds: typeof evidence.retryAfterSeconds === 'number' ? evidence.retryAfterSeconds : undefined
    };
    return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

;// CONCATENATED MODULE: ./src/cli/explain.ts
// `aoai-auth-check explain`: reads a pasted error, names the cause and the fix.







const PHASES = ['github-oidc', 'entra-token', 'data-plane', 'arm'];
const FLAGS = {
    status: { kind: 'integer', valueName: 'N', min: 100, max: 599,
        description: 'the HTTP status, when the text lacks it' },
    phase: { kind: 'choice', values: PHASES, description: 'where the error came from' },
    json: { kind: 'boolean', description: 'print one JSON object instead of the human answer' },
    file: { kind: 'string', valueName: 'F', description: 'read the error text from file F instead of standard input' },
    help: { kind: 'boolean', description: 'show this help' }
};
const EXPLAIN_HELP = `Usage: aoai-auth-check explain [--status N] [--phase ${PHASES.join('|')}] [--json] [--file F]

Names the cause of an Azure OpenAI, Entra ID or GitHub OIDC authentication error and the fix.
Paste the error on standard input (a response body, an SDK exception, a log, curl -v output), or pass --file.
A JWT in the text is decoded locally for its claims and never printed back.

${describeFlags(FLAGS)}

Examples:
  pbpaste | aoai-auth-check explain
  aoai-auth-check explain --status 401 --phase data-plane --json < error.txt
`;
/** The answer for one error text: the diagnosis plus the catalogue's title and fix with the values it shows. */
function explainText(text, status, phase) {
    const diagnosis = classify({ text, status, phase });
    const entry = CATALOGUE[diagnosis.cause];
    return {
        cause: diagnosis.cause,
        candidates: diagnosis.candidates,
        title: entry.title,
        fix: entry.fix(fixValuesFromEvidence(diagnosis.evidence)),
        evidence: diagnosis.evidence
    };
}
async function runExplain(argv, io) {
    const flags = parseFlags(argv, FLAGS);
    if (flags.help) {
        io.out(EXPLAIN_HELP);
        return 0;
    }
    const text = typeof flags.file === 'string' ? readInputFile(flags.file) : await io.readStdin();
    if (!text.trim()) {
        throw new UsageError('no error text: pipe it on standard input (aoai-auth-check explain < error.txt) or ' +
            'use --file F');
    }
    const answer = explainText(text, flags.status, flags.phase);
    const output = flags.json ? JSON.stringify(answer, null, 2) + '\n' : humanAnswer(answer);
    io.out(withoutPastedSecrets(output, text));
    return 0;
}
/**
 * The answer holds claims, never tokens; this guard keeps it so whatever a rule extracted from the paste: the
 * tokens in it, whole or wrapped over lines (each line's piece of a wrapped token is masked on its own).
 */
function withoutPastedSecrets(output, pasted) {
    const bearers = [...pasted.matchAll(/\bBearer\s+([^\s"',;}]{16,})/gi)].map((match) => match[1]);
    const tokens = [...new Set([...findJwts(pasted), ...findJwts(unwrappedText(pasted))])];
    const pieces = [...pasted.replace(/\\+[nrt]/g, ' ').matchAll(/[A-Za-z0-9_.-]{8,}/g)]
        .map((match) => match[0])
        .filter((piece) => tokens.some((token) => token.includes(piece)));
    let guarded = output;
    for (const secret of [...tokens, ...bearers, ...pieces].sort((a, b) => b.length - a.length)) {
        guarded = guarded.split(secret).join('***');
    }
    return guarded;
}
function readInputFile(path) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new UsageError(`--file ${path}: cannot read it (${error.code ?? String(error)})`);
    }
}
function humanAnswer(answer) {
    const [best, ...others] = answer.candidates;
    const lines = [`Cause: ${answer.title} (${answer.cause})`, `Why:   ${best.why}`, '', 'Fix:', indent(answer.fix)];
    if (others.length) {
        lines.push('', 'The text alone cannot decide; other possible causes, and what decides:');
        for (const other of others)
            lines.push(`  - ${CATALOGUE[other.cause].title} (${other.cause}): ${other.why}`);
    }
    const evidence = describeEvidence(answer.evidence);
    if (evidence)
        lines.push('', `Evidence: ${evidence}`);
    return lines.join('\n') + '\n';
}
function indent(text) {
    return text.split('\n').map((line) => (line ? `  ${line}` : line)).join('\n');
}
function describeEvidence(evidence) {
    return Object.entries(evidence)
        .filter(([key]) => key !== 'excerpt')
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(', ');
}

;// CONCATENATED MODULE: ./src/cli/io.ts
// What a CLI command may touch: its output and its input, so commands stay testable and `cli.ts` stays thin.
const processIo = {
    out: (text) => process.stdout.write(text),
    async readStdin() {
        if (process.stdin.isTTY) {
            process.stderr.write('Paste the error, then press Ctrl-D (Ctrl-Z Enter on Windows):\n');
        }
        const chunks = [];
        for await (const chunk of process.stdin)
            chunks.push(Buffer.from(chunk));
        return Buffer.concat(chunks).toString('utf8');
    }
};

;// CONCATENATED MODULE: ./src/cli.ts
// aoai-auth-check CLI: parses the command name and hands the rest to the command.



const COMMANDS = {
    explain: { run: runExplain, summary: 'name the cause of a pasted Azure OpenAI / Entra ID / GitHub OIDC error' }
};
const HELP = `Usage: aoai-auth-check <command> [flags]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`).join('\n')}

Run 'aoai-auth-check <command> --help' for a command's flags.
`;
async function main(argv) {
    const [name, ...rest] = argv;
    if (name === undefined) {
        process.stderr.write(HELP);
        return 2;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(HELP);
        return 0;
    }
    const command = COMMANDS[name];
    if (!command)
        throw new UsageError(`unknown command '${name}'; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return command.run(rest, processIo);
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    if (error instanceof UsageError) {
        process.stderr.write(`aoai-auth-check: ${error.message}\nRun 'aoai-auth-check --help' for usage.\n`);
        process.exitCode = 2;
    }
    else {
        process.stderr.write(`aoai-auth-check: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
    }
});

