export const id = 524;
export const ids = [524];
export const modules = {

/***/ 2524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pullRequestOfRun: () => (/* binding */ pullRequestOfRun)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
function pullRequestOfRun() {
    const number = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.payload.pull_request?.number;
    if (!PULL_REQUEST_EVENTS.includes(_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.eventName) || typeof number !== 'number')
        return undefined;
    const { owner, repo } = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.repo;
    return { owner, repo, number };
}


/***/ })

};
