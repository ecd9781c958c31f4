import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionGuard } from './common/auth/session-guard.js';
import { CommonModule } from './common/common.module.js';
import { ApiExceptionFilter } from './common/errors/api-exception.filter.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DOMAIN_MODULES } from './modules/domain-modules.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  poolSize: number;
  /** How long a request waits for a free connection before the API answers 503. */
  connectionWaitMs: number;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(
          dataSourceOptions(options.databaseUrl, options.poolSize, options.connectionWaitMs),
        ),
        CommonModule,
        AuthModule,
        HealthModule,
        ...DOMAIN_MODULES,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [APP_CONFIG],
    };
  }
}
