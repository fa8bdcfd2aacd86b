import { readFileSync } from "node:fs";
import { Blob as NodeBlob } from "node:buffer";
import { DecompressionStream } from "node:stream/web";
import { TextDecoder, TextEncoder } from "node:util";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webLightTheme } from "@fluentui/react-components";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { TaskpaneApp } from "../../src/taskpane/TaskpaneApp";
import { COUNTY_TABLE_FILE } from "../fixtures/countyTable/make";
import { StubHost } from "./stubHost";

// jsdom lacks what the .xlsx reader uses and every browser the pane runs in has: TextDecoder
// (ExcelJS), Blob.stream and DecompressionStream (the zip-bomb guard). Node's own stand in.
Object.assign(globalThis, { TextDecoder, TextEncoder, Blob: NodeBlob, DecompressionStream });

const township = findPack("township-2018") as Pack;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const renderPane = (host: StubHost) =>
  render(<TaskpaneApp host={host} theme={webLightTheme} initialLocale="zh-CN" />);
const upload = (file: File) => userEvent.upload(screen.getByTestId("pack-file"), file);

describe("模板 tab: a pack from a file", () => {
  it("names every problem of a bad pack JSON by its field and installs nothing", async () => {
    const host = new StubHost();
    renderPane(host);
    await screen.findByRole("button", { name: "安装模板" });
    const [first, second] = township.groups[0]?.items ?? [];
    const broken = JSON.parse(JSON.stringify(township)) as Pack;
    const group = broken.groups[0];
    if (!group || !first || !second) throw new Error("township-2018 changed");
    group.items[1] = { ...second, id: first.id };
    await upload(new File([JSON.stringify(broken)], "broken.json", { type: "application/json" }));
    const problems = await screen.findByTestId("pack-file-problems");
    expect(problems.textContent).toContain(`groups[0].items[1].id: 事项编号 ${first.id} 重复`);
    expect(host.pack).toBeNull();
  });

  it("installs a county's 考核细则 table (.xlsx) like a built-in pack", async () => {
    const host = new StubHost();
    renderPane(host);
    await screen.findByRole("button", { name: "安装模板" });
    await upload(new File([readFileSync(COUNTY_TABLE_FILE)], "临川县考核细则.xlsx", { type: XLSX }));
    expect(
      await screen.findByText(/已读取 临川县考核细则.xlsx:模板 county-table 1.0.0/, {}, { timeout: 20_000 }),
    ).toBeTruthy();
    await userEvent.type(screen.getByRole("textbox", { name: /乡镇名称/ }), "东乡镇");
    await userEvent.type(screen.getByLabelText(/评估基准日/), "2024-12-31");
    await userEvent.click(screen.getByRole("button", { name: "安装模板" }));
    expect(await screen.findByText("模板已安装")).toBeTruthy();
    expect(host.pack?.id).toBe("county-table");
    expect(host.pack?.groups.flatMap((g) => g.items)).toHaveLength(10);
    expect(host.pack?.assessment.total).toBe(100);
  }, 60_000);
});
