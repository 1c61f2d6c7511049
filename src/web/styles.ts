// Måltal's own styles on top of dkfds: the demo banner, number columns, print rules.
export const MAALTAL_CSS = `
.maaltal-header { border-bottom: 1px solid #d4d4d4; }
.maaltal-masthead { padding-top: 1.2rem; padding-bottom: 1.2rem; }
.maaltal-masthead { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; }
.maaltal-brand { font-size: 2.4rem; font-weight: 600; color: inherit; text-decoration: none; }
.maaltal-brand span { display: block; font-size: 1.6rem; font-weight: 400; }
.maaltal-nav { display: flex; gap: 2.4rem; margin-left: auto; margin-right: 2.4rem; }
.maaltal-demo { background: #fff4d6; border-bottom: 2px solid #c77700; padding: 0.8rem 0; font-weight: 600; }
.maaltal-demo p { margin: 0; max-width: none; }
.maaltal-main { padding: 2.4rem 0 4rem; }
.maaltal-goal { margin-top: 4rem; }
.table abbr { white-space: nowrap; }
.table .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.maaltal-ci { display: block; font-size: 1.4rem; color: #545454; }
.maaltal-note { font-size: 1.4rem; color: #545454; }
.maaltal-footer { border-top: 1px solid #d4d4d4; padding: 2rem 0; margin-top: 4rem; }
.maaltal-footer-nav { display: flex; flex-wrap: wrap; gap: 0.4rem 2.4rem; }
.maaltal-nav a[aria-current="page"] { font-weight: 600; text-decoration-thickness: 3px; }
.maaltal-print-only { display: none; }
.table-wrapper { overflow-x: auto; }
.maaltal-filters fieldset { border: 1px solid #d4d4d4; padding: 1.6rem; margin: 2.4rem 0; }
.maaltal-filters fieldset fieldset { border: 0; padding: 0; margin: 1.6rem 0 0; }
.maaltal-compare-groups { columns: 4 22rem; column-gap: 2.4rem; }
.maaltal-filters .maaltal-compare-groups fieldset { break-inside: avoid; margin: 0; padding-bottom: 1.6rem; }
.maaltal-compare-choices { margin: 2.4rem 0 1.6rem; }
.maaltal-compare-choices summary { cursor: pointer; font-weight: 600; }
.maaltal-filter-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 0 2.4rem; }
.maaltal-filter-grid .form-group { margin-top: 1.2rem; }
.maaltal-filter-grid .form-select { max-width: 100%; width: 100%; }
.maaltal-chart { margin: 2.4rem 0; max-width: 76rem; }
.maaltal-chart svg { max-width: 100%; height: auto; }
.maaltal-chart-narrow { display: none; }
.maaltal-chart figcaption { font-size: 1.6rem; margin-top: 0.8rem; }
.maaltal-legend, .maaltal-series-notes { padding: 0; margin: 0.4rem 0 1.2rem; }
.maaltal-legend { list-style: none; }
.maaltal-legend li { display: flex; gap: 0.8rem; align-items: flex-start; margin: 0.4rem 0; }
.maaltal-legend li::before { content: none !important; display: none !important; }
.maaltal-swatch { flex: none; margin-top: 0.4rem; }
.maaltal-legend-title { font-weight: 600; margin: 1.2rem 0 0.4rem; }
.maaltal-series-notes { padding-left: 2.4rem; }
.maaltal-glossary dt { font-weight: 600; margin-top: 1.6rem; }
.maaltal-glossary dd { margin: 0.2rem 0 0; }
.maaltal-observations th.num { white-space: normal; }
.maaltal-observations td:last-child { white-space: nowrap; }
.maaltal-status { border-left: 4px solid #1a5a8a; padding: 0.4rem 0 0.4rem 1.6rem; margin: 2.4rem 0; }
.maaltal-status h2 { margin-top: 0; }
.maaltal-why { border: 1px solid #d4d4d4; padding: 1.2rem 1.6rem; margin: 2.4rem 0; }
.maaltal-why summary { font-weight: 600; cursor: pointer; }
.maaltal-why dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 2.4rem; }
.maaltal-why dd { margin: 0; }
.maaltal-goal-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(30rem, 1fr)); gap: 2.4rem; margin: 2.4rem 0 4rem; }
.maaltal-goal-card { border: 1px solid #d4d4d4; padding: 1.6rem; }
.maaltal-goal-card h2 { margin-top: 0; font-size: 2.4rem; }
.maaltal-counts { list-style: none; padding: 0; margin: 1.2rem 0; }
.maaltal-counts li::before { content: none !important; display: none !important; }
.maaltal-counts li { padding: 0.4rem 0.8rem; margin: 0.2rem 0; border-left: 6px solid #d4d4d4; }
.maaltal-status-achieved { border-left-color: #1e6b34 !important; background: #e3f1e6; }
.maaltal-status-on_track { border-left-color: #2b7a3d !important; background: #eef7ef; }
.maaltal-status-needs_acceleration { border-left-color: #b7791f !important; background: #fdf3df; }
.maaltal-status-limited_progress { border-left-color: #c05621 !important; background: #fbe9de; }
.maaltal-status-deterioration { border-left-color: #a4262c !important; background: #f9e0e1; }
.maaltal-status-insufficient_data { border-left-color: #6f6f6f !important; background: #f2f2f2; }
/* Uncertain and untested statuses: a neutral slate, never the green or red of a category. */
.maaltal-status-uncertain, .maaltal-status-untested { border-left-color: #4b5d6e !important; background: #eef2f6; }
.maaltal-status-untested { border-left-style: dashed !important; }
.maaltal-grid td { border-left: 6px solid transparent; }
.maaltal-facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 2.4rem; }
.maaltal-facts dd { margin: 0; }
.maaltal-lookup { margin: 2.4rem 0; }
.maaltal-lookup-code { display: block; font-weight: 400; font-variant-numeric: tabular-nums; }
.maaltal-lookup-groups { margin: 0.4rem 0; }
.maaltal-downloads { display: flex; flex-wrap: wrap; gap: 0.8rem 2.4rem; list-style: none; padding: 0; }
.maaltal-account-bar { background: #eef2f6; border-bottom: 1px solid #d4d4d4; padding: 0.8rem 0; }
.maaltal-account-bar .container { display: flex; flex-wrap: wrap; gap: 0.8rem 2.4rem; align-items: center; justify-content: space-between; }
.maaltal-account-bar nav { display: flex; flex-wrap: wrap; gap: 0.4rem 1.6rem; }
.maaltal-account-bar form { display: flex; flex-wrap: wrap; gap: 0.8rem; align-items: center; margin: 0; }
.maaltal-account-bar .button { margin: 0; }
.maaltal-secret { display: inline-block; word-break: break-all; font-size: 1.6rem; padding: 0.4rem 0.8rem; background: #fff; border: 1px solid #d4d4d4; }
.maaltal-main form > .button { margin-top: 1.6rem; }
.maaltal-inline-form .form-select { display: inline-block; width: auto; margin: 0 0.4rem 0.4rem 0; }
.maaltal-inline-form { display: inline-block; margin: 0 0.8rem 0.4rem 0; }
/* Phones: the menu wraps under the site name, fact lists stack, long codes and values break instead of widening the page. */
@media (max-width: 600px) {
  .maaltal-nav { margin: 0; width: 100%; flex-wrap: wrap; gap: 0.4rem 1.6rem; }
  .maaltal-facts, .maaltal-why dl { grid-template-columns: minmax(0, 1fr); gap: 0 0; }
  .maaltal-facts dd, .maaltal-why dd { margin-bottom: 0.8rem; }
  dd, code { overflow-wrap: anywhere; }
  h1 { font-size: 3.2rem; }
  .maaltal-endpoint a, .maaltal-endpoint code { overflow-wrap: anywhere; }
  .maaltal-lookup-table th[scope="row"] { overflow-wrap: anywhere; hyphens: auto; }
  .maaltal-chart-wide { display: none; }
  .maaltal-chart-narrow { display: block; }
}
@media print {
  html, body { font-family: "IBM Plex Sans", system-ui, sans-serif; }
  .maaltal-account-bar, .maaltal-footer-nav, .maaltal-no-print,
  .maaltal-header nav, .skipnav, .maaltal-filters, .maaltal-lookup, .maaltal-downloads { display: none; }
  .maaltal-print-only { display: block; font-size: 1.4rem; }
  h2:has(+ .maaltal-downloads), h3:has(+ .maaltal-downloads) { display: none; }
  .maaltal-demo { border: 2px solid #c77700; }
  .maaltal-why { border: none; }
  table, figure { break-inside: avoid; }
}
`;
