import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { themeFor } from "../../src/taskpane/theme";

// Fluent's Tab keeps a hidden bold copy of its label to reserve width; read the visible one.
const tabNames = () =>
  screen
    .getAllByRole("tab")
    .map((tab) => tab.querySelector(".fui-Tab__content:not(.fui-Tab__content--reserved-space)")?.textContent);

describe("task pane shell", () => {
  it("opens in Chinese with the five tabs", () => {
    render(<App theme={webLightTheme} initialLocale="zh-CN" />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("台账");
    expect(tabNames()).toEqual(["模板", "校验", "得分", "差距", "汇总"]);
  });

  it("shows the chosen tab's panel", async () => {
    render(
      <App
        theme={webLightTheme}
        initialLocale="zh-CN"
        panels={{ template: <p>template panel</p>, score: <p>score panel</p> }}
      />,
    );
    expect(screen.getByRole("tabpanel").textContent).toBe("template panel");
    await userEvent.click(screen.getByRole("tab", { name: "得分" }));
    expect(screen.getByRole("tabpanel").textContent).toBe("score panel");
  });

  it("opens in English when Office speaks English", () => {
    render(<App theme={webLightTheme} initialLocale="en-US" />);
    expect(tabNames()).toEqual(["Template", "Checks", "Score", "Gaps", "Summary"]);
  });
});

describe("Office theme", () => {
  it.each([
    ["#ffffff", webLightTheme],
    ["#f3f3f3", webLightTheme],
    ["#262626", webDarkTheme],
    ["#000000", webDarkTheme],
    [undefined, webLightTheme],
  ])("a pane background of %s gives the matching Fluent theme", (background, theme) => {
    expect(themeFor(background === undefined ? undefined : { bodyBackgroundColor: background })).toBe(theme);
  });
});
