// `npm run start:projector`: the projection worker, for the production split (see deploy/README.md).
import { runApp } from './build-if-stale.mjs';
await runApp('projector', process.argv.slice(2));
