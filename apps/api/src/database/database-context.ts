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

  /**
   * Raw SQL for set-based work; parameters are always bound, never interpolated. Always the
   * rows: TypeORM's plain `query()` answers an UPDATE or DELETE … RETURNING with [rows, count],
   * which made `rows.length > 0` true for a guarded update that matched nothing.
   */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const manager = this.manager;
    const runner = manager.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return (result.records ?? []) as T[];
    } finally {
      if (!manager.queryRunner) await runner.release();
    }
  }
}
