export const id = 417;
export const ids = [417];
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


/***/ })

};
