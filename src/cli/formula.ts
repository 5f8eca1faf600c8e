/**
 * Reads `=IIJ.NAME(arg, ...)` with literal arguments, as typed in a cell: "text" (with "" for a
 * quote), numbers, TRUE/FALSE, and omitted arguments (nothing between commas). Cell references and
 * nested formulas are outside what a terminal can evaluate and are rejected with the reason.
 */
export interface FormulaCall {
  readonly name: string;
  readonly args: readonly (string | number | boolean | null)[];
}

export class FormulaSyntaxError extends Error {}

export function parseFormula(text: string): FormulaCall {
  const src = text.trim();
  const head = /^=?\s*IIJ\.([A-Za-z][A-Za-z0-9_.]*)\s*\(/i.exec(src);
  if (!head)
    throw new FormulaSyntaxError(
      `"${src}" is not an IIJ formula; write it as in a cell, e.g. =IIJ.INCOME("1Q01","Total revenues")`
    );
  let i = head[0].length;
  const args: (string | number | boolean | null)[] = [];
  const skipSpace = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  for (;;) {
    skipSpace();
    if (src[i] === "," || src[i] === ")") {
      args.push(null);
    } else if (src[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new FormulaSyntaxError(`Unterminated text in ${src}`);
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += src[i++];
      }
      args.push(value);
    } else {
      const m = /^([^,)]*)/.exec(src.slice(i)) as RegExpExecArray;
      const token = m[1].trim();
      i += m[1].length;
      if (/^(TRUE|FALSE)$/i.test(token)) args.push(token.toUpperCase() === "TRUE");
      else if (/^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(token)) args.push(Number(token));
      else
        throw new FormulaSyntaxError(
          `Argument ${args.length + 1} of ${src}: "${token}" is not a literal (text in quotes, a number, TRUE or FALSE)`
        );
    }
    skipSpace();
    if (src[i] === ",") {
      i++;
      continue;
    }
    if (src[i] === ")") {
      i++;
      break;
    }
    throw new FormulaSyntaxError(`Expected "," or ")" at position ${i + 1} of ${src}`);
  }
  skipSpace();
  if (i !== src.length)
    throw new FormulaSyntaxError(`Unexpected text after the closing parenthesis in ${src}`);
  // IIJ.PERIODS() has no arguments: the empty slot read above is not an argument.
  if (args.length === 1 && args[0] === null && /\(\s*\)$/.test(src)) args.length = 0;
  return { name: head[1].toUpperCase(), args };
}
