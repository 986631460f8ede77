/** Account administration: the list of people and their roles. There is always at least one admin. */
import type { Db } from "../db";
import { AppError } from "../app-error";
import type { Role } from "./roles";

export type UserInfo = { id: string; name: string; email: string; role: string; createdAt: Date };

export async function listUsers(db: Db): Promise<UserInfo[]> {
  return db.user.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
}

export async function setUserRole(db: Db, userId: string, role: Role): Promise<UserInfo> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("not-found", "No such user.");
    if (user.role === "admin" && role !== "admin" && (await tx.user.count({ where: { role: "admin" } })) === 1)
      throw new AppError("conflict", "This is the last admin; make someone else admin first.");
    return tx.user.update({ where: { id: userId }, data: { role }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
  });
}
