/** Sessions saved by accounts.setup.ts, for specs that act as a given role (`test.use({ storageState: … })`). */
import path from "node:path";

const dir = path.join(import.meta.dirname, ".auth");
export const ADMIN_STATE = path.join(dir, "admin.json");
export const EDITOR_STATE = path.join(dir, "editor.json");
export const VIEWER_STATE = path.join(dir, "viewer.json");
export const PASSWORD = "e2e-password-0123";
export const EMAIL = { admin: "admin@e2e.test", editor: "editor@e2e.test", viewer: "viewer@e2e.test" } as const;
