// Starts a TypeScript worker from source (tests, runs without a build). Node 20 ignores `--import tsx` in a
// Worker's execArgv, so the worker registers tsx itself and then imports its entry, passed as the last argv.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[process.argv.length - 1]);
