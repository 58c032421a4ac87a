import { Event } from '@pl/domain';
import { MemoryKeyStore } from '../security/personal-data/memory/memory-key-store';
import { PersonalDataCipher } from '../security/personal-data/personal-data-cipher';
import { PersonalData } from './personal-data';

const SECRET = Buffer.alloc(32, 7);
const registered = (personal: unknown): Event => ({ type: 'HouseholdRegistered.v1', data: { householdId: 'hh-1', memberCount: 2, personal } });

function personalData(): PersonalData {
  const keys = new MemoryKeyStore();
  return new PersonalData(keys, new PersonalDataCipher(keys), SECRET);
}

describe('the personal-data event codec', () => {
  it('when a registration is encoded, then personal data is ciphertext and every citizen ID is a keyed hash beside it', async () => {
    const pd = personalData();
    const plain = { headName: 'Hà Văn Sơn', headCitizenId: '025085000123', members: [{ name: 'Hà Thị Lan', citizenId: '025312000456' }, { name: 'Hà Văn Nam' }] };
    const stored = (await pd.codec.encode('household-hh-1', registered(plain))) as Record<string, unknown>;
    expect(JSON.stringify(stored)).not.toMatch(/Hà|025085000123|025312000456/);
    expect(stored.citizenIdHashes).toEqual([pd.citizenIdHash('025085000123'), pd.citizenIdHash('025312000456')]);
    expect(await pd.open('hh-1', stored.personal)).toEqual(plain);
  });

  it('when personal data carries no citizen ID, then no hashes are stored', async () => {
    const stored = (await personalData().codec.encode('household-hh-1', registered({ headName: 'A' }))) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('citizenIdHashes');
  });

  it('given the household key destroyed, when its personal data is opened, then it reads as erased', async () => {
    const pd = personalData();
    const stored = (await pd.codec.encode('household-hh-1', registered({ headName: 'A' }))) as Record<string, unknown>;
    await pd.cipher.erase('hh-1');
    expect(await pd.open('hh-1', stored.personal)).toEqual({ erased: true });
  });
});
