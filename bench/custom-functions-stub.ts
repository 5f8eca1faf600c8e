/**
 * The few members of Excel's `CustomFunctions` global that the adapters use (as
 * tests/functions/metadata.test.ts provides them), so functions.ts runs in Node as in Excel.
 */
class StubCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

export function installCustomFunctionsStub(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: StubCustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
}
