// Suites that run for minutes start first. On a fresh clone jest has no record of durations and
// orders by file size, so a minutes-long LibreOffice batch could start last and leave one worker
// idle while it runs; with a record, jest's own slowest-first order is kept for the rest.
const Sequencer = require("@jest/test-sequencer").default;

const SLOW = [
  "tests/differential/libreOffice.",
  "tests/contract/contract.test.ts",
  "tests/preview/xlsxRoundTrip.test.ts",
  "tests/differential/engine.",
  "tests/preview/keepsNotesMergesImages.test.ts",
  "tests/xlsxstream/streamReader.test.ts",
];

class SlowFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const rank = (test) => {
      const path = test.path.replace(/\\/g, "/");
      const at = SLOW.findIndex((slow) => path.includes(slow));
      return at < 0 ? SLOW.length : at;
    };
    // Array.prototype.sort is stable: within a rank, jest's order stays.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowFirst;
