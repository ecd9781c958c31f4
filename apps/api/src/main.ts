import { Logger } from '@nestjs/common';
import { createApp } from './app-factory.js';
import { ConfigError, parseConfig } from './config/app-config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed/demo-seed.js';

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
  const logger = new Logger('sscard');
  const seeded = config.SSCARD_SEED === 'demo' && (await seedDemo(runtime.app));
  await runtime.app.listen(config.PORT, config.HOST);
  if (config.SSCARD_SEED === 'demo') {
    logger.log(
      seeded
        ? 'Demo data seeded (a Chaoyang district with schools of 650 / 600 / 599 people).'
        : 'Demo data already present.',
    );
    const lines = DEMO_ACCOUNTS.map(
      (a) => `  ${a.username.padEnd(12)} ${a.role.padEnd(15)} ${a.who}`,
    );
    console.log(`\n演示账号 / Demo accounts (password: ${DEMO_PASSWORD})\n${lines.join('\n')}\n`);
  }
  logger.log(
    `Business date: ${config.SSCARD_TODAY ?? 'today in Beijing'} (set SSCARD_TODAY=YYYY-MM-DD to replay a date)`,
  );
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
