import { CommandExecutor } from '../commands/command-executor';
import { AppConfig } from '../config/app-config';
import { closeStores, openStores } from '../wiring/open-stores';
import { openPersonalData } from '../wiring/personal-data';
import { UnitDirectory } from '../wiring/unit-directory';
import { DemoOptions, DemoSummary, writeDemoDistrict } from './load-demo';

/** Loads the demo district into the configured data folder, as the CLI and the tests do; closes what it opened. */
export async function loadDemo(config: AppConfig, options: DemoOptions = {}): Promise<DemoSummary> {
  const units = UnitDirectory.load(config);
  const stores = await openStores(config);
  const personal = await openPersonalData(config);
  try {
    return await writeDemoDistrict(new CommandExecutor(stores.events, personal.codec), units, options);
  } finally {
    await closeStores(stores, personal);
  }
}
