// Offline checks of manifest.xml (the online validator needs Microsoft's service).
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface ManifestCheckOptions {
  baseUrl: string;
  /** True when a path under the base URL is served (asset file or built page). */
  exists: (path: string) => boolean;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: (name) =>
    ["Override", "Image", "Url", "String", "Set", "Host", "Control", "AppDomain"].includes(name),
});

const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
] as const;

/** Every problem found, as plain sentences for the developer running `npm run validate`. */
export function checkManifest(xml: string, options: ManifestCheckOptions): string[] {
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    return [`not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`];
  }
  const problems: string[] = [];
  const app = (parser.parse(xml) as Node).OfficeApp as Node | undefined;
  if (!app) return ["the root element is not OfficeApp"];
  if (app["@type"] !== "TaskPaneApp") problems.push("OfficeApp must be xsi:type TaskPaneApp");

  for (const name of REQUIRED) if (app[name] === undefined) problems.push(`missing <${name}>`);

  const id = String(app.Id ?? "");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push("Id must be a GUID");
  if (!/^\d+(\.\d+){3}$/.test(String(app.Version ?? ""))) problems.push("Version must look like 1.0.0.0");
  if (app.Permissions !== "ReadWriteDocument") problems.push("Permissions must be ReadWriteDocument");

  for (const name of ["DisplayName", "Description"]) {
    const overrides = ((app[name] as Node | undefined)?.Override as Node[] | undefined) ?? [];
    if (!overrides.some((o) => o["@Locale"] === "zh-CN" && String(o["@Value"] ?? "").length > 0)) {
      problems.push(`<${name}> needs a zh-CN Override`);
    }
  }

  const hosts = (((app.Hosts as Node | undefined)?.Host as Node[] | undefined) ?? []).map((h) => h["@Name"]);
  if (!hosts.includes("Workbook")) problems.push('Hosts must include <Host Name="Workbook"/>');

  const sets =
    (((app.Requirements as Node | undefined)?.Sets as Node | undefined)?.Set as Node[] | undefined) ?? [];
  const excelApi = sets.find((s) => s["@Name"] === "ExcelApi");
  if (!excelApi || excelApi["@MinVersion"] !== "1.8") problems.push("Requirements must ask for ExcelApi 1.8");

  problems.push(...checkRibbon(app), ...checkUrls(xml, app, options));
  return problems;
}

function checkRibbon(app: Node): string[] {
  const problems: string[] = [];
  const overrides = app.VersionOverrides as Node | undefined;
  const host = (((overrides?.Hosts as Node | undefined)?.Host as Node[] | undefined) ?? [])[0];
  const desktop = host?.DesktopFormFactor as Node | undefined;
  const point = desktop?.ExtensionPoint as Node | undefined;
  const tab = point?.OfficeTab as Node | undefined;
  if (point?.["@type"] !== "PrimaryCommandSurface" || tab?.["@id"] !== "TabHome") {
    problems.push("the ribbon button must be on the Home tab (PrimaryCommandSurface / TabHome)");
  }
  const controls = ((tab?.Group as Node | undefined)?.Control as Node[] | undefined) ?? [];
  if (!controls.some((c) => (c.Action as Node | undefined)?.["@type"] === "ShowTaskpane")) {
    problems.push("the ribbon button must open the task pane (Action ShowTaskpane)");
  }

  const resources = overrides?.Resources as Node | undefined;
  const ids = new Set<string>();
  for (const [group, child] of [
    ["Images", "Image"],
    ["Urls", "Url"],
    ["ShortStrings", "String"],
    ["LongStrings", "String"],
  ] as const) {
    for (const r of ((resources?.[group] as Node | undefined)?.[child] as Node[] | undefined) ?? []) {
      ids.add(String(r["@id"]));
    }
  }
  for (const resid of collectResids(overrides)) {
    if (!ids.has(resid)) problems.push(`resid "${resid}" has no resource`);
  }
  return problems;
}

function collectResids(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectResids(n, out));
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "@resid") out.push(String(value));
      else collectResids(value, out);
    }
  }
  return out;
}

function checkUrls(xml: string, app: Node, { baseUrl, exists }: ManifestCheckOptions): string[] {
  const problems: string[] = [];
  const base = baseUrl.replace(/\/$/, "");
  if (!base.startsWith("https://")) problems.push(`the base URL ${base} must be https`);
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1] ?? "");
  const domains = ((app.AppDomains as Node | undefined)?.AppDomain as string[] | undefined) ?? [];
  // An AppDomain is an origin: for a base URL with a path (https://server/taizhang) it is the server.
  const origin = URL.canParse(base) ? new URL(base).origin : base;
  for (const domain of domains)
    if (domain !== origin) problems.push(`AppDomain ${domain} is not the base URL's origin ${origin}`);
  for (const url of urls) {
    if (!url.startsWith("https://")) problems.push(`${url} is not https`);
    else if (url !== base && !url.startsWith(`${base}/`))
      problems.push(`${url} is not under the base URL ${base}`);
    else {
      const path = url.slice(base.length + 1).split(/[?#]/)[0] ?? "";
      if (path && !exists(path)) problems.push(`${url} points at ${path}, which the build does not serve`);
    }
  }
  if (urls.length === 0) problems.push("no URLs found");
  return problems;
}
