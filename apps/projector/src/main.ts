import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@pl/application';
import { ProjectorModule } from './projector.module';
import { loadProjectorConfig } from './projector-config';

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.cwd());
  const projector = loadProjectorConfig(process.env);
  const order = ['error', 'warn', 'log', 'debug'] as const;
  const app = await NestFactory.createApplicationContext(ProjectorModule.with(config, projector), {
    logger: order.slice(0, order.indexOf(config.logLevel) + 1),
  });
  // SIGTERM and SIGINT run the shutdown hooks: runner stopped, lease released, stores closed.
  app.enableShutdownHooks();
  await app.init();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
