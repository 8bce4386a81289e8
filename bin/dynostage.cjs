#!/usr/bin/env node
// The `dynostage` command. Registers tsx so that cli/main.ts runs straight from the source tree:
// no build step after `npm install`.
'use strict';

// The SDK's notice about future Node versions is noise on a command line; set it to false to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

require('tsx/cjs');
const { main } = require('../cli/main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`dynostage: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
