import { runCli } from "./run-cli";

async function run(argv: string[]) {
  const r = await runCli(argv);
  return {
    ...r,
    out: r.out === "" ? [] : r.out.split("\n"),
    err: r.err === "" ? [] : r.err.split("\n"),
  };
}

test("find lists the dedicated-access lines with their values and formulas", async () => {
  const r = await run(["find", "dedicated"]);
  expect(r.status).toBe(0);
  expect(r.out[0]).toBe(
    'INCOME\tdedicated_access_services\tDedicated access services\t3386912\t=IIJ.INCOME("1Q01","Dedicated access services")'
  );
  expect(r.out).toContain(
    'KPI\ttotal_dedicated_access_contracts\tTotal Dedicated Access Services Contracts\t2657\t=IIJ.KPI("1Q01","Total Dedicated Access Services Contracts")'
  );
});

test("find takes a period and a unit; every formula it prints evaluates to the value it shows", async () => {
  const r = await run([
    "find",
    "total revenues",
    "--period",
    "4Q00",
    "--unit",
    "JPY millions",
    "--limit",
    "3",
  ]);
  expect(r.out[0]).toBe(
    'INCOME\ttotal_revenues\tTotal revenues\t9199.575\t=IIJ.INCOME("4Q00","Total revenues","JPY millions")'
  );
  for (const line of r.out) {
    const [, , , value, formula] = line.split("\t");
    const e = await run(["eval", formula]);
    expect(e.out[0].startsWith("#") ? e.out[0].split(":")[0] : e.out[0]).toBe(value);
  }
});

test("source cites the statements of operations, the printed figure and its unit", async () => {
  const r = await run(["source", "1Q01", "Dedicated access services"]);
  expect(r.status).toBe(0);
  expect(r.out[0]).toMatch(
    /Consolidated Statements of Operations \(Appendix 1\), row "Dedicated access services".*printed 3,386,912 JPY thousands\./
  );
});

test.each([
  [["find"], 2, /find needs the text/],
  [["find", "cash", "--limit", "0"], 2, /--limit must be a whole number/],
  [["find", "cash", "--colour", "red"], 2, /unknown option "--colour"/],
  [["find", "xyzzy"], 1, /nothing matches "xyzzy"/],
  [["source", "1Q01"], 2, /source takes a period and an item/],
])("%j exits %i with a one-line error", async (argv, status, message) => {
  const r = await run(argv);
  expect(r.status).toBe(status);
  expect(r.err.join("\n")).toMatch(message);
});

test("source of something that does not exist is an error value, exit 1", async () => {
  const r = await run(["source", "2Q01", "Dedicated access services"]);
  expect(r.status).toBe(1);
  expect(r.out[0]).toMatch(/^#N\/A: /);
});
