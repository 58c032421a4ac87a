import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import { AppConfig, Stores, openStores } from '@pl/application';
import { AppModule } from './app.module';
import { validationPipe } from './http/validation';

/** Builds the API on the configured stores (or the ones given, for tests); not yet listening. */
export async function createApi(config: AppConfig, stores?: Stores): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.http.bodyLimitBytes, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config, stores ?? (await openStores(config))), adapter, {
    logger: levelsFrom(config.logLevel),
    bufferLogs: false,
  });
  await app.register(helmet, { contentSecurityPolicy: false });
  await app.register(cors, { origin: config.http.corsOrigins.length ? [...config.http.corsOrigins] : false });
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('Poverty Ledger API')
    .setDescription('Households, poverty standards, support, directives, statistics and audit for Vietnam\'s poverty-reduction registries. Every write answers with `position`; pass it as `minPosition` to read your own writes.')
    .setVersion('1')
    .addBearerAuth()
    .build());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

function levelsFrom(level: AppConfig['logLevel']): ('error' | 'warn' | 'log' | 'debug')[] {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}

export const apiLogger = new Logger('Api');
