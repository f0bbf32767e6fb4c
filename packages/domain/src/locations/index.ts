// The channel ladder's offline rung: stores or regions are the units of a treatment / holdout test.
export { type CsvLineError, type ParsedWeeklySales, parseWeeklySales } from './csv';
export { decideLocationTest, LOCATION_TEST_WEEKS } from './decide';
export { analyzeLocations, type LocationAnalysis, type LocationGroupSummary } from './did';
export {
  LOCATION_ANALYSIS_DEFAULTS,
  type LocationAnalysisInput,
  type WeeklySalesRow,
  ZIsoDate,
  ZLocationAnalysisInput,
  ZWeeklySalesRow,
} from './did-input';
export { preperiodMeans, proposeLocationSplit } from './propose-split';
export {
  type LocationSplit,
  type LocationSplitInput,
  SPLIT_DEFAULTS,
  splitLocations,
  ZLocationSplitInput,
} from './split';
export { type LocationsUpload, rowsFromCsv, ZLocationsUpload } from './upload';
