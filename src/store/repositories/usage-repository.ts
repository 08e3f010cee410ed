import { randomUUID } from 'node:crypto';
import type { Person } from '../../domain/people';
import type { UsageRepository } from '../../domain/ports';
import type { UsageRecord } from '../../domain/usage';
import type { StoreCollection } from '../collection';

export type UsageDocument = UsageRecord & { _id: string };

export class StoreUsageRepository implements UsageRepository {
  constructor(private readonly usage: StoreCollection<UsageDocument>) {}

  async record(record: UsageRecord): Promise<void> {
    await this.usage.insertOne({ _id: randomUUID(), ...record });
  }

  async listFor(person: Person): Promise<UsageRecord[]> {
    const docs = await this.usage.find({ userId: person.userId, tenantId: person.tenantId }, { sort: { at: 1 } }).toArray();
    return docs.map(({ _id, ...record }) => record);
  }

  async deleteFor(person: Person): Promise<number> {
    return (await this.usage.deleteMany({ userId: person.userId, tenantId: person.tenantId })).deletedCount;
  }
}
