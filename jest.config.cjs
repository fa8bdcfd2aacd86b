// Three projects: pure/node tests, React tests in jsdom, and the real-browser tests.
const transform = {
  "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
};

module.exports = {
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/tests/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/browser/"],
    },
    {
      displayName: "jsdom",
      testEnvironment: "jsdom",
      transform,
      testMatch: ["<rootDir>/tests/**/*.test.tsx"],
      setupFilesAfterEnv: ["<rootDir>/tests/setup/jsdom.ts"],
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/tests/browser/**/*.test.ts"],
      globalSetup: "<rootDir>/tests/browser/globalSetup.ts",
    },
  ],
};
