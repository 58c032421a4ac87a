import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import { AppConfig, Stores, openStores } from '@pl/application';
import { AppModule } from './app.module';
import { validationPipe } from './http/validation';
import { ErrorFilter } from './http/domain-error.filter';

/** Builds the API on the configured stores (or the ones given, for tests); not yet listening. */
export async function createApi(config: AppConfig, stores?: Stores): Promise<NestFastifyApplication> {
  // Nest sets its error handler after the routes exist, which then keep Fastify's default one for
  // body-parsing errors (malformed JSON, unsupported type); ours, set first, is the one they keep.
  const adapter = new FastifyAdapter({ bodyLimit: config.http.bodyLimitBytes, trustProxy: config.http.trustProxy, allowErrorHandlerOverride: true });
  const errors = new ErrorFilter();
  adapter.getInstance().setErrorHandler((error, request, reply) => errors.catch(error, new ExecutionContextHost([request, reply])));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config, stores ?? (await openStores(config))), adapter, {
    logger: levelsFrom(config.logLevel),
    bufferLogs: false,
  });
  await harden(app, config);
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
  // After init, where Nest registers its parsers: only JSON (and multipart where a route asks for it) is parsed; the rest is 415.
  app.getHttpAdapter().getInstance().removeContentTypeParser(['text/plain', 'application/x-www-form-urlencoded']);
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/**
 * Secure headers (helmet; the CSP is left to the API document's own page), CORS only for
 * the configured origins, and JSON-only bodies: text and form bodies would let a form post from
 * any page reach a JSON route without a CORS preflight.
 */
async function harden(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: false, hidePoweredBy: true });
  await app.register(cors, {
    origin: config.http.corsOrigins.length ? [...config.http.corsOrigins] : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id', 'x-min-position', 'x-access-reason'],
    exposedHeaders: ['retry-after', 'idempotent-replayed', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    maxAge: 600,
  });
}

function levelsFrom(level: AppConfig['logLevel']): ('error' | 'warn' | 'log' | 'debug')[] {
  const order = ['error', 'warn', 'log', 'debug'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}

export const apiLogger = new Logger('Api');
