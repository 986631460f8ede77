// npm start: migrate and seed the SQLite database, build the app on first start, then serve it on PORT (3000).
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT ?? "3000";
// Idle keep-alive sockets stay open 65 s, not Node's 5 s: a client (or a load balancer with a 60 s idle timeout) that
// reuses a socket just as the server closes it gets ECONNRESET.
const KEEP_ALIVE_MS = process.env.OOPSCOPE_KEEP_ALIVE_MS ?? "65000";
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// `kb seed` creates the database when absent, applies pending migrations and loads the built-in knowledge base.
run(process.execPath, ["bin/oopscope", "kb", "seed"]);
if (!existsSync(".next/BUILD_ID") || process.env.OOPSCOPE_REBUILD === "1") {
  console.log("oopscope: building the web app (first start only; `npm run build` after changing the code)…");
  run("npx", ["next", "build"]);
}
const server = spawn("npx", ["next", "start", "-p", port, "--keepAliveTimeout", KEEP_ALIVE_MS, ...(process.env.HOSTNAME ? ["-H", process.env.HOSTNAME] : [])], {
  stdio: "inherit",
  env: process.env,
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
