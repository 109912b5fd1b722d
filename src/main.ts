#!/usr/bin/env node
// React's development build is several times slower; the launcher picks production unless told.
process.env.NODE_ENV ??= 'production';

// Imported after NODE_ENV is set so React reads it on load.
const { runCli } = await import('./cli.js');
process.exitCode = await runCli(process.argv.slice(2));
