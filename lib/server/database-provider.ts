/**
 * Which database a URL names. Its own module: code that only asks (the CLI's migration check before a triage) must not
 * load the Prisma clients that `db.ts` imports.
 */
export type DatabaseProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}
