export const id = 648;
export const ids = [648,417];
export const modules = {

/***/ 6417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gitHubClient: () => (/* binding */ gitHubClient),
/* harmony export */   listPullRequestFiles: () => (/* binding */ listPullRequestFiles),
/* harmony export */   statusOf: () => (/* binding */ statusOf)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);

function gitHubClient(token, signal) {
    return { octokit: (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token), request: { signal } };
}
async function listPullRequestFiles(client, pull) {
    const { octokit, request } = client;
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
        owner: pull.owner,
        repo: pull.repo,
        pull_number: pull.number,
        per_page: 100,
        request
    });
    return files.map((file) => ({
        filename: file.filename,
        status: file.status,
        patch: file.patch,
        previous_filename: file.previous_filename
    }));
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}


/***/ }),

/***/ 5267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COMMENT_MARKER: () => (/* binding */ COMMENT_MARKER),
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6417);

const COMMENT_MARKER = '<!-- aoai-auth-check -->';
async function upsertStickyComment(client, pull, text) {
    const body = `${COMMENT_MARKER}\n${text}`;
    const { octokit, request } = client;
    try {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner: pull.owner,
            repo: pull.repo,
            issue_number: pull.number,
            per_page: 100,
            request
        });
        const marked = comments.filter((comment) => comment.body?.startsWith(COMMENT_MARKER));
        const existing = marked.find((comment) => comment.user?.type === 'Bot') ?? marked.at(0);
        if (existing) {
            const updated = await octokit.rest.issues.updateComment({
                owner: pull.owner,
                repo: pull.repo,
                comment_id: existing.id,
                body,
                request
            });
            return { action: 'updated', id: updated.data.id, url: updated.data.html_url };
        }
        const created = await octokit.rest.issues.createComment({
            owner: pull.owner,
            repo: pull.repo,
            issue_number: pull.number,
            body,
            request
        });
        return { action: 'created', id: created.data.id, url: created.data.html_url };
    }
    catch (error) {
        return { action: 'skipped', reason: skipReason(error) };
    }
}
function skipReason(error) {
    const status = (0,_rest_js__WEBPACK_IMPORTED_MODULE_0__.statusOf)(error);
    if (status === 403 || status === 404) {
        return (`the token cannot write to this pull request (HTTP ${status}; a pull request from a fork gets a read-only ` +
            'GITHUB_TOKEN): the comment is skipped. For pull requests from this repository, give the job ' +
            '`permissions: pull-requests: write`');
    }
    if (status === 401)
        return 'GitHub refused the github-token (HTTP 401 Bad credentials): the comment is skipped';
    return `the comment could not be written (${status ? `HTTP ${status}` : 'no answer from GitHub'}): it is skipped`;
}


/***/ })

};
