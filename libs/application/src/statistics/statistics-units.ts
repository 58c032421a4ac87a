import { StatisticsUnits } from '@pl/projections';
import { UnitDirectory } from '../wiring/unit-directory';

/** The catalogue as the statistics projection reads it: pure lookups, no clock. */
export function statisticsUnitsOf(units: UnitDirectory): StatisticsUnits {
  return {
    provinceOf: (code, onDate) => units.provinceOf(code, onDate),
    currentUnitsOf: (code) => units.currentUnitsOf(code),
    districtOf: (code) => {
      const unit = units.catalogue.unit(code);
      return unit?.level === 'commune' ? unit.districtCode : undefined;
    },
  };
}
