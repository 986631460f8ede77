import "server-only";
import { getDb } from "../db";
import { getUploadStore } from "../storage/upload-store";
import { startMaintenance, type Maintenance } from "./maintenance";

const globalForMaintenance = globalThis as unknown as { oopscopeMaintenance?: Maintenance };

export function startServerMaintenance(): Maintenance {
  globalForMaintenance.oopscopeMaintenance ??= startMaintenance(getDb(), getUploadStore());
  return globalForMaintenance.oopscopeMaintenance;
}
