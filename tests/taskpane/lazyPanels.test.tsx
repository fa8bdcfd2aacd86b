// Tabs opened after the first draw load their code on demand (issue 14); meanwhile the tab says so.
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { lazy, type JSX } from "react";
import type { Locale } from "../../src/i18n";
import { Deferred, lazyPanel } from "../../src/taskpane/lazyPanels";
import { LocaleProvider } from "../../src/taskpane/locale";

function deferredPanel(locale: Locale) {
  let arrive: () => void = () => undefined;
  const Panel = lazy(
    () =>
      new Promise<{ default: () => JSX.Element }>((ok) => {
        arrive = () => ok({ default: () => <p>panel content</p> });
      }),
  );
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial={locale}>
        <Deferred>
          <Panel />
        </Deferred>
      </LocaleProvider>
    </FluentProvider>,
  );
  return () => act(async () => arrive());
}

describe("a tab whose code is still loading", () => {
  it.each([
    ["zh-CN", "正在加载…"],
    ["en-US", "Loading…"],
  ] as const)("shows a spinner labelled in %s, then the panel", async (locale, label) => {
    const arrive = deferredPanel(locale);
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(screen.getByText(label)).toBeTruthy();
    expect(screen.queryByText("panel content")).toBeNull();
    await arrive();
    expect(await screen.findByText("panel content")).toBeTruthy();
    expect(screen.queryByText(label)).toBeNull();
  });
});

describe("a tab whose code cannot be fetched", () => {
  it("says so in the pane's language, keeps the pane, and loads again when the message is closed", async () => {
    // What webpack throws when a chunk is missing, e.g. after a redeployment replaced it.
    const failure = new Error("Loading chunk 570 failed.");
    const load = jest
      .fn<Promise<() => JSX.Element>, []>()
      .mockRejectedValueOnce(failure)
      .mockResolvedValue(() => <p>panel content</p>);
    const { Panel } = lazyPanel(load);
    // React reports the caught error on the console; the pane shows it instead.
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      render(
        <FluentProvider theme={webLightTheme}>
          <LocaleProvider initial="zh-CN">
            <p>other tabs</p>
            <Deferred>
              <Panel />
            </Deferred>
          </LocaleProvider>
        </FluentProvider>,
      );
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toContain("操作未完成:Loading chunk 570 failed.");
      expect(screen.getByText("other tabs")).toBeTruthy();
      await userEvent.click(screen.getByRole("button", { name: "关闭" }));
      expect(await screen.findByText("panel content")).toBeTruthy();
      expect(screen.queryByRole("alert")).toBeNull();
      expect(load).toHaveBeenCalledTimes(2);
    } finally {
      quiet.mockRestore();
    }
  });
});
