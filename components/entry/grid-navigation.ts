// Spreadsheet-style movement between the entry grid's cells. Pure: the grid calls it with the key
// pressed and where the caret is, and focuses the cell it returns.

export type Cell = { row: number; col: number };
export type Caret = { atStart: boolean; atEnd: boolean };

/** The cell a key moves to from `from`, or null when the key is not a move (or would leave the grid). */
export function nextCell(key: string, shift: boolean, from: Cell, caret: Caret, size: { rows: number; cols: number }): Cell | null {
  let { row, col } = from;
  switch (key) {
    case "Enter":
      row += shift ? -1 : 1;
      break;
    case "ArrowDown":
      row += 1;
      break;
    case "ArrowUp":
      row -= 1;
      break;
    case "ArrowLeft":
      if (!caret.atStart) return null;
      col -= 1;
      break;
    case "ArrowRight":
      if (!caret.atEnd) return null;
      col += 1;
      break;
    default:
      return null;
  }
  if (row < 0 || row >= size.rows || col < 0 || col >= size.cols) return null;
  return { row, col };
}
