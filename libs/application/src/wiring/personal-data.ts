import { join } from 'node:path';
import { Event, isHouseholdEvent } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { AppConfig } from '../config/app-config';
import { EventCodec } from '../commands/event-codec';
import { EncryptedPersonal, PersonalDataCipher, isEncryptedPersonal } from '../security/personal-data/personal-data-cipher';
import { FileKeyStore } from '../security/personal-data/file/file-key-store';
import { KeyStore } from '../security/personal-data/key-store.port';

/**
 * Personal fields are encrypted with the household's own key before they reach the log;
 * deciders and projections carry the ciphertext along, and only the edge opens it, for a
 * role that may see it. Erasing the key erases the data everywhere at once.
 */
export class PersonalData {
  readonly codec: EventCodec;

  constructor(readonly keys: KeyStore, readonly cipher: PersonalDataCipher) {
    this.codec = {
      encode: async (_streamId: string, event: Event) => {
        const data = event.data as { householdId?: string; personal?: unknown };
        if (!isHouseholdEvent(event) || data.personal === undefined || data.householdId === undefined) return event.data;
        return { ...data, personal: await cipher.encrypt(data.householdId, data.personal) };
      },
      decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as Event,
    };
  }

  /** The plain personal data, `{ erased: true }` after erasure, or undefined when there is none. */
  async open(householdId: string, stored: unknown): Promise<unknown> {
    if (stored === undefined || stored === null) return undefined;
    if (!isEncryptedPersonal(stored)) return stored;
    return this.cipher.decrypt(householdId, stored as EncryptedPersonal);
  }

  async close(): Promise<void> {
    await this.keys.close?.();
  }
}

export async function openPersonalData(config: AppConfig): Promise<PersonalData> {
  const keys = await FileKeyStore.open({ dataDir: config.dataDir });
  return new PersonalData(keys, new PersonalDataCipher(keys));
}

export const personalDataFile = (config: AppConfig): string => join(config.dataDir, 'keys');
