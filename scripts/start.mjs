// `npm start`: build and serve the add-in, with the preview workbook as the default page.
// `npm start -- --http` serves plain http (the preview only: Excel needs https).
import { createRequire } from "node:module";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

const require = createRequire(import.meta.url);
const makeConfig = require("../webpack.config.js");

const http = process.argv.includes("--http") || process.env.TAIZHANG_HTTP === "1";
const config = await makeConfig({ http }, { mode: "development" });
const { port } = config.devServer;
const origin = `${http ? "http" : "https"}://localhost:${port}`;

const compiler = webpack(config);
let announced = false;
compiler.hooks.done.tap("taizhang-start", (stats) => {
  if (stats.hasErrors() || announced) return;
  announced = true;
  console.log(
    [
      "",
      "台账 Taizhang is being served.",
      `  预览 Preview (in the browser, no Excel needed): ${origin}/preview.html`,
      `  任务窗格 Task pane (for Excel):                  ${origin}/taskpane.html`,
      "",
      "Load it into Excel (sideload manifest.xml; see README, 'Sideloading'):",
      "  Excel on the web: Home → Add-ins → More add-ins → Upload My Add-in → manifest.xml",
      "  Windows: share a folder holding manifest.xml, add it as a Trusted Add-in Catalog, then Insert → My Add-ins → Shared Folder",
      "  Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
      http
        ? "  (Plain http: only the preview works; run `npm start` without --http for Excel.)"
        : "  Trust .certs/ca.crt once on that computer so Excel accepts https://localhost:3000.",
      "",
      "Press Ctrl+C to stop.",
    ].join("\n"),
  );
});

const server = new WebpackDevServer(config.devServer, compiler);
await server.start();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => void server.stop().then(() => process.exit(0)));
}
