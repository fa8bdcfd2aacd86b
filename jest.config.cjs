const os = require("node:os");

// Three projects: pure/node tests, React tests in jsdom, and the real-browser tests.
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
};

// `jest --selectProjects node tests/x.test.ts` takes the path for one more project name and runs
// every test; paths given that way narrow each project's testMatch instead.
const PROJECTS = ["node", "jsdom", "browser"];
const strayPaths = (() => {
  const at = process.argv.indexOf("--selectProjects");
  if (at < 0) return [];
  const values = [];
  for (const arg of process.argv.slice(at + 1)) {
    if (arg.startsWith("-")) break;
    values.push(arg);
  }
  return values.filter((v) => !PROJECTS.includes(v)).map((v) => v.replace(/\/+$/, ""));
})();
// An empty testMatch would match every file, so a project none of the paths fits gets one that matches none.
const NOTHING = "<rootDir>/.no-tests-selected";
const narrow = (patterns) => {
  if (strayPaths.length === 0) return patterns;
  const narrowed = patterns.flatMap((pattern) => {
    const suffix = pattern.slice(pattern.lastIndexOf("*") + 1);
    return strayPaths.flatMap((p) =>
      /\.tsx?$/.test(p)
        ? p.endsWith(suffix)
          ? [`<rootDir>/${p}`]
          : []
        : [`<rootDir>/${p}*${suffix}`, `<rootDir>/${p}/**/*${suffix}`],
    );
  });
  return narrowed.length > 0 ? narrowed : [NOTHING];
};

module.exports = {
  // Generous for a loaded 2-core machine; a hang still fails.
  testTimeout: 30_000,
  // Jest's default leaves a core to its own process, i.e. one worker on a 2-core machine; the
  // long suites wait on LibreOffice or on their own work, so two workers there finish far sooner.
  maxWorkers: Math.max(2, os.availableParallelism()),
  testSequencer: "<rootDir>/tests/setup/slowFirst.cjs",
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      transform,
      testMatch: narrow(["<rootDir>/tests/**/*.test.ts"]),
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/browser/"],
    },
    {
      displayName: "jsdom",
      testEnvironment: "jsdom",
      transform,
      testMatch: narrow(["<rootDir>/tests/**/*.test.tsx"]),
      setupFilesAfterEnv: ["<rootDir>/tests/setup/jsdom.ts"],
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      transform,
      testMatch: narrow(["<rootDir>/tests/browser/**/*.test.ts"]),
      globalSetup: "<rootDir>/tests/browser/globalSetup.ts",
    },
  ],
};
