/** `iij-model find` reaches the figures stated only in the text, each with its sentence. */
import { runCli } from "./run-cli";

const SENTENCE =
  "Sales personnel expense increased 24.6% to JPY341 million in 1Q01 from 1Q00 and by 8.7% from 4Q00.";

test('find "sales personnel" shows 341 (JPY millions, 1Q01) with its sentence as source', async () => {
  const r = await runCli(["find", "sales personnel"]);
  expect(r.status).toBe(0);
  const [first, ...rest] = r.out.split("\n").map((l) => l.split("\t"));
  expect(first.slice(0, 6)).toEqual([
    "STATED",
    "sales_personnel_expense",
    "Sales personnel expense",
    "341",
    '=IIJ.STATED("1Q01","Sales personnel expense")',
    "JPY millions, 1Q01",
  ]);
  expect(first[6]).toContain(`page 6`);
  expect(first[6]).toContain(`"${SENTENCE}"`);
  expect(rest.map((l) => [l[3], l[4]])).toEqual([
    ["24.6", '=IIJ.STATED("1Q01","Sales personnel expense","YoY %")'],
    ["8.7", '=IIJ.STATED("1Q01","Sales personnel expense","QoQ %")'],
  ]);
});

test("every stated formula find prints evaluates to the value it shows", async () => {
  const r = await runCli(["find", "backbone", "--limit", "40"]);
  const stated = r.out.split("\n").filter((l) => l.startsWith("STATED\t"));
  expect(stated.length).toBeGreaterThan(5);
  for (const line of stated) {
    const [, , , value, formula] = line.split("\t");
    expect((await runCli(["eval", formula])).out).toBe(value);
  }
});

test("statement items come first, as before; stated figures follow within the limit", async () => {
  const r = await runCli(["find", "dedicated", "--limit", "3"]);
  expect(r.out.split("\n").map((l) => l.split("\t")[0])).toEqual(["INCOME", "KPI", "KPI"]);
});

test("with a period, only the figures stated for it", async () => {
  const r = await runCli(["find", "foreign exchange gain", "--period", "4Q00"]);
  const stated = r.out.split("\n").filter((l) => l.startsWith("STATED\t"));
  expect(stated.map((l) => l.split("\t").slice(3, 5))).toEqual([
    ["412", '=IIJ.STATED("4Q00","foreign exchange gain")'],
  ]);
});
