import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Office's theme colours as the host reports them (Office.context.officeTheme). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
}

/** Dark when Office's pane background is dark, so the pane matches the ribbon theme. */
export function themeFor(office: OfficeThemeColors | undefined): Theme {
  return isDark(office?.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}

function isDark(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((part) => parseInt(part ?? "0", 16) / 255) as [
    number,
    number,
    number,
  ];
  // Relative luminance (sRGB approximation) below the midpoint reads as a dark theme.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
