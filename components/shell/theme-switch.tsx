"use client";
import { useState } from "react";
import { THEME_COOKIE, themeClass, THEMES, type Theme } from "./theme";

const LABEL: Record<Theme, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };
const ICON: Record<Theme, string> = { system: "◐", light: "☀", dark: "☾" };

/** Cycles system → light → dark; the class changes at once and the cookie keeps it for the next page load. */
export function ThemeSwitch({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const next = () => {
    const t = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
    setTheme(t);
    const root = document.documentElement.classList;
    root.remove("light", "dark");
    const cls = themeClass(t);
    if (cls) root.add(cls);
    document.cookie = `${THEME_COOKIE}=${t}; path=/; max-age=31536000; samesite=lax`;
  };
  return (
    <button type="button" onClick={next} title={LABEL[theme]} aria-label={LABEL[theme]} data-testid="theme-switch" data-theme={theme} className="rounded px-1 text-base leading-none text-slate-600 hover:text-slate-900">
      {ICON[theme]}
    </button>
  );
}
