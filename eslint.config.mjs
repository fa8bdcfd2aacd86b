import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";

// src/core is pure (design.md §2): nothing from the adapters, the UI, the CLI, React, ExcelJS,
// Office, Node built-ins or the DOM.
const coreBoundary = {
  files: ["src/core/**/*.ts"],
  languageOptions: { globals: { ...globals.es2022 } },
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: [
              "**/excel/**",
              "**/xlsx/**",
              "**/taskpane/**",
              "**/preview/**",
              "**/cli/**",
              "**/i18n/**",
            ],
            message: "src/core must not import adapters, UI, CLI or i18n.",
          },
          {
            group: [
              "react",
              "react-*",
              "react/*",
              "@fluentui/*",
              "exceljs",
              "@microsoft/office-js",
              "office-*",
            ],
            message: "src/core is pure: no UI or host libraries.",
          },
          {
            group: [
              "node:*",
              "fs",
              "fs/*",
              "path",
              "os",
              "child_process",
              "stream",
              "zlib",
              "crypto",
              "url",
              "util",
              "buffer",
              "events",
            ],
            message: "src/core is pure: no Node built-ins.",
          },
        ],
      },
    ],
    "no-restricted-globals": [
      "error",
      ...[
        "window",
        "document",
        "navigator",
        "Office",
        "Excel",
        "process",
        "require",
        "Buffer",
        "localStorage",
        "fetch",
      ].map((name) => ({
        name,
        message: "src/core is pure: no DOM, Office or Node globals.",
      })),
    ],
  },
};

// The Office.js adapter talks to the real host only; the simulator stands in for Excel in tests and
// the preview and must never leak into the add-in's own code.
const excelBoundary = {
  files: ["src/excel/**/*.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["**/sim", "**/sim/**"], message: "src/excel must not import the simulator (src/sim)." },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-cli/**",
      "coverage/**",
      "test-results/**",
      "node_modules/**",
      ".tmp/**",
      ".certs/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" }, // CommonJS files (webpack, jest, bin) use require.
  },
  coreBoundary,
  excelBoundary,
  prettier,
);
