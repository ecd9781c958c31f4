import 'reflect-metadata';
import multipart from '@fastify/multipart';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DEFAULT_ADMIN_DIST, serveAdmin } from './admin-static.js';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres.js';

export interface AppRuntime {
  app: INestApplication;
  databaseUrl: string;
  embedded: boolean;
  close(): Promise<void>;
}

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug'];

/**
 * Builds the whole application: the database (real PostgreSQL from DATABASE_URL, or embedded
 * PGlite with a pool of one), migrations, the API under /api and its OpenAPI document.
 */
export async function createApp(
  config: AppConfig,
  options: { quiet?: boolean } = {},
): Promise<AppRuntime> {
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.SSCARD_DATA_DIR);
    databaseUrl = embedded.url;
  }
  const poolSize = embedded ? 1 : config.DB_POOL_SIZE;
  // On PostgreSQL a dropped database must not hang requests: fail fast so /api/health says 503.
  // The embedded PGlite has one connection, which an import's commit holds for its whole
  // transaction; there requests queue behind it instead of failing (docs/operations.md).
  const connectionWaitMs = embedded ? 300_000 : 5_000;
  const logger: LogLevel[] | false = options.quiet
    ? false
    : LEVELS.slice(0, LEVELS.indexOf(config.LOG_LEVEL) + 1);
  let app: NestFastifyApplication;
  // Fastify rather than Express: the public lookup is the hot path, and Express's per-request
  // cost halved its throughput next to a bare server (docs/performance.md).
  const adapter = new FastifyAdapter({ bodyLimit: 1_048_576, trustProxy: 'loopback' });
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ config, databaseUrl, poolSize, connectionWaitMs }),
      adapter,
      { logger },
    );
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  // Spreadsheet uploads stream to disk (imports module); JSON bodies keep the 1 MB limit above.
  // One file and a few short fields per request; a larger file is a 413 from the upload itself.
  await app.register(multipart, {
    limits: {
      fileSize: config.IMPORT_MAX_FILE_MB * 1_048_576,
      files: 1,
      fields: 10,
      fieldSize: 1024,
      parts: 12,
    },
  });
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('sscard API')
      .setDescription(
        '北京市社会保障卡发放与城乡居民参保 / Beijing social-security card distribution and enrolment',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  await serveAdmin(app, config.ADMIN_DIST ?? DEFAULT_ADMIN_DIST);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    databaseUrl,
    embedded: embedded !== undefined,
    async close() {
      await app.close();
      await embedded?.stop();
    },
  };
}
