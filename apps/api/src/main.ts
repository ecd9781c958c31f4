import { Logger } from '@nestjs/common';
import { createApp } from './app-factory.js';
import { ConfigError, parseConfig } from './config/app-config.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const runtime = await createApp(config);
  await runtime.app.listen(config.PORT, config.HOST);
  const logger = new Logger('sscard');
  logger.log(
    `Database: ${runtime.embedded ? `embedded PGlite in ${config.SSCARD_DATA_DIR}` : 'PostgreSQL (DATABASE_URL)'}`,
  );
  logger.log(
    `API: http://localhost:${config.PORT}/api  ·  OpenAPI: http://localhost:${config.PORT}/api/docs`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
