/**
 * Line and column (1-based) of offsets in a text, by binary search over its
 * line starts, which are found on the first question (most loads ask none).
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  locate(offset: number): { line: number; column: number; lineStart: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1, lineStart: starts[low]! };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
