import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack, { type Configuration, type Stats } from "webpack";
import { checkManifest } from "../../scripts/manifest/checks";

interface DeployModule {
  DEV_BASE_URL: string;
  OFFICE_JS_CDN: string;
  deployOptions(
    env?: Record<string, string>,
    vars?: Record<string, string | undefined>,
  ): { baseUrl: string; officeJs: "local" | "cdn"; officeJsSrc: string };
  rebaseManifest(xml: string, baseUrl: string): string;
}
type MakeConfig = (env: Record<string, string>, argv: { mode: string }) => Promise<Configuration>;

const ROOT = resolve(__dirname, "..", "..");
// CommonJS build scripts without type declarations; the interfaces above say what the tests use.
const deploy = require("../../scripts/deploy-options.cjs") as DeployModule; // eslint-disable-line @typescript-eslint/no-require-imports -- see above
const makeConfig = require("../../webpack.config.js") as MakeConfig; // eslint-disable-line @typescript-eslint/no-require-imports -- see above

const BASE = "https://fzb.example.gov.cn/taizhang";

/**
 * The real webpack configuration for a district, with the app's entries swapped for an empty
 * module: pages, CSP, office.js and the manifest come out as in `npm run build`, in seconds.
 */
async function buildFor(env: Record<string, string>, out: string): Promise<void> {
  const stub = join(out, "..", "stub.js");
  mkdirSync(out, { recursive: true });
  writeFileSync(stub, "export {};\n");
  const config = await makeConfig(env, { mode: "production" });
  config.context = ROOT;
  config.entry = { taskpane: stub, preview: stub, commands: stub };
  config.devtool = false;
  config.output = { ...config.output, path: out };
  const stats = await new Promise<Stats>((done, fail) =>
    webpack(config).run((error, result) => (error || !result ? fail(error) : done(result))),
  );
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
}

/** The URLs Office loads (xmlns attributes are names, not addresses). */
const urlsIn = (xml: string) =>
  [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].map((m) => m[1] as string);
/** The page's scripts (html-webpack-plugin minifies the page, dropping attribute quotes). */
const scriptsIn = (html: string) =>
  [...html.matchAll(/<script (?:defer )?src="?([^" >]+)"?>/g)].map((m) => m[1] as string);
/** One directive of the page's Content-Security-Policy. */
const cspDirective = (html: string, name: string) =>
  html
    .match(new RegExp(`${name} ([^;"]+)`))?.[1]
    ?.trim()
    .split(/\s+/);

describe("deploying for a district (issue 14)", () => {
  const tmp = mkdtempSync(join(tmpdir(), "taizhang-deploy-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  describe("a build with --base-url, office.js from the same server", () => {
    const out = join(tmp, "local", "dist");
    beforeAll(() => buildFor({ baseUrl: `${BASE}/` }, out), 120_000);

    it("writes a manifest whose every URL points at the server, valid offline", () => {
      const xml = readFileSync(join(out, "manifest.xml"), "utf8");
      expect(xml).not.toContain("localhost");
      const urls = urlsIn(xml);
      expect(urls.length).toBeGreaterThan(5);
      for (const url of urls) expect(url.startsWith(`${BASE}/`)).toBe(true);
      expect(xml).toContain("<AppDomain>https://fzb.example.gov.cn</AppDomain>");
      // Every URL resolves to a file the build wrote.
      expect(checkManifest(xml, { baseUrl: BASE, exists: (p) => existsSync(join(out, p)) })).toEqual([]);
      const xmllint = spawnSync("xmllint", ["--noout", join(out, "manifest.xml")], { encoding: "utf8" });
      if (!xmllint.error) expect(xmllint.stderr).toBe("");
    });

    it("serves office.js itself, so intranets without internet work", () => {
      const page = readFileSync(join(out, "taskpane.html"), "utf8");
      expect(scriptsIn(page)[0]).toBe("assets/office-js/office.js");
      expect(existsSync(join(out, "assets", "office-js", "office.js"))).toBe(true);
      expect(cspDirective(page, "script-src")).toEqual(["'self'"]);
    });

    it("passes `npm run validate`'s script for that server, and fails it for another", () => {
      const validate = (base: string) =>
        spawnSync(
          process.execPath,
          [
            "--import",
            "tsx",
            "scripts/validate-manifest.ts",
            join(out, "manifest.xml"),
            "--base-url",
            base,
            "--served-from",
            out,
          ],
          { cwd: ROOT, encoding: "utf8" },
        );
      const ok = validate(BASE);
      expect(ok.stdout).toContain(`valid (offline checks; base URL ${BASE})`);
      expect(ok.status).toBe(0);
      const wrong = validate("https://localhost:3000");
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toContain("is not under the base URL https://localhost:3000");
    }, 60_000);

    it("is caught by the offline check when served from elsewhere", () => {
      const xml = readFileSync(join(out, "manifest.xml"), "utf8");
      const problems = checkManifest(xml, {
        baseUrl: "https://other.example.gov.cn/taizhang",
        exists: (p) => existsSync(join(out, p)),
      });
      expect(problems.join("\n")).toContain("not under the base URL https://other.example.gov.cn/taizhang");
      expect(problems.join("\n")).toContain(
        "AppDomain https://fzb.example.gov.cn is not the base URL's origin",
      );
    });
  });

  it("loads office.js from Microsoft's CDN when asked, and lets the page's CSP load it", async () => {
    const out = join(tmp, "cdn", "dist");
    await buildFor({ baseUrl: BASE, officeJs: "cdn" }, out);
    const page = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(scriptsIn(page)[0]).toBe(deploy.OFFICE_JS_CDN);
    expect(cspDirective(page, "script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(existsSync(join(out, "assets", "office-js"))).toBe(false);
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(checkManifest(xml, { baseUrl: BASE, exists: (p) => existsSync(join(out, p)) })).toEqual([]);
  }, 120_000);

  it("takes the base URL from TAIZHANG_BASE_URL, and keeps localhost for development", () => {
    expect(deploy.deployOptions({}, { TAIZHANG_BASE_URL: "https://10.1.2.3:8443/tz/" }).baseUrl).toBe(
      "https://10.1.2.3:8443/tz",
    );
    expect(deploy.deployOptions({}, {})).toEqual({
      baseUrl: deploy.DEV_BASE_URL,
      officeJs: "local",
      officeJsSrc: "assets/office-js/office.js",
    });
    expect(deploy.deployOptions({}, { TAIZHANG_OFFICE_JS: "cdn" }).officeJsSrc).toBe(deploy.OFFICE_JS_CDN);
  });

  it.each([
    ["plain http", "http://fzb.example.gov.cn", "must be https"],
    ["not a URL", "fzb.example.gov.cn", "is not a URL"],
    ["a query", "https://fzb.example.gov.cn/?x=1", "must not have a query"],
  ])("refuses a base URL with %s", (_name, url, message) => {
    expect(() => deploy.deployOptions({ baseUrl: url }, {})).toThrow(message);
  });

  it("leaves the repository's manifest on the development server", () => {
    const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(deploy.rebaseManifest(xml, deploy.DEV_BASE_URL)).toBe(xml);
  });
});
