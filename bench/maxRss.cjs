// Preloaded (`node --require`) into a process whose peak memory a bench reports: writes the peak
// resident set size in MB to the file named by TAIZHANG_MAXRSS_FILE when the process exits.
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const file = process.env.TAIZHANG_MAXRSS_FILE;
  if (file) writeFileSync(file, String(Math.round(process.resourceUsage().maxRSS / 1024)));
});
