import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { HouseholdRegistryDoc, ReadModels, householdRegistry } from '@pl/projections';
import { Readable } from 'node:stream';
import { GetRegistryPage, RegistryItem } from '../households/get-registry-page.query';
import { RegistryCriteria } from '../households/registry-filter';
import { canSeePersonalData } from '../security/personal-data-visibility';
import { Principal } from '../security/principal';
import { PersonalData } from '../wiring/personal-data';
import { csvHeader, csvLines } from './csv-writer';
import { exportColumns } from './export-columns';
import { NameSource, exportRowPages, headNameOf } from './registry-export-rows';
import { xlsxStream } from './xlsx-writer';

/** File formats of a registry export. */
export type ExportFormat = 'csv' | 'xlsx';

/** The registry filters of an export: those of a page, without the paging. */
export type ExportCriteria = Omit<RegistryCriteria, 'limit' | 'cursor'>;

/** An export ready to stream: what to call it and how to send it. */
export interface RegistryExport {
  readonly filename: string;
  readonly contentType: string;
  readonly rows: Readable;
}

const PAGE = 500;
const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The filtered registry as a CSV or XLSX file, walked page by page like the registry query. */
export class ExportRegistry extends Query<RegistryExport> {
  constructor(readonly criteria: ExportCriteria, readonly format: ExportFormat, readonly principal: Principal, readonly asOf: string) {
    super();
  }
}

@QueryHandler(ExportRegistry)
export class ExportRegistryHandler implements IQueryHandler<ExportRegistry, RegistryExport> {
  constructor(
    @Inject(QueryBus) private readonly queries: QueryBus,
    @Inject(ReadModels) private readonly readModels: ReadModels,
    @Inject(PersonalData) private readonly personal: PersonalData,
  ) {}

  async execute({ criteria, format, principal, asOf }: ExportRegistry): Promise<RegistryExport> {
    const page = (cursor?: string) => this.queries.execute(new GetRegistryPage({ ...criteria, limit: PAGE, ...(cursor ? { cursor } : {}) }, principal));
    // Fetched now: a refused role or area is an error answer, not a file cut short.
    const first = await page();
    const withNames = canSeePersonalData(principal);
    const columns = exportColumns(withNames);
    const pages = exportRowPages(first, page, withNames ? this.names : undefined);
    const rows = format === 'csv'
      ? Readable.from((async function* () {
        yield csvHeader(columns);
        for await (const rows of pages) yield csvLines(columns, rows);
      })())
      : xlsxStream(columns, pages, 'Danh sách hộ');
    return { filename: `danh-sach-ho-${scopeOf(criteria)}-${asOf}.${format}`, contentType: CONTENT_TYPES[format], rows };
  }

  private readonly names: NameSource = async (items: readonly RegistryItem[]) => {
    const docs = await (await this.readModels.live<HouseholdRegistryDoc>(householdRegistry)).getMany(items.map((i) => i.householdId));
    const open = (id: string, stored: unknown) => this.personal.open(id, stored);
    const names = await Promise.all(items.map(async (i) => [i.householdId, await headNameOf(docs.get(i.householdId), open)] as const));
    return new Map(names);
  };
}

const scopeOf = (criteria: ExportCriteria): string => criteria.communeCode ?? criteria.provinceCode ?? 'khu-vuc';
