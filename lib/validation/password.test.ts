import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password";

describe("passwordProblem", () => {
  it.each([
    ["correct horse battery", null],
    ["ten chars!", null],
    // 10 characters, counted as characters, not bytes.
    ["äöüßéèêëïî", null],
  ])("accepts %j", (password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });

  it.each([
    ["nine char", "Use at least 10 characters"],
    ["", "Use at least 10 characters"],
    ["a".repeat(73), "Use at most 72 bytes (about 72 letters)"],
    // 25 four-byte emoji are only 25 characters but 100 bytes: bcrypt would cut them.
    ["😀🙂😎🤓".repeat(7), "Use at most 72 bytes (about 72 letters)"],
    ["aaaaaaaaaaaa", "Use more different characters: this one repeats too few"],
    ["121212121212", "Use more different characters: this one repeats too few"],
    ["password-for-work", "That password is too easy to guess"],
    ["Qwertyuiop!!", "That password is too easy to guess"],
    ["1234567890abc", "That password is too easy to guess"],
  ])("refuses %j", (password, message) => {
    expect(passwordProblem(password)).toBe(message);
  });

  it("refuses passwords built from the account's email or name, whatever the case", () => {
    expect(passwordProblem("my Jordan.Blake pass", { email: "jordan.blake@example.com" })).toBe("Don't build the password from your email address");
    expect(passwordProblem("blakeblake2026", { name: "Jordan Blake" })).toBe("Don't build the password from your name");
    // Short name parts (initials, "Li") do not rule out every password that contains them.
    expect(passwordProblem("olive garden tour", { name: "Li Wu", email: "li@example.com" })).toBeNull();
  });
});
