import { expect, test as setup, type Browser, type Page } from "@playwright/test";
import { ADMIN_STATE, EDITOR_STATE, EMAIL, PASSWORD, VIEWER_STATE } from "./accounts";

async function fillSignUp(page: Page, name: string, email: string): Promise<void> {
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("account-summary")).toContainText(email);
}

/** An admin invites `role` in the admin page; a fresh browser signs up through the link. */
async function invite(adminPage: Page, browser: Browser, role: "editor" | "viewer", statePath: string): Promise<void> {
  await adminPage.goto("/admin");
  await adminPage.locator('select[name="role"]').selectOption(role);
  await adminPage.getByRole("button", { name: "Create invitation" }).click();
  const link = (await adminPage.getByTestId("invite-link").textContent())!;
  expect(link).toContain("/sign-up?invite=inv_");

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByTestId("sign-up-note")).toContainText("You were invited");
  await fillSignUp(page, `E2E ${role}`, EMAIL[role]);
  await expect(page.getByTestId("account-summary")).toContainText(`role ${role}`);
  await context.storageState({ path: statePath });
  await context.close();

  // Single use: the same link refuses a second account.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await again.locator('input[name="name"]').fill("Second");
  await again.locator('input[name="email"]').fill(`second-${role}@e2e.test`);
  await again.locator('input[name="password"]').fill(PASSWORD);
  await again.getByRole("button", { name: "Create account" }).click();
  await expect(again.getByTestId("form-error")).toContainText("not valid");
}

setup("sign up the first account (admin), invite an editor and a viewer", async ({ page, browser, context }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Create the admin account" }).click();
  await expect(page.getByTestId("sign-up-note")).toContainText("first");
  await fillSignUp(page, "E2E Admin", EMAIL.admin);
  await expect(page.getByTestId("account-summary")).toContainText("role admin");
  await expect(page.getByTestId("account-menu")).toContainText("Admin");

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.endsWith("session_token"));
  expect(session, "session cookie").toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.secure).toBe(true);
  await context.storageState({ path: ADMIN_STATE });

  // After the first account, sign-up is by invitation (the default): a stranger is turned away.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto("/sign-up");
  await expect(stranger.getByTestId("sign-up-note")).toContainText("by invitation");
  await expect(stranger.locator('input[name="email"]')).toHaveCount(0);

  await invite(page, browser, "editor", EDITOR_STATE);
  await invite(page, browser, "viewer", VIEWER_STATE);
});
