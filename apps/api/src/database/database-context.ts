import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The transaction boundary. A service wraps one use case in `transaction()`; repositories read
 * `manager`, which is the transaction's while one is open. Services never see TypeORM types.
 */
@Injectable()
export class DatabaseContext {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    return this.dataSource.transaction((manager) => this.current.run(manager, work));
  }

  /** Raw SQL for set-based work; parameters are always bound, never interpolated. */
  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.manager.query(sql, params) as Promise<T[]>;
  }
}
