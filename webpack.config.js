// Builds the task pane (loaded by Excel) and the preview host (the task pane beside a fake
// workbook, for trying Taizhang in a plain browser). See design.md §8 for the office.js copy.
// A district build: `npm run build -- --base-url https://server/path [--office-js-cdn]` (scripts/build.mjs),
// or --env baseUrl=… officeJs=cdn, or TAIZHANG_BASE_URL / TAIZHANG_OFFICE_JS (scripts/deploy-options.cjs).
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { devServerOptions } = require("./scripts/dev-server-options.cjs");
const { deployOptions, rebaseManifest } = require("./scripts/deploy-options.cjs");
const { lazyPacksPlugin } = require("./scripts/lazy-packs.cjs");
const { localeSplitRules } = require("./scripts/locale-split.cjs");

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const deploy = deployOptions(env);
  const cdn = deploy.officeJs === "cdn" ? ` ${new URL(deploy.officeJsSrc).origin}` : "";
  const csp = [
    "default-src 'self'",
    // office.js from Microsoft's CDN loads its host scripts from the same origin.
    `script-src 'self'${cdn}`,
    // Griffel (Fluent UI v9) inserts its CSS rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The dev server's live-reload socket; nothing else leaves the page.
    production ? `connect-src 'self'${cdn}` : `connect-src 'self'${cdn} ws: wss:`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
  const page = (chunk, filename, title, withOffice) =>
    new HtmlWebpackPlugin({
      filename,
      template: "src/page.html",
      chunks: [chunk],
      title,
      csp,
      officeScript: withOffice ? `<script src="${deploy.officeJsSrc}"></script>` : "",
    });

  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the CSP forbids eval.
    devtool: production ? "source-map" : "cheap-module-source-map",
    stats: production ? "normal" : "errors-warnings",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/preview/index.tsx",
      commands: "./src/commands/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".tsx", ".ts", ".js", ".json"] },
    module: {
      rules: [
        ...localeSplitRules(),
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the build only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      page("taskpane", "taskpane.html", "台账 Taizhang", true),
      page("preview", "preview.html", "台账 Taizhang — 预览 Preview", false),
      page("commands", "commands.html", "台账 Taizhang", true),
      lazyPacksPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/*.svg"] } },
          // Copied whole (office.js loads files beside it) and never minified; not needed when the
          // pages load it from Microsoft's CDN.
          ...(deploy.officeJs === "local"
            ? [
                {
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "assets/office-js",
                  info: { minimized: true },
                },
              ]
            : []),
          // Every URL in the served manifest points at this build's server.
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rebaseManifest(content.toString("utf8"), deploy.baseUrl),
          },
        ],
      }),
    ],
    devServer: production ? undefined : await devServerOptions(env),
  };
};
