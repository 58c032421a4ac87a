import { randomUUID } from 'node:crypto';
import { EventMetadata, EventToAppend, SqliteEventStore } from '@pl/event-store';
import {
  CommuneCode, HouseholdEvent, HouseholdStatus, communeCode, householdId, householdStream, isoDate,
} from '@pl/domain';
import { assessed, historyWithStatus, recognised, registered } from '../../libs/domain/src/household/household.fixtures';

// Household histories shaped like production traffic: the fixtures' events, given each
// household its own id, a commune from the demo catalogue and realistic personal data, so
// each event weighs what a real one does (about 600 bytes of data and metadata).

/** Communes of resources/admin-units/catalogue.json, including ones closed by the 2025 merger. */
const COMMUNES = ['07900', '07903', '07906', '07909', '07912', '07915', '07918', '07921', '08950', '08953'].map((c) => communeCode(c));
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Đức', 'Vũ Thị Hạnh', 'Đặng Văn Khải', 'Bùi Thị Lan'];
const STATUSES: readonly HouseholdStatus[] = ['poor', 'near-poor', 'escaped', 'not-listed'];
const SURVEY_ON = '2026-01-15T08:00:00.000Z';

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length];

function metadata(n: number, commune: CommuneCode): EventMetadata {
  const commandId = randomUUID();
  return {
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: { id: `officer-${commune}-${n % 7}`, role: 'commune-officer', unit: commune },
    recordedAt: SURVEY_ON,
    schemaVersion: 1,
  };
}

/** Data and metadata of household number `n` in the bench set; same `n`, same household. */
function personalise(event: HouseholdEvent, n: number): { type: string; data: Record<string, unknown>; commune: CommuneCode } {
  const commune = pick(COMMUNES, n);
  const id = householdId(`hh-${String(n).padStart(8, '0')}`);
  const data: Record<string, unknown> = { ...event.data, householdId: id };
  if (event.type === 'HouseholdRegistered.v1') {
    data.address = { communeCode: commune, village: `Thôn ${1 + (n % 12)}` };
    data.memberCount = 2 + (n % 5);
    data.personal = {
      headName: pick(NAMES, n),
      headCitizenId: `0${String(25_000_000_000 + n).padStart(11, '0')}`,
      headBirthDate: isoDate(`19${60 + (n % 35)}-0${1 + (n % 9)}-1${n % 10}`),
      ethnicity: n % 3 === 0 ? 'Mường' : 'Kinh',
      members: [{ name: pick(NAMES, n + 1), relation: 'vợ/chồng', birthDate: isoDate(`19${62 + (n % 30)}-05-20`) }],
    };
  }
  if (event.type === 'HouseholdRecognised.v1') data.communeCode = commune;
  return { type: event.type, data, commune };
}

function toAppend(event: HouseholdEvent, n: number): EventToAppend {
  const { type, data, commune } = personalise(event, n);
  return { eventId: randomUUID(), type, data, metadata: metadata(n, commune) };
}

/** A first event for a fresh stream: the household registration, as a single command appends it. */
export function registration(n: number): { streamId: string; event: EventToAppend } {
  return { streamId: householdStream(`hh-${String(n).padStart(8, '0')}`), event: toAppend(registered(), n) };
}

/** The whole history of household `n`: registered, assessed, recognised (3 to 5 events). */
export function history(n: number): { streamId: string; events: EventToAppend[] } {
  // Status cycles once per round of communes, so every commune has households of every status.
  const events = historyWithStatus(pick(STATUSES, Math.floor(n / COMMUNES.length))).map((event) => toAppend(event, n));
  return { streamId: householdStream(`hh-${String(n).padStart(8, '0')}`), events };
}

/** `count` events for one stream, as a bulk import of one long history would append them. */
export function longHistory(n: number, count: number): { streamId: string; events: EventToAppend[] } {
  const cycle: HouseholdEvent[] = [];
  for (let year = 2000; cycle.length < count; year++) cycle.push(assessed(year), recognised(year, 'not-listed', 'poor'));
  const events = [registered(), ...cycle].slice(0, count).map((event) => toAppend(event, n));
  return { streamId: householdStream(`bulk-${String(n).padStart(8, '0')}`), events };
}

/** Bytes an event takes as stored: its data and metadata as JSON. */
export const storedSize = (event: EventToAppend): number =>
  Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata));

/** Households appended at once: group commit makes them one transaction. */
const GROUP = 500;

/**
 * Appends household histories (`history(0)`, `history(1)`, ...) to a sqlite log, a group of
 * households per commit, until `limit` households or events are stored; an event count is met
 * exactly by cutting the last history short. `synchronous: 'normal'`: only the set-up is sped
 * up, the log is the same.
 */
export async function writeHouseholds(file: string, limit: { readonly households?: number; readonly events?: number }): Promise<{ households: number; events: number }> {
  const store = await SqliteEventStore.open({ file, synchronous: 'normal' });
  const maxHouseholds = limit.households ?? Infinity;
  const maxEvents = limit.events ?? Infinity;
  let households = 0;
  let events = 0;
  try {
    while (households < maxHouseholds && events < maxEvents) {
      const appends: Promise<unknown>[] = [];
      for (let i = 0; i < GROUP && households < maxHouseholds && events < maxEvents; i++) {
        const { streamId, events: whole } = history(households++);
        const kept = whole.slice(0, maxEvents - events);
        events += kept.length;
        appends.push(store.append(streamId, kept, 'no-stream'));
      }
      await Promise.all(appends);
    }
  } finally {
    await store.close();
  }
  return { households, events };
}
