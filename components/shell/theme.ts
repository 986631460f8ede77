/** The reader's colour-scheme choice: kept in a cookie the layout reads, so the first paint needs no script. */
export const THEME_COOKIE = "oopscope-theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

/** The class on <html>: none follows `prefers-color-scheme` (globals.css), `light`/`dark` override it. */
export function themeClass(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}
