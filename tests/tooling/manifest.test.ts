import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { checkManifest } from "../../scripts/manifest/checks";

const root = resolve(__dirname, "..", "..");
const manifest = readFileSync(resolve(root, "manifest.xml"), "utf8");
const options = {
  baseUrl: "https://localhost:3000",
  exists: (path: string) =>
    ["taskpane.html", "commands.html", "preview.html"].includes(path) || existsSync(resolve(root, path)),
};

describe("manifest checks", () => {
  it("pass on the project's manifest", () => {
    expect(checkManifest(manifest, options)).toEqual([]);
  });

  it.each([
    ["malformed XML", (x: string) => x.replace("</OfficeApp>", ""), "not well-formed"],
    [
      "an http URL",
      (x: string) => x.replace("https://localhost:3000/taskpane.html", "http://localhost:3000/taskpane.html"),
      "is not https",
    ],
    [
      "another host",
      (x: string) => x.replace("https://localhost:3000/assets/icon-32.png", "https://example.com/icon.png"),
      "not under the base URL",
    ],
    [
      "a missing icon file",
      (x: string) => x.replace("assets/icon-80.png", "assets/icon-81.png"),
      "does not serve",
    ],
    [
      "a four-part version missing",
      (x: string) => x.replace("<Version>0.1.0.0</Version>", "<Version>0.1</Version>"),
      "Version",
    ],
    [
      "a lower requirement set",
      (x: string) => x.replace('MinVersion="1.8"/>', 'MinVersion="1.1"/>'),
      "ExcelApi 1.8",
    ],
    [
      "no Chinese display name",
      (x: string) => x.replace('<Override Locale="zh-CN" Value="台账"/>', ""),
      "DisplayName> needs a zh-CN",
    ],
    [
      "read-only permission",
      (x: string) => x.replace("ReadWriteDocument", "ReadDocument"),
      "ReadWriteDocument",
    ],
    [
      "a dangling resid",
      (x: string) => x.replace('resid="Taskpane.Url"', 'resid="Nowhere.Url"'),
      'resid "Nowhere.Url"',
    ],
    [
      "the button off the Home tab",
      (x: string) => x.replace('OfficeTab id="TabHome"', 'OfficeTab id="TabData"'),
      "Home tab",
    ],
  ])("catch %s", (_name, breakIt, expected) => {
    const problems = checkManifest(breakIt(manifest), options);
    expect(problems.join("\n")).toContain(expected);
  });

  it("rejects a base URL that is not https", () => {
    expect(checkManifest(manifest, { ...options, baseUrl: "http://localhost:3000" }).join("\n")).toContain(
      "must be https",
    );
  });
});
