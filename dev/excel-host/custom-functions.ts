/**
 * The few members of Excel's `CustomFunctions` global that the adapters use, so functions.ts runs
 * in Node as in Excel: the tests, the fuzzer and the benchmark install it.
 */
export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

export function installCustomFunctions(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
}
