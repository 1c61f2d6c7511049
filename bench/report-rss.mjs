// Loaded with `node --import` into a measured process: prints its peak resident set size when it exits.
process.on('exit', () => {
  process.stderr.write(`\nmaxrss_kib=${process.resourceUsage().maxRSS}\n`);
});
