import { createHash } from "node:crypto";
import type { FieldErrors } from "./validation";

const LENGTH = { min: 6, max: 128 };
const SPECIAL = [..." !@#$%^&*()_+-=[]{}|\"/\\.,<>:;?~'"];
const CLASSES: readonly { type: string; test: (c: string) => boolean; shown: string }[] = [
  { type: "uppercase", test: (c) => c >= "A" && c <= "Z", shown: "(A..Z)" },
  { type: "lowercase", test: (c) => c >= "a" && c <= "z", shown: "(a..z)" },
  { type: "number", test: (c) => c >= "0" && c <= "9", shown: "(0..9)" },
  { type: "special", test: (c) => SPECIAL.includes(c), shown: `(${SPECIAL.join("")})` },
];

/**
 * devise-secure_password's `password_has_required_content` with Chatwoot's settings (6..128
 * characters, one of each class). It replaces Devise's own password errors, so a blank password
 * reports the length and every class; characters outside the classes (e.g. "`", "é") are invalid.
 */
export function validatePassword(errors: FieldErrors, password: string | null | undefined): void {
  const value = password ?? "";
  const chars = [...value];
  if (chars.length < LENGTH.min) errors.add("password", `must contain at least ${LENGTH.min} characters`);
  else if (chars.length > LENGTH.max) errors.add("password", `must contain less than ${LENGTH.max} characters`);
  for (const cls of CLASSES) {
    if (!chars.some(cls.test)) errors.add("password", `must contain at least 1 ${cls.type} character ${cls.shown}`);
  }
  const unknown = chars.filter((c) => !CLASSES.some((cls) => cls.test(c)));
  if (unknown.length > 0) {
    const noun = unknown.length === 1 ? "character" : "characters";
    errors.add("password", `contains ${unknown.length} invalid ${noun} (${[...new Set(unknown)].join("")})`);
  }
}

/** Stored instead of the password: nothing in the simulator needs the plain text back. */
export function digestPassword(password: string): string {
  return createHash("sha256").update(password).digest("hex");
}
