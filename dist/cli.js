#!/usr/bin/env node
var __webpack_exports__ = {};
process.stdout.write('aoai-auth-check CLI: not implemented yet\n');


