/**
 * Errors that go into a cell. `#N/A`: there is no such thing (period, item, figure not printed, not
 * applicable). `#VALUE!`: the argument is the wrong kind (type, unit, bound, basis). A programmer's
 * misuse of the API is an ordinary exception, never one of these.
 */
export type ErrorKind = "#N/A" | "#VALUE!";

export class IIJError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string
  ) {
    super(message);
    this.name = "IIJError";
  }

  toString(): string {
    return `${this.kind}: ${this.message}`;
  }
}

export function notAvailable(message: string): IIJError {
  return new IIJError("#N/A", message);
}

export function invalidValue(message: string): IIJError {
  return new IIJError("#VALUE!", message);
}

export function isIIJError(value: unknown): value is IIJError {
  return value instanceof IIJError;
}
