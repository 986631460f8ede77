/** OOPSCOPE_LISTEN inside the web server: the same sockets `oopscope listen` opens, on this process's capture service. */
import "server-only";
import { getCaptureService } from "./get-capture-service";
import { parseListenSpec, startListeners } from "./listen-sockets";

export async function startListenersFromEnv(spec: string): Promise<void> {
  const running = await startListeners(parseListenSpec(spec), getCaptureService());
  console.log(`[oopscope] capture listening: ${running.addresses.join(", ")}`);
}
