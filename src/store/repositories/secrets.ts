import { randomBytes } from 'node:crypto';
import type { StoreCollection } from '../collection';

export interface SecretDocument {
  _id: string;
  value: string;
}

/**
 * Secrets the app makes for itself (the link-signing key), kept in the store so that every instance
 * sharing the database signs and verifies with the same key, with nothing to configure.
 */
export class StoreSecrets {
  constructor(private readonly secrets: StoreCollection<SecretDocument>) {}

  async getOrCreate(name: string, bytes = 32): Promise<Buffer> {
    const doc = await this.secrets.findOneAndUpdate(
      { _id: name },
      { $setOnInsert: { value: randomBytes(bytes).toString('base64') } },
      { upsert: true, returnDocument: 'after' },
    );
    if (!doc) throw new Error(`Could not create the ${name} secret`);
    return Buffer.from(doc.value, 'base64');
  }
}
