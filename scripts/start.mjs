// `npm start`: the API on the embedded default (see README).
import { runApp } from './build-if-stale.mjs';
await runApp('api', process.argv.slice(2));
