import { runCli } from "./run-cli";

const run = runCli;

describe("iij-model eval", () => {
  test("prints the printed figure for total revenues", async () => {
    expect(await run(["eval", '=IIJ.INCOME("1Q01","Total revenues")'])).toEqual({
      status: 0,
      out: "8332898",
      err: "",
    });
  });

  test("evaluates several formulas in order, numbers as JavaScript prints them", async () => {
    const r = await run([
      "eval",
      '=IIJ.INCOME("1Q01","Dedicated","JPY millions")',
      '=IIJ.KPI("1Q01","EBITDA")',
      '=IIJ.GUIDANCE("2Q01","Revenues","mid")',
    ]);
    expect(r.out.split("\n")).toEqual(["3386.912", "376", "9250"]);
    expect(r.status).toBe(0);
  });

  test("reads formulas from stdin with -, and an error sets exit status 1", async () => {
    const r = await run(
      ["eval", "-"],
      '=IIJ.BALANCE("Jun 30, 2001","Cash")\n\n=IIJ.INCOME("1Q01","Nope")\n'
    );
    expect(r.out.split("\n")[0]).toBe("12574744");
    expect(r.out.split("\n")[1]).toMatch(/^#N\/A: INCOME has no item "Nope"/);
    expect(r.status).toBe(1);
  });

  test("text results print on one line", async () => {
    const r = await run(["eval", '=IIJ.GUIDANCE("FY2001","Operating income")']);
    expect(r.out).toMatch(/^IIJ expects to report positive operating income/);
    expect(r.out).not.toContain("\n");
  });

  test("a formula that is not an IIJ call is a #VALUE! line, not a crash", async () => {
    const r = await run(["eval", "=SUM(1,2)", '=IIJ.INCOME(A1,"Revenue")']);
    expect(r.out.split("\n")).toEqual([
      expect.stringMatching(/^#VALUE!: "=SUM\(1,2\)" is not an IIJ formula/),
      expect.stringMatching(/^#VALUE!: Argument 1 .*"A1" is not a literal/),
    ]);
    expect(r.status).toBe(1);
  });
});

describe("iij-model list", () => {
  test("periods, oldest first, with end dates and coverage", async () => {
    const lines = (await run(["list", "periods"])).out.split("\n");
    expect(lines.map((l) => l.split("\t").slice(0, 2))).toEqual([
      ["1Q00", "2000-06-30"],
      ["4Q00", "2001-03-31"],
      ["1Q01", "2001-06-30"],
      ["2Q01", "2001-09-30"],
      ["FY2001", "2002-03-31"],
    ]);
    expect(lines[2].split("\t")[3]).toBe("INCOME BALANCE CASHFLOW KPI");
  });

  test("items of a statement: id, printed label, section, in printed order", async () => {
    const lines = (await run(["list", "items", "CASHFLOW"])).out.split("\n");
    expect(lines[0]).toBe("net_income\tNet loss\tOperating Activities");
    expect(lines).toContain("operating_other\tOther\tOperating Activities");
    expect(lines).toContain("investing_other\tOther\tInvesting Activities");
    expect(lines[lines.length - 1]).toBe("cash_end\tCash, End of Period\t");
  });

  test("every listed item of every statement is reachable by its id for every printed period", async () => {
    for (const statement of ["INCOME", "BALANCE", "CASHFLOW"]) {
      const ids = (await run(["list", "items", statement])).out
        .split("\n")
        .map((l) => l.split("\t")[0]);
      const formulas = ids.flatMap((id) =>
        ["1Q01", "4Q00", "1Q00"].map((p) => `=IIJ.${statement}("${p}","${id}")`)
      );
      const r = await run(["eval", ...formulas]);
      expect([statement, r.status]).toEqual([statement, 0]);
      for (const line of r.out.split("\n")) expect(line).toMatch(/^-?\d+(\.\d+)?$/);
    }
  });
});

describe("iij-model check", () => {
  test("passes, ends with the count line, and names the EBITDA inconsistency per period", async () => {
    const r = await run(["check"]);
    expect(r.status).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[lines.length - 1]).toMatch(/^\d+ passed, 0 failed/);
    for (const [period, diff] of [
      ["1Q01", "-30.649"],
      ["4Q00", "-25.078"],
      ["1Q00", "-24.817"],
    ]) {
      expect(
        lines.find(
          (l) => l.startsWith("NOTED") && l.includes(period) && l.includes("ebitda-definition")
        )
      ).toContain(diff);
    }
  });
});

describe("usage", () => {
  test.each([[["--help"]], [["eval", "--help"]], [["list", "--help"]], [["check", "--help"]]])(
    "%j prints help and exits 0",
    async (argv) => {
      const r = await run(argv);
      expect(r.status).toBe(0);
      expect(r.out).toMatch(/Usage/);
    }
  );

  test.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["eval"], /eval needs at least one formula/],
    [["list"], /list takes "periods" or "items STATEMENT"/],
    [["list", "items", "NOPE"], /unknown statement "NOPE"/],
    [["check", "extra"], /check takes no arguments/],
  ])("%j is a one-line error with exit status 2", async (argv, message) => {
    const r = await run(argv);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split("\n")).toHaveLength(1);
  });
});
