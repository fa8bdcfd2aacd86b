// Tabs opened after the first draw load their code on demand (issue 14); meanwhile the tab says so.
import { act, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { lazy, type JSX } from "react";
import type { Locale } from "../../src/i18n";
import { Deferred } from "../../src/taskpane/lazyPanels";
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
