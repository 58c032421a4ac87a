import { ConfigError, loadConfig } from '@pl/application';
import { apiLogger, createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.cwd());
  const app = await createApi(config);
  await app.listen({ port: config.port, host: config.host });
  apiLogger.log(`Poverty Ledger API on http://${config.host}:${config.port} (event store: ${config.eventStore.kind}, read store: ${config.readStore.kind}, data: ${config.dataDir}); API document at /api/docs`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
