// The file-format readers of the data import: open a file, get its detected settings, columns and streamed rows.
export { type CsvSniff, DEFAULT_MAX_COLUMNS, readCsv, sniffCsv } from './csv.reader.js';
export { type CubeDimension, cubeColumns, cubeRows, type Observation } from './cube-table.js';
export { MAX_JSON_STAT_BYTES, readJsonStat } from './json-stat.reader.js';
export { detectFormat, openTable } from './open-table.js';
export { readPx } from './px.reader.js';
export { isSdmxCsvHeader, readSdmxCsv } from './sdmx-csv.reader.js';
export * from './table.js';
