import { describe, expect, it } from "vitest";
import { nextCell, type Caret } from "./grid-navigation";

// A grid of 4 rows (0–3) and 4 columns (0–3: value, sample size, source, note).
const size = { rows: 4, cols: 4 };
const middle = { row: 1, col: 1 };
const anywhere: Caret = { atStart: true, atEnd: true }; // an empty input: the caret is at both ends
const inside: Caret = { atStart: false, atEnd: false };
const atStart: Caret = { atStart: true, atEnd: false };
const atEnd: Caret = { atStart: false, atEnd: true };

describe("nextCell", () => {
  describe("vertical moves", () => {
    it("Enter moves down a row", () => {
      expect(nextCell("Enter", false, middle, anywhere, size)).toEqual({ row: 2, col: 1 });
    });

    it("Shift+Enter moves up a row", () => {
      expect(nextCell("Enter", true, middle, anywhere, size)).toEqual({ row: 0, col: 1 });
    });

    it("ArrowDown moves down a row and ArrowUp up a row", () => {
      expect(nextCell("ArrowDown", false, middle, anywhere, size)).toEqual({ row: 2, col: 1 });
      expect(nextCell("ArrowUp", false, middle, anywhere, size)).toEqual({ row: 0, col: 1 });
    });

    it.each(["Enter", "ArrowDown", "ArrowUp"])("%s moves whatever the caret's position", (key) => {
      expect(nextCell(key, false, middle, inside, size)).not.toBeNull();
    });

    it("keeps the column when moving between rows", () => {
      expect(nextCell("Enter", false, { row: 0, col: 3 }, inside, size)).toEqual({ row: 1, col: 3 });
    });
  });

  describe("horizontal moves follow the caret", () => {
    it("ArrowLeft moves left only when the caret is at the start of the text", () => {
      expect(nextCell("ArrowLeft", false, middle, atStart, size)).toEqual({ row: 1, col: 0 });
      expect(nextCell("ArrowLeft", false, middle, anywhere, size)).toEqual({ row: 1, col: 0 });
      expect(nextCell("ArrowLeft", false, middle, atEnd, size)).toBeNull();
      expect(nextCell("ArrowLeft", false, middle, inside, size)).toBeNull();
    });

    it("ArrowRight moves right only when the caret is at the end of the text", () => {
      expect(nextCell("ArrowRight", false, middle, atEnd, size)).toEqual({ row: 1, col: 2 });
      expect(nextCell("ArrowRight", false, middle, anywhere, size)).toEqual({ row: 1, col: 2 });
      expect(nextCell("ArrowRight", false, middle, atStart, size)).toBeNull();
      expect(nextCell("ArrowRight", false, middle, inside, size)).toBeNull();
    });
  });

  describe("edges of the grid", () => {
    it("does not move above the first row", () => {
      expect(nextCell("ArrowUp", false, { row: 0, col: 2 }, anywhere, size)).toBeNull();
      expect(nextCell("Enter", true, { row: 0, col: 2 }, anywhere, size)).toBeNull();
    });

    it("does not move below the last row", () => {
      expect(nextCell("ArrowDown", false, { row: 3, col: 2 }, anywhere, size)).toBeNull();
      expect(nextCell("Enter", false, { row: 3, col: 2 }, anywhere, size)).toBeNull();
    });

    it("does not move left of the first column or right of the last", () => {
      expect(nextCell("ArrowLeft", false, { row: 2, col: 0 }, anywhere, size)).toBeNull();
      expect(nextCell("ArrowRight", false, { row: 2, col: 3 }, anywhere, size)).toBeNull();
    });

    it("reaches the corners", () => {
      expect(nextCell("ArrowDown", false, { row: 2, col: 3 }, anywhere, size)).toEqual({ row: 3, col: 3 });
      expect(nextCell("ArrowUp", false, { row: 1, col: 0 }, anywhere, size)).toEqual({ row: 0, col: 0 });
      expect(nextCell("ArrowRight", false, { row: 3, col: 2 }, anywhere, size)).toEqual({ row: 3, col: 3 });
      expect(nextCell("ArrowLeft", false, { row: 0, col: 1 }, anywhere, size)).toEqual({ row: 0, col: 0 });
    });

    it("goes nowhere in a one-cell grid", () => {
      const one = { rows: 1, cols: 1 };
      for (const key of ["Enter", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"]) {
        expect(nextCell(key, false, { row: 0, col: 0 }, anywhere, one)).toBeNull();
      }
      expect(nextCell("Enter", true, { row: 0, col: 0 }, anywhere, one)).toBeNull();
    });
  });

  describe("other keys", () => {
    it.each(["Tab", "Escape", "Home", "End", "PageDown", "a", "4", " ", "Backspace", "enter", "Down"])("%j is not a move", (key) => {
      expect(nextCell(key, false, middle, anywhere, size)).toBeNull();
      expect(nextCell(key, true, middle, anywhere, size)).toBeNull();
    });
  });
});

describe("nextCell with Shift held on arrows", () => {
  it("moves the same way as without Shift", () => {
    expect(nextCell("ArrowDown", true, middle, anywhere, size)).toEqual({ row: 2, col: 1 });
    expect(nextCell("ArrowUp", true, middle, anywhere, size)).toEqual({ row: 0, col: 1 });
    expect(nextCell("ArrowLeft", true, middle, atStart, size)).toEqual({ row: 1, col: 0 });
    expect(nextCell("ArrowRight", true, middle, atEnd, size)).toEqual({ row: 1, col: 2 });
  });
});
