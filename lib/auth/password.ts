import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";

const COST = 11;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

let dummyHash: Promise<string> | undefined;
/** Compared against when the email is unknown, so a miss costs as long as a wrong password. */
export function unknownUserHash(): Promise<string> {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
}
