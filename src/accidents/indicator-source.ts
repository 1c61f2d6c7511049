// The data source of indicators computed from the accident register (not a survey): targets on them are assessed
// from the accident records. A module of its own, so the demo seed can name it without loading the statistics.
export const ACCIDENT_INDICATOR_SOURCE = 'accident-register';
