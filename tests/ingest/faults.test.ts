/**
 * Generated cases, one fault kind each: the seed's text with one fault put in a known place, and the
 * outcome expected from the kind of damage: the cell repaired to the bundled figure (the printed
 * truth, from the data file), or left unresolved where the arithmetic cannot tell. In every case
 * no settled figure differs from the bundled data: unresolved is allowed, wrong never.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RELEASE_2001_08_14 as bundled } from "../../src/data/releases/2001-08-14-1q01";
import type { Release } from "../../src/data/types";
import { ingestRelease } from "../../src/model/ingest";
import { editCell, moveDown, moveUp, relabel, replaceOnce } from "./damage";
import { settledMismatches } from "./truth";

const SEED = readFileSync(
  join(__dirname, "../../src/data/releases/2001-08-14-1q01.source.txt"),
  "utf8"
);
const OPERATIONS = "CONSOLIDATED STATEMENTS OF OPERATIONS";
const BALANCE = "CONSOLIDATED BALANCE SHEETS";
const CASH = "STATEMENTS OF CASH FLOWS";

interface Cell {
  readonly table: string;
  readonly rowId: string;
  readonly column: number;
}

const bundledCell = (c: Cell) =>
  bundled.tables.find((t) => t.title === c.table)?.rows.find((r) => r.id === c.rowId)?.cells[
    c.column
  ];
const cellIn = (release: Release, c: Cell) =>
  release.tables.find((t) => t.title === c.table)?.rows.find((r) => r.id === c.rowId)?.cells[
    c.column
  ];

const IS = "Consolidated Statements of Operations";
const BS = "Consolidated Balance Sheets";
const CF = "Condensed Consolidated Statements of Cash Flows";

interface Case {
  readonly fault: string;
  readonly damage: (text: string) => string;
  readonly repaired?: readonly Cell[];
  readonly unresolved?: readonly Cell[];
}

const CASES: readonly Case[] = [
  {
    fault: "a thousands separator read as a decimal point",
    damage: (t) =>
      editCell(t, { after: OPERATIONS, label: "Sales and marketing" }, 1, (v) =>
        v.replace(",", ".")
      ),
    repaired: [{ table: IS, rowId: "sales_and_marketing", column: 1 }],
  },
  {
    fault: "thousands separators read as spaces",
    damage: (t) =>
      editCell(t, { after: BALANCE, label: "Accounts payable" }, 5, (v) => v.replace(/,/g, " ")),
    repaired: [{ table: BS, rowId: "accounts_payable", column: 5 }],
  },
  {
    fault: "a misread digit where the USD, % and change columns vouch for the reading",
    damage: (t) =>
      editCell(t, { after: OPERATIONS, label: "General and administrative" }, 1, () => "489,030"),
    repaired: [{ table: IS, rowId: "general_and_administrative", column: 1 }],
  },
  {
    fault: "a misread digit in a total two footings cover",
    damage: (t) =>
      editCell(t, { after: BALANCE, label: "Total current liabilities" }, 3, () => "14,483,519"),
    repaired: [{ table: BS, rowId: "total_current_liabilities", column: 3 }],
  },
  {
    fault: "a misread digit only one footing covers, which several cells could explain",
    damage: (t) => editCell(t, { after: CASH, label: "Deferred income tax" }, 3, () => "(118,444)"),
    unresolved: [{ table: CF, rowId: "deferred_income_tax", column: 3 }],
  },
  {
    fault: "a letter read for a digit (O for 0)",
    damage: (t) =>
      editCell(t, { after: OPERATIONS, label: "General and administrative" }, 1, () => "439,O30"),
    repaired: [{ table: IS, rowId: "general_and_administrative", column: 1 }],
  },
  {
    fault: "two neighbouring digits swapped",
    damage: (t) =>
      editCell(t, { after: OPERATIONS, label: "Sales and marketing" }, 1, () => "818,768"),
    repaired: [{ table: IS, rowId: "sales_and_marketing", column: 1 }],
  },
  {
    fault: "a digit lost",
    damage: (t) =>
      editCell(t, { after: OPERATIONS, label: "Sales and marketing" }, 1, () => "88,786"),
    repaired: [{ table: IS, rowId: "sales_and_marketing", column: 1 }],
  },
  {
    fault: "a digit doubled",
    damage: (t) =>
      editCell(t, { after: OPERATIONS, label: "Sales and marketing" }, 1, () => "8188,786"),
    repaired: [{ table: IS, rowId: "sales_and_marketing", column: 1 }],
  },
  {
    fault: "a negative's parentheses lost",
    damage: (t) =>
      editCell(t, { after: OPERATIONS, label: "Other income (expenses)" }, 1, () => "61,484"),
    repaired: [{ table: IS, rowId: "other_income_expenses", column: 1 }],
  },
  {
    fault: "one parenthesis of a negative lost",
    damage: (t) =>
      editCell(
        t,
        { after: OPERATIONS, label: "Equity in net loss of affiliated companies" },
        1,
        (v) => v.replace(")", "")
      ),
    repaired: [{ table: IS, rowId: "equity_in_net_loss_of_affiliates", column: 1 }],
  },
  {
    fault: "a blank amount",
    damage: (t) => editCell(t, { after: BALANCE, label: "Other Assets" }, 3, () => ""),
    repaired: [{ table: BS, rowId: "other_assets", column: 3 }],
  },
  {
    fault: "a blank USD cell",
    damage: (t) =>
      editCell(t, { after: CASH, label: "Purchase of other investments" }, 0, () => ""),
    repaired: [{ table: CF, rowId: "purchase_of_other_investments", column: 0 }],
  },
  {
    fault: "a blank per-share figure",
    damage: (t) =>
      editCell(t, { after: OPERATIONS, label: "Basic Net Loss Per ADS Equivalent" }, 3, () => ""),
    repaired: [{ table: IS, rowId: "net_income_per_ads", column: 3 }],
  },
  {
    fault: "a row's figure printed on the heading above it",
    damage: (t) => moveUp(t, { after: BALANCE, label: "Short-term borrowings" }, 3),
    repaired: [{ table: BS, rowId: "short_term_borrowings", column: 3 }],
  },
  {
    fault: "a cell shifted into the next row, run together with its figure",
    damage: (t) => moveDown(t, { after: BALANCE, label: "Accrued expenses" }, 5),
    repaired: [
      { table: BS, rowId: "accrued_expenses", column: 5 },
      { table: BS, rowId: "other_current_liabilities", column: 5 },
    ],
  },
  {
    // The row above shows the figure below it and the row below is blank: read as printed, the
    // footing alone would take the blank for the lost cell; the % column says which is which.
    fault: "a cell shifted into the row above, whose own figure is lost",
    damage: (t) =>
      moveUp(
        editCell(t, { after: BALANCE, label: "Accrued expenses" }, 5, () => ""),
        { after: BALANCE, label: "Other current liabilities" },
        5
      ),
    repaired: [
      { table: BS, rowId: "accrued_expenses", column: 5 },
      { table: BS, rowId: "other_current_liabilities", column: 5 },
    ],
  },
  {
    // 1,219,215 / 8,332,898 = 14.63% rounds to (14.6), but the release printed (14.7) so that the
    // column foots: lost, the footing says (14.7) and the % says (14.6), and nothing says which.
    fault: "a lost figure the release printed as a rounding plug",
    damage: (t) =>
      editCell(
        t,
        { after: OPERATIONS, label: "Equity in net loss of affiliated companies" },
        2,
        () => ""
      ),
    unresolved: [{ table: IS, rowId: "equity_in_net_loss_of_affiliates", column: 2 }],
  },
  {
    fault: "a lost total in a numbered table",
    damage: (t) =>
      editCell(t, { after: "Internet Access Services", label: "Total IP Service" }, 1, () => ""),
    repaired: [
      { table: "Table 1. Number of Contracts", rowId: "total_ip_service_contracts", column: 1 },
    ],
  },
  {
    // 148,075 = 87,297 + 60,778: read "60,773", either it or the total (148,070) is one digit off.
    fault: "a misread digit in a numbered table that its total cannot place",
    damage: (t) =>
      editCell(t, { after: "Table 1. Number of Contracts", label: "Others" }, 2, () => "60,773"),
    unresolved: [
      { table: "Table 1. Number of Contracts", rowId: "other_dialup_contracts", column: 2 },
      { table: "Table 1. Number of Contracts", rowId: "total_dialup_access_contracts", column: 2 },
    ],
  },
  {
    // "| IIJ DSL/F (*3) Maximum 1.5Mbps | 45 | NA | NA |": lost, 4Q00's cell foots to nil, and
    // the table prints NA where it has no figure; nil and NA foot alike.
    fault: "a lost NA in a numbered table",
    damage: (t) =>
      editCell(
        t,
        { after: "Internet Access Services", label: "IIJ DSL/F ^(*3) Maximum 1.5Mbps" },
        1,
        () => ""
      ),
    unresolved: [{ table: "Table 1. Number of Contracts", rowId: "iij_dslf_contracts", column: 1 }],
  },
  {
    fault: "a noise row in a header",
    damage: (t) =>
      replaceOnce(t, "| ASSETS |", "| | 0S0 (l) | JI I | 7o | | | | | | |\n| ASSETS |"),
  },
  {
    fault: "noise marks on a heading row",
    damage: (t) =>
      replaceOnce(
        t,
        "| Investing Activities: | | | | | |",
        "| Investing Activities: | ., | -,,/ | () | ,, | |"
      ),
  },
  {
    fault: "markup in labels",
    damage: (t) =>
      relabel(
        relabel(t, { after: BALANCE, label: "Inventories" }, "<i>Inventories</i>"),
        { after: CASH, label: "Deferred income tax" },
        "<b>Deferred income tax</b>"
      ),
  },
];

describe.each(CASES.map((c) => [c.fault, c] as const))("%s", (_fault, c) => {
  const result = ingestRelease(c.damage(SEED), { sourceName: "damaged.txt" });
  const release = result.release as Release;

  test("no settled figure differs from the printed one", () => {
    expect(settledMismatches(release, bundled)).toEqual([]);
  });

  if (c.repaired)
    test.each(c.repaired.map((cell) => [`${cell.rowId} [${cell.column}]`, cell] as const))(
      "%s is repaired to the printed figure, with a repair that gives its arithmetic",
      (_where, cell) => {
        expect(cellIn(release, cell)).toBe(bundledCell(cell));
        const repair = release.repairs.find(
          (r) =>
            r.rowId === cell.rowId &&
            r.column === cell.column &&
            r.statement === bundled.tables.find((t) => t.title === cell.table)?.statement
        );
        expect(repair?.settled).toBe(bundledCell(cell));
        expect(repair?.reason).toMatch(/\d/);
      }
    );

  if (c.unresolved)
    test.each(c.unresolved.map((cell) => [`${cell.rowId} [${cell.column}]`, cell] as const))(
      "%s is unresolved, with the printed figure among its candidates",
      (_where, cell) => {
        expect(cellIn(release, cell)).toBe("");
        const entry = release.unresolved?.find(
          (u) => u.rowId === cell.rowId && u.column === cell.column
        );
        expect(entry?.candidates).toContain(bundledCell(cell));
        expect(result.status).toBe("unresolved");
      }
    );

  if (!c.unresolved)
    test("everything else is settled as the bundled data", () => {
      expect(release.unresolved).toBeUndefined();
    });
});
