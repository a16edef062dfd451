#!/usr/bin/env node
process.stdout.write('aoai-auth-check CLI: not implemented yet\n')
