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
// The GitHub REST calls the pull-request features make, through @actions/github's octokit (proxy-aware, the
// runner's GITHUB_API_URL), each under the run's deadline.

function gitHubClient(token, signal) {
    return { octokit: (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token), request: { signal } };
}
/** Every file of the pull request, all pages (GitHub lists 3000 at most). */
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
/** The HTTP status of a failed octokit call, when it got that far. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}


/***/ })

};
