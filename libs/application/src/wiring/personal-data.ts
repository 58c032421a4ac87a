import { join } from 'node:path';
import { Event, isHouseholdEvent } from '@pl/domain';
import { RecordedEvent } from '@pl/event-store';
import { AppConfig } from '../config/app-config';
import { EventCodec } from '../commands/event-codec';
import { EncryptedPersonal, PersonalDataCipher, isEncryptedPersonal } from '../security/personal-data/personal-data-cipher';
import { citizenIdHash } from '../security/personal-data/citizen-id-hash';
import { citizenIdHashSecretFromDataDir } from '../security/personal-data/citizen-id-hash-secret';
import { FileKeyStore } from '../security/personal-data/file/file-key-store';
import { KeyStore } from '../security/personal-data/key-store.port';
import { MasterKey } from '../security/personal-data/master-key';
import { MongoKeyStore } from '../security/personal-data/mongo/mongo-key-store';
import { connectMongo } from './mongo-connection';

type PlainPersonal = { headCitizenId?: unknown; members?: readonly { citizenId?: unknown }[] };

/** Every citizen ID in a household's plain personal data: the head's and each member's. */
const citizenIdsOf = (personal: unknown): string[] => {
  const p = (typeof personal === 'object' && personal !== null ? personal : {}) as PlainPersonal;
  const ids = [p.headCitizenId, ...(Array.isArray(p.members) ? p.members.map((m) => m?.citizenId) : [])];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
};

/**
 * Personal fields are encrypted with the household's own key before they reach the log;
 * deciders and projections carry the ciphertext along, and only the edge opens it, for a
 * role that may see it. Erasing the key erases the data everywhere at once.
 *
 * Citizen IDs are also hashed with a secret key into `citizenIdHashes`, stored in clear
 * beside the ciphertext, so a household can be found by exact ID without opening anything.
 */
export class PersonalData {
  readonly codec: EventCodec;

  constructor(readonly keys: KeyStore, readonly cipher: PersonalDataCipher, private readonly hashSecret?: Buffer) {
    this.codec = {
      encode: async (_streamId: string, event: Event) => {
        const data = event.data as { householdId?: string; personal?: unknown };
        if (!isHouseholdEvent(event) || data.personal === undefined || data.householdId === undefined) return event.data;
        const hashes = this.hashSecret ? citizenIdsOf(data.personal).map((id) => this.citizenIdHash(id)) : [];
        return {
          ...data,
          personal: await cipher.encrypt(data.householdId, data.personal),
          ...(hashes.length ? { citizenIdHashes: hashes } : {}),
        };
      },
      decode: (recorded: RecordedEvent) => ({ type: recorded.type, data: recorded.data }) as Event,
    };
  }

  /** The keyed hash a citizen ID is stored and searched under. */
  citizenIdHash(citizenId: string): string {
    if (!this.hashSecret) throw new Error('no citizen ID hash secret is configured');
    return citizenIdHash(citizenId, this.hashSecret);
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

/** The key store the configuration implies: the data folder by default, MongoDB beside a MongoDB read store. */
export async function openPersonalData(config: AppConfig): Promise<PersonalData> {
  const keys = config.readStore.kind === 'mongodb' ? await openMongoKeys(config, config.readStore) : await FileKeyStore.open({ dataDir: config.dataDir });
  const configured = config.personalData.citizenIdHashSecretBase64;
  const hashSecret = configured ? Buffer.from(configured, 'base64') : await citizenIdHashSecretFromDataDir(config.dataDir);
  return new PersonalData(keys, new PersonalDataCipher(keys), hashSecret);
}

// Every API instance must wrap with the same master key, so in production it comes from configuration.
async function openMongoKeys(config: AppConfig, mongo: Extract<AppConfig['readStore'], { kind: 'mongodb' }>): Promise<KeyStore> {
  const master = config.personalData.masterKeyBase64 ? MasterKey.fromBase64(config.personalData.masterKeyBase64) : await MasterKey.fromDataDir(config.dataDir);
  const client = await connectMongo(mongo);
  const store = new MongoKeyStore(client.db(mongo.database), master);
  return Object.assign(store, { close: () => client.close() });
}

export const personalDataFile = (config: AppConfig): string => join(config.dataDir, 'keys');
