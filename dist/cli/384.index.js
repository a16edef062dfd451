export const id = 384;
export const ids = [384];
export const modules = {

/***/ 9384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readConfigFiles: () => (/* binding */ readConfigFiles)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
// EXTERNAL MODULE: ./src/repo-config/file-context.ts
var file_context = __webpack_require__(2197);
// EXTERNAL MODULE: ./src/repo-config/tree.ts
var repo_config_tree = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/repo-config/values.ts
var values = __webpack_require__(4355);
;// CONCATENATED MODULE: ./src/repo-config/appsettings.ts



const APPSETTINGS_SECTION_KEYS = [
    ['DeploymentName'],
    ['ChatDeploymentName'],
    ['EmbeddingDeploymentName', 'embeddings']
];
const EXPECTED = 'an "AzureOpenAI" section with Endpoint and DeploymentName / ChatDeploymentName / EmbeddingDeploymentName, ' +
    '"ConnectionStrings" in the form "Endpoint=https://<name>.openai.azure.com/;Deployment=<deployment>", or ' +
    '"Aspire:Azure:AI:OpenAI" with Endpoint';
function readAppsettings(text, file) {
    const opened = (0,file_context/* openStructured */.oq)((0,repo_config_tree/* parseJson */.qF)(text), file, 'appsettings', `JSON with ${EXPECTED}`);
    if ('reading' in opened)
        return opened.reading;
    const { context, root } = opened;
    const chat = (0,repo_config_tree/* entryOf */.Ms)(root, 'AzureOpenAI', true);
    const embeddings = (0,repo_config_tree/* entryOf */.Ms)(root, 'AzureOpenAIEmbeddings', true);
    const targets = [
        ...sectionTargets(context, chat, 'AzureOpenAI'),
        ...sectionTargets(context, embeddings, 'AzureOpenAIEmbeddings', chat),
        ...connectionStringTargets(context, (0,repo_config_tree/* entryOf */.Ms)(root, 'ConnectionStrings', true)),
        ...aspireTargets(context, root)
    ];
    if (targets.length === 0)
        context.noTargets(`expected ${EXPECTED}`);
    return context.reading(targets);
}
function sectionTargets(context, section, name, embeddingsOf) {
    if (section?.value.kind !== 'map')
        return [];
    const node = section.value;
    const own = (0,repo_config_tree/* entryOf */.Ms)(node, 'Endpoint', true);
    const shared = own ? undefined : (0,repo_config_tree/* entryOf */.Ms)(embeddingsOf?.value, 'Endpoint', true);
    const endpointKey = own ? `${name}:Endpoint` : `${embeddingsOf?.key ?? name}:Endpoint`;
    const deployments = APPSETTINGS_SECTION_KEYS.flatMap(([key, probe]) => {
        const entry = (0,repo_config_tree/* entryOf */.Ms)(node, key, true);
        return entry ? [{ entry, probe: embeddingsOf ? 'embeddings' : probe }] : [];
    });
    if (!own && deployments.length === 0)
        return [];
    const base = () => {
        const target = context.target({ offset: section.keyOffset, end: node.end });
        context.setField(target, 'endpoint', own ?? shared, endpointKey);
        context.setField(target, 'apiVersion', (0,repo_config_tree/* entryOf */.Ms)(node, 'ApiVersion', true), `${name}:ApiVersion`);
        (0,file_context/* readEndpointPath */.fc)(target);
        return target;
    };
    if (deployments.length === 0)
        return [base()];
    const seen = new Set();
    return deployments.flatMap(({ entry, probe }) => {
        const target = base();
        context.setField(target, 'deployment', entry, `${name}:${entry.key}`);
        const deployment = target.fields.deployment;
        if (deployment && seen.has(deployment.value))
            return [];
        if (deployment)
            seen.add(deployment.value);
        if (deployment && probe)
            target.fields.probe = { ...deployment, value: probe };
        return [target];
    });
}
function connectionStringTargets(context, section) {
    if (section?.value.kind !== 'map')
        return [];
    return section.value.entries.flatMap((entry) => {
        const node = entry.value;
        if (node.kind !== 'scalar' || node.text === undefined || (0,values/* isReference */.A_)(node.text))
            return [];
        const parts = connectionStringParts(node.text);
        const bareUrl = /^https?:\/\//i.test(node.text.trim());
        if (!bareUrl && !parts.has('endpoint'))
            return [];
        if (parts.get('isazure')?.value.toLowerCase() === 'false')
            return [];
        const key = `ConnectionStrings:${entry.key}`;
        const target = context.target({ offset: entry.keyOffset, end: node.end }, entry.key);
        const at = (offset) => context.position(node.offset + 1 + offset);
        if (bareUrl) {
            target.fields.endpoint = (0,values/* locatedValue */.GN)(node.text, key, at(0));
        }
        else {
            const endpoint = parts.get('endpoint');
            if (endpoint)
                target.fields.endpoint = (0,values/* locatedValue */.GN)(endpoint.value, `${key} Endpoint`, at(endpoint.offset));
            const deployment = parts.get('deployment');
            const model = parts.get('model');
            if (deployment && model) {
                target.problems.push({
                    ...at(model.offset),
                    message: `${(0,values/* escapeControls */.UN)(key)} sets both Deployment and Model; Aspire accepts only one of them`
                });
            }
            const named = deployment ?? model;
            if (named) {
                target.fields.deployment = (0,values/* locatedValue */.GN)(named.value, `${key} ${deployment ? 'Deployment' : 'Model'}`, at(named.offset));
            }
            const apiKey = parts.get('key');
            if (apiKey)
                context.apiKey(`${key} Key`, apiKey.value, at(apiKey.offset));
        }
        (0,file_context/* readEndpointPath */.fc)(target);
        return [target];
    });
}
function aspireTargets(context, root) {
    let node = root;
    for (const name of ['Aspire', 'Azure', 'AI', 'OpenAI'])
        node = (0,repo_config_tree/* entryOf */.Ms)(node, name, true)?.value;
    if (node?.kind !== 'map')
        return [];
    const clients = [];
    const direct = (0,repo_config_tree/* entryOf */.Ms)(node, 'Endpoint', true);
    if (direct)
        clients.push({ entry: direct, settings: node });
    for (const entry of node.entries) {
        if (entry.value.kind === 'map' && (0,repo_config_tree/* entryOf */.Ms)(entry.value, 'Endpoint', true)) {
            clients.push({ name: entry.key, entry, settings: entry.value });
        }
    }
    return clients.map(({ name, entry, settings }) => {
        const target = context.target({ offset: entry.keyOffset, end: settings === node ? entry.value.end : settings.end }, name);
        const prefix = `Aspire:Azure:AI:OpenAI${name ? `:${name}` : ''}`;
        context.setField(target, 'endpoint', (0,repo_config_tree/* entryOf */.Ms)(settings, 'Endpoint', true), `${prefix}:Endpoint`);
        (0,file_context/* readEndpointPath */.fc)(target);
        return target;
    });
}
function connectionStringParts(text) {
    const parts = new Map();
    let offset = 0;
    for (const part of text.split(';')) {
        const equals = part.indexOf('=');
        if (equals > 0) {
            const raw = part.slice(equals + 1);
            const lead = raw.length - raw.trimStart().length;
            parts.set(part.slice(0, equals).trim().toLowerCase(), { value: raw.trim(), offset: offset + equals + 1 + lead });
        }
        offset += part.length + 1;
    }
    return parts;
}

// EXTERNAL MODULE: ./node_modules/dotenv/dist/index.cjs
var dotenv_dist = __webpack_require__(8230);
;// CONCATENATED MODULE: ./src/repo-config/dotenv.ts



const DOTENV_ENDPOINT_KEYS = ['AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_BASE', 'AZURE_OPENAI_BASE_URL'];
const DOTENV_DEPLOYMENT_KEYS = [
    ['AZURE_OPENAI_DEPLOYMENT'],
    ['AZURE_OPENAI_DEPLOYMENT_NAME'],
    ['AZURE_OPENAI_CHAT_DEPLOYMENT_NAME'],
    ['AZURE_OPENAI_EMBEDDING_DEPLOYMENT', 'embeddings'],
    ['AZURE_OPENAI_EMBEDDING_DEPLOYMENT_NAME', 'embeddings']
];
const DOTENV_API_VERSION_KEYS = ['AZURE_OPENAI_API_VERSION', 'OPENAI_API_VERSION'];
const dotenv_EXPECTED = `${DOTENV_ENDPOINT_KEYS.join(', ')} or ${DOTENV_DEPLOYMENT_KEYS.map(([key]) => key).join(', ')}`;
function readDotenv(text, file) {
    const index = new values/* LineIndex */.rr(text);
    const context = new file_context/* FileContext */.ep(file, 'dotenv', index);
    const variables = (0,dotenv_dist.parse)(text);
    const where = assignmentPositions(text);
    const positionOf = (key) => where.get(key) ?? { line: 1, column: 1 };
    const valueOf = (key) => {
        const raw = Object.hasOwn(variables, key) ? variables[key] : undefined;
        if (raw === undefined || raw.trim() === '' || (0,values/* isReference */.A_)(raw))
            return undefined;
        return (0,values/* locatedValue */.GN)(raw, key, positionOf(key));
    };
    for (const [key, value] of Object.entries(variables))
        context.apiKey(key, value, positionOf(key));
    const notes = [];
    const endpointKey = DOTENV_ENDPOINT_KEYS.find((key) => valueOf(key));
    const endpoint = endpointKey ? valueOf(endpointKey) : undefined;
    const implied = endpoint && !endpoint.problem ? (0,values/* readSdkEndpoint */.EY)(endpoint.value, endpoint.key) : undefined;
    if (endpoint && implied)
        endpoint.value = implied.endpoint;
    if (implied?.note)
        notes.push(implied.note);
    for (const other of DOTENV_ENDPOINT_KEYS.filter((key) => key !== endpointKey && valueOf(key))) {
        notes.push(`${other} is also set; ${endpointKey} is the endpoint checked`);
    }
    const apiVersionKey = DOTENV_API_VERSION_KEYS.find((key) => valueOf(key));
    let apiVersion = apiVersionKey ? valueOf(apiVersionKey) : undefined;
    if (endpoint && implied?.apiVersion)
        apiVersion = { ...endpoint, value: implied.apiVersion };
    const deployments = [];
    if (endpoint && implied?.deployment) {
        deployments.push({ value: (0,values/* locatedValue */.GN)(implied.deployment, endpoint.key, endpoint) });
    }
    for (const [key, probe] of DOTENV_DEPLOYMENT_KEYS) {
        const value = valueOf(key);
        if (value && !deployments.some((known) => known.value.value === value.value))
            deployments.push({ value, probe });
    }
    if (!endpoint && deployments.length === 0) {
        context.noTargets(`expected ${dotenv_EXPECTED}`);
        return context.reading([]);
    }
    const block = { start: 1, end: index.lineCount };
    const targetAt = (position) => ({
        file,
        format: 'dotenv',
        line: position.line,
        column: position.column,
        block,
        fields: { ...(endpoint ? { endpoint } : {}), ...(apiVersion ? { apiVersion } : {}) },
        notes: [...notes],
        problems: []
    });
    if (deployments.length === 0)
        return context.reading([targetAt(endpoint ?? { line: 1, column: 1 })]);
    return context.reading(deployments.map(({ value, probe }) => {
        const target = targetAt({ line: value.line, column: 1 });
        target.fields.deployment = value;
        if (probe)
            target.fields.probe = { ...value, value: probe };
        return target;
    }));
}
const ASSIGNMENT = /^([ \t]*(?:export[ \t]+)?)([\w.-]+)([ \t]*=[ \t]*|:[ \t]+)(['"`]?)/;
function assignmentPositions(text) {
    const positions = new Map();
    text.split('\n').forEach((line, lineIndex) => {
        const match = ASSIGNMENT.exec(line);
        if (!match)
            return;
        const [, lead, key, separator, quote] = match;
        positions.set(key, { line: lineIndex + 1, column: lead.length + key.length + separator.length + quote.length + 1 });
    });
    return positions;
}

;// CONCATENATED MODULE: ./src/repo-config/litellm.ts



const AZURE_MODEL = /^azure\/(?:responses\/)?(.+)$/;
const litellm_EXPECTED = 'a LiteLLM config: model_list entries with litellm_params (model: azure/<deployment>, api_base, api_version)';
function readLitellm(text, file) {
    const opened = (0,file_context/* openStructured */.oq)((0,repo_config_tree/* parseYaml */.hN)(text), file, 'litellm', litellm_EXPECTED);
    if ('reading' in opened)
        return opened.reading;
    const { context, root } = opened;
    const list = (0,repo_config_tree/* entryOf */.Ms)(root, 'model_list')?.value;
    if (list?.kind !== 'list') {
        context.invalid(list?.offset ?? root.offset, `model_list must be a list; expected ${litellm_EXPECTED}`);
        return context.reading([]);
    }
    const targets = list.items.flatMap((item) => modelTarget(context, item));
    if (targets.length === 0)
        context.noTargets(`no model_list entry uses an azure/<deployment> model; expected ${litellm_EXPECTED}`);
    return context.reading(targets);
}
function modelTarget(context, item) {
    const params = (0,repo_config_tree/* entryOf */.Ms)(item, 'litellm_params')?.value;
    const model = (0,repo_config_tree/* entryOf */.Ms)(params, 'model')?.value;
    if (model?.kind !== 'scalar' || model.text === undefined)
        return [];
    const deployment = AZURE_MODEL.exec(model.text.trim())?.[1];
    if (!deployment)
        return [];
    const name = (0,repo_config_tree/* entryOf */.Ms)(item, 'model_name')?.value;
    const target = context.target(item, name?.kind === 'scalar' ? name.text : undefined);
    target.fields.deployment = (0,values/* locatedValue */.GN)(deployment, 'litellm_params.model', context.position(model.offset));
    context.setField(target, 'endpoint', (0,repo_config_tree/* entryOf */.Ms)(params, 'api_base'), 'litellm_params.api_base');
    context.setField(target, 'apiVersion', (0,repo_config_tree/* entryOf */.Ms)(params, 'api_version'), 'litellm_params.api_version');
    context.setField(target, 'clientId', (0,repo_config_tree/* entryOf */.Ms)(params, 'client_id'), 'litellm_params.client_id');
    context.setField(target, 'tenantId', (0,repo_config_tree/* entryOf */.Ms)(params, 'tenant_id'), 'litellm_params.tenant_id');
    const mode = (0,repo_config_tree/* entryOf */.Ms)((0,repo_config_tree/* entryOf */.Ms)(item, 'model_info')?.value, 'mode')?.value;
    if (mode?.kind === 'scalar' && mode.text === 'embedding') {
        target.fields.probe = { ...target.fields.deployment, key: 'model_info.mode', value: 'embeddings' };
    }
    (0,file_context/* readEndpointPath */.fc)(target);
    return [target];
}

// EXTERNAL MODULE: ./src/repo-config/native.ts
var repo_config_native = __webpack_require__(9398);
;// CONCATENATED MODULE: ./src/repo-config/promptflow.ts


const promptflow_EXPECTED = 'a promptflow connection: type: azure_open_ai, api_base: https://<name>.openai.azure.com/, api_version';
function readPromptflow(text, file) {
    const opened = (0,file_context/* openStructured */.oq)((0,repo_config_tree/* parseYaml */.hN)(text), file, 'promptflow', promptflow_EXPECTED);
    if ('reading' in opened)
        return opened.reading;
    const { context, root } = opened;
    const name = (0,repo_config_tree/* entryOf */.Ms)(root, 'name')?.value;
    const target = context.target(root, name?.kind === 'scalar' ? name.text : undefined);
    context.setField(target, 'endpoint', (0,repo_config_tree/* entryOf */.Ms)(root, 'api_base'));
    context.setField(target, 'apiVersion', (0,repo_config_tree/* entryOf */.Ms)(root, 'api_version'));
    (0,file_context/* readEndpointPath */.fc)(target);
    if (!(0,repo_config_tree/* entryOf */.Ms)(root, 'api_base')) {
        context.noTargets(`api_base is not set; expected ${promptflow_EXPECTED}`);
        return context.reading([]);
    }
    return context.reading([target]);
}

;// CONCATENATED MODULE: ./src/repo-config/read-text.ts







const READERS = {
    native: repo_config_native/* readNative */.AE,
    dotenv: readDotenv,
    appsettings: readAppsettings,
    promptflow: readPromptflow,
    litellm: readLitellm
};
const FORMATS_EXPECTED = 'aoai-auth-check.yml/.yaml/.json or a YAML/JSON file with a top-level "targets:" list, a .env file, ' +
    'appsettings*.json, a promptflow azure_open_ai connection YAML, or a LiteLLM config.yaml with a model_list';
function readConfigText(file, text) {
    const format = formatOf(file, text);
    if (format)
        return READERS[format](text, file);
    return {
        targets: [],
        findings: [
            {
                kind: 'unrecognised',
                file,
                line: 1,
                column: 1,
                message: `is not a config file the action reads; expected ${FORMATS_EXPECTED}`
            }
        ],
        secrets: []
    };
}
function formatOf(file, text) {
    const name = external_node_path_.posix.basename(file).toLowerCase();
    if (name === '.env' || name.endsWith('.env') || name.startsWith('.env.'))
        return 'dotenv';
    if (/^appsettings.*\.json$/.test(name))
        return 'appsettings';
    if (/^aoai-auth-check\.(ya?ml|json)$/.test(name))
        return 'native';
    const json = name.endsWith('.json');
    if (!json && !/\.ya?ml$/.test(name))
        return undefined;
    const tree = json ? (0,repo_config_tree/* parseJson */.qF)(text) : (0,repo_config_tree/* parseYaml */.hN)(text);
    if (tree.errors.length > 0)
        return json ? 'appsettings' : 'native';
    return formatOfContent(tree.root, json);
}
function formatOfContent(root, json) {
    if ((0,repo_config_tree/* entryOf */.Ms)(root, 'targets'))
        return 'native';
    const type = (0,repo_config_tree/* entryOf */.Ms)(root, 'type')?.value;
    if (type?.kind === 'scalar' && type.text === 'azure_open_ai')
        return 'promptflow';
    if ((0,repo_config_tree/* entryOf */.Ms)(root, 'model_list'))
        return 'litellm';
    if (json &&
        ['AzureOpenAI', 'AzureOpenAIEmbeddings', 'ConnectionStrings', 'Aspire'].some((key) => (0,repo_config_tree/* entryOf */.Ms)(root, key, true))) {
        return 'appsettings';
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/repo-config/files.ts





const MAX_FILES = 100;
const MAX_BYTES = 512 * 1024;
const NEVER_READ = ['**/node_modules/**', '**/.git/**'];
async function readConfigFiles(patterns, options) {
    const workspace = await (0,promises_.realpath)(options.workspace);
    const problems = [];
    const files = [];
    const seen = new Set();
    for (const pattern of patterns) {
        const shown = (0,values/* escapeControls */.UN)(pattern);
        const escape = escapesWorkspace(pattern);
        if (escape) {
            problems.push({ pattern: shown, severity: 'error', message: escape });
            continue;
        }
        const named = !(0,dist/* isDynamicPattern */.ey)(pattern);
        const matches = named ? [pattern.replace(/^\.\//, '')] : await globIn(workspace, pattern);
        if (matches.length === 0) {
            problems.push({ pattern: shown, severity: 'notice', message: 'matches no file in the workspace' });
        }
        for (const match of matches) {
            if (files.length >= MAX_FILES) {
                problems.push({
                    pattern: shown,
                    severity: 'notice',
                    message: `more than ${MAX_FILES} files: the rest are not read`
                });
                break;
            }
            const located = await locate(workspace, match);
            if ('problem' in located) {
                problems.push({ pattern: shown, severity: named ? 'error' : 'notice', message: located.problem });
                continue;
            }
            if (seen.has(located.file))
                continue;
            seen.add(located.file);
            const reading = readConfigText(located.file, located.text);
            for (const secret of reading.secrets)
                options.onSecret(secret);
            files.push({ ...reading, file: located.file, named });
        }
    }
    return { files, problems };
}
function escapesWorkspace(pattern) {
    if ((0,external_node_path_.isAbsolute)(pattern) || /^[A-Za-z]:[\\/]/.test(pattern) || pattern.startsWith('~')) {
        return 'must be relative to the workspace (GITHUB_WORKSPACE), e.g. config/.env or **/appsettings*.json';
    }
    if (pattern.split(/[\\/]/).includes('..'))
        return 'must stay inside the workspace: ".." is not allowed';
    return undefined;
}
async function globIn(workspace, pattern) {
    const matches = await (0,dist/* glob */.TI)(pattern, {
        cwd: workspace,
        dot: true,
        onlyFiles: true,
        followSymbolicLinks: false,
        expandDirectories: false,
        ignore: NEVER_READ
    });
    return matches.sort();
}
async function locate(workspace, match) {
    const path = (0,external_node_path_.resolve)(workspace, match);
    const file = (0,external_node_path_.relative)(workspace, path).split(external_node_path_.sep).join('/');
    if (!inside(workspace, path))
        return { problem: `${(0,values/* escapeControls */.UN)(match)} is outside the workspace: not read` };
    let real;
    try {
        real = await (0,promises_.realpath)(path);
    }
    catch {
        return { problem: `${(0,values/* escapeControls */.UN)(file)} does not exist in the workspace` };
    }
    if (!inside(workspace, real)) {
        return { problem: `${(0,values/* escapeControls */.UN)(file)} is a link to a place outside the workspace: not read` };
    }
    const stats = await (0,promises_.lstat)(real);
    if (!stats.isFile())
        return { problem: `${(0,values/* escapeControls */.UN)(file)} is not a file` };
    if (stats.size > MAX_BYTES) {
        return {
            problem: `${(0,values/* escapeControls */.UN)(file)} is larger than ${MAX_BYTES / 1024} KiB; a config file is smaller: not read`
        };
    }
    const text = (await (0,promises_.readFile)(real, 'utf8')).replace(/^\uFEFF/, '');
    return { file, text };
}
function inside(workspace, path) {
    const fromWorkspace = (0,external_node_path_.relative)(workspace, path);
    return (fromWorkspace !== '' &&
        fromWorkspace !== '..' &&
        !fromWorkspace.startsWith(`..${external_node_path_.sep}`) &&
        !(0,external_node_path_.isAbsolute)(fromWorkspace));
}


/***/ })

};
