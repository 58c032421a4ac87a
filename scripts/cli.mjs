// `npm run cli -- <command>`: the operators' and auditors' command line (see README).
import { runApp } from './build-if-stale.mjs';
await runApp('cli', process.argv.slice(2));
