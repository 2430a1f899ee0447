import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SystemSetting } from './system-setting.entity';

@Injectable()
export class SystemSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get<T>(key: string): Promise<T | null> {
    const row = await this.dataSource.getRepository(SystemSetting).findOneBy({ key });
    return row ? (row.value as T) : null;
  }

  /** Stores `value` under `key` unless a value is already there; returns the stored value. */
  async getOrCreate<T>(key: string, create: () => T): Promise<T> {
    const existing = await this.get<T>(key);
    if (existing !== null) return existing;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SystemSetting)
      .values({ key, value: create() as object })
      .orIgnore()
      .execute();
    // Another replica may have written it first: read what won.
    return (await this.get<T>(key)) as T;
  }

  /** The installation's stable identifier, created on first start. */
  installationId(): Promise<string> {
    return this.getOrCreate('installation.id', () => randomUUID());
  }
}
