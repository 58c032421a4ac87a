import { HouseholdRegistryDoc } from '@pl/projections';
import { RegistryItem, RegistryPage } from '../households/get-registry-page.query';
import { ERASED_LABEL, ExportRow } from './export-columns';

/** The next page of the same query, after a cursor. */
export type NextPage = (cursor: string) => Promise<RegistryPage>;

/** Opens the head's name of each household on a page; absent for roles that may not see it. */
export type NameSource = (items: readonly RegistryItem[]) => Promise<ReadonlyMap<string, string>>;

/**
 * The export's rows a page at a time, walking the cursor from an already fetched first page:
 * the first page is fetched before the answer starts, so a refusal (role, area) is an error
 * status rather than a broken file.
 */
export async function* exportRowPages(first: RegistryPage, next: NextPage, names?: NameSource): AsyncGenerator<readonly ExportRow[]> {
  let page: RegistryPage | undefined = first;
  while (page) {
    const named = names ? await names(page.items) : undefined;
    yield named ? page.items.map((item) => ({ ...item, headName: named.get(item.householdId) ?? '' })) : page.items;
    page = page.nextCursor ? await next(page.nextCursor) : undefined;
  }
}

/** Opens the head's name from registry documents; an erased household shows as erased. */
export async function headNameOf(doc: HouseholdRegistryDoc | undefined, open: (householdId: string, stored: unknown) => Promise<unknown>): Promise<string> {
  if (!doc) return '';
  if (doc.personalDataErased) return ERASED_LABEL;
  const personal = (await open(doc.householdId, doc.personal)) as { headName?: unknown } | undefined;
  return typeof personal?.headName === 'string' ? personal.headName : '';
}
