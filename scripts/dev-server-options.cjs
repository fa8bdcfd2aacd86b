// Dev server settings shared by webpack.config.js and scripts/start.mjs: https on
// localhost:3000 with certificates made for this project only (never installed system-wide),
// or plain http when asked (`npm start -- --http`).
const path = require("node:path");
const fs = require("node:fs");

const CERT_DIR = path.resolve(__dirname, "..", ".certs");
const files = {
  ca: path.join(CERT_DIR, "ca.crt"),
  cert: path.join(CERT_DIR, "localhost.crt"),
  key: path.join(CERT_DIR, "localhost.key"),
};

async function ensureCertificates() {
  if (Object.values(files).every((f) => fs.existsSync(f))) return files;
  const { generateCertificates } = require("office-addin-dev-certs");
  await generateCertificates(files.ca, files.cert, files.key, 365, ["localhost", "127.0.0.1"]);
  return files;
}

async function devServerOptions(env = {}) {
  const http = Boolean(env.http) || process.env.TAIZHANG_HTTP === "1";
  const port = Number(env.port || process.env.PORT || 3000);
  const server = http
    ? "http"
    : await ensureCertificates().then((f) => ({
        type: "https",
        options: { ca: fs.readFileSync(f.ca), cert: fs.readFileSync(f.cert), key: fs.readFileSync(f.key) },
      }));
  return {
    port,
    host: "localhost",
    server,
    // The preview workbook is the default page.
    historyApiFallback: false,
    static: false,
    open: false,
    hot: false,
    headers: { "Access-Control-Allow-Origin": "*" },
    client: { overlay: { warnings: false, errors: true } },
    setupMiddlewares: (middlewares) => {
      middlewares.unshift({
        name: "preview-default",
        path: "/",
        middleware: (req, res, next) => {
          if (req.url === "/" || req.url === "/index.html") {
            res.writeHead(302, { Location: "/preview.html" });
            res.end();
            return;
          }
          next();
        },
      });
      return middlewares;
    },
  };
}

module.exports = { devServerOptions, ensureCertificates, CERT_DIR };
