// The channel ladder's offline rung: stores or regions are the units of a treatment / holdout test.
export { analyzeLocationTest, evaluateLocationTest, type LocationEvaluation } from './analyze-location-test';
export { type CsvLineError, type ParsedWeeklySales, parseWeeklySales } from './csv';
export { decideLocationTest, LOCATION_TEST_WEEKS } from './decide';
export { analyzeLocations, type LocationAnalysis, type LocationGroupSummary } from './did';
export {
  LOCATION_ANALYSIS_DEFAULTS,
  LOCATION_METHODS,
  type LocationAnalysisInput,
  type LocationMethod,
  type WeeklySalesRow,
  ZIsoDate,
  ZLocationAnalysisInput,
  ZLocationMethod,
  ZPlannedWeeks,
  ZWeeklySalesRow,
} from './did-input';
export { groupSequentialBoundaries, obrienFlemingSpending, welchToZ } from './group-sequential';
export {
  chooseLocationMethod,
  isSyntheticAnalysis,
  type LocationTestResult,
  type LocationTestSummary,
  resolveLocationMethod,
  runLocationTest,
  type StoredLocationAnalysis,
  storedLocationMethod,
  summarizeLocationTest,
} from './location-test';
export { chosenLocationSplit, preperiodMeans, proposeLocationSplit } from './propose-split';
export { postPeriodWeeks, type SequentialLook, sequentialLook, ZStoredLocationLook } from './sequential-look';
export {
  type LocationSplit,
  type LocationSplitInput,
  SPLIT_DEFAULTS,
  splitLocations,
  ZLocationSplitInput,
} from './split';
export { type LocationsUpload, rowsFromCsv, ZLocationsUpload } from './upload';
export { type WeeklyGroupMeans, weeklyGroupMeans } from './weekly-means';
