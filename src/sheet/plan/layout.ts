/**
 * Where every row of the model sheet goes, decided before any cell is written: each row has an id,
 * and a section builder finds any row (its own, an earlier section's or a later one's) by that id,
 * never by counting from another row.
 */
import type { LineId, LineStatement, StatementId } from "../../model";
import { a1 } from "../plan-types";
import type { PlanColumns } from "./columns";
import type { PlanContext } from "./context";
import type { SheetWriter } from "./writer";

/** Derived rows of the forecast build, growth and margins, by their own ids. */
export type DerivedRowId =
  | "gross_profit"
  /** A table line that is part of a cost of revenues (backbone costs), in the sheet's unit. */
  | `component:${string}`
  /** What is left of a cost of revenues after its components. */
  | `component_rest:${string}`
  /** Capex including capitalized leases (Table 5's basis). */
  | "capex"
  | "da"
  | "ebitda_gap"
  | "ebitda"
  | "ebitda_note"
  /** Derived lines defined in src/model/derived.ts, as the functions answer them. */
  | "free_cash_flow"
  | "net_debt"
  | `growth:${"total_revenues" | "operating_income" | "ebitda"}:${"yoy" | "qoq"}`
  | `margin:${"gross" | "operating" | "ebitda" | "net"}`;

export type RowId =
  | DerivedRowId
  | "title"
  | `header:${string}`
  | "period_headers"
  | "period_dates"
  | `section:${string}`
  /** A printed line of a statement or table, by statement and line id. */
  | `line:${StatementId}:${string}`
  | "guidance_headers"
  /** The release that issued the guidance rows below it. */
  | `guidance_release:${string}`
  /** A guided range or worded outlook, by period key and metric id. */
  | `guidance:${string}:${string}`
  | `outlook:${string}:${string}`
  | "against_headers"
  | `against:${string}`
  | "against_outlook"
  | "driver_headers"
  | "scenario"
  /** A block of the drivers: the analyst's values, the values in use, a scenario's seeds. */
  | `driver_block:${DriverBlock}`
  | `driver:${string}:${DriverBlock}`
  | "driver_note"
  | `forecast_check:${"balance" | "cash" | "cash_beginning"}`
  | "backtest_headers"
  | "backtest_columns"
  | `backtest:${string}`
  | "chart_headers"
  | `chart:${string}`
  | `check:${string}:${"recomputed" | "difference"}`
  | `noted:${string}:${"printed" | "defined" | "gap"}`;

/** The row of a line named in code: the compiler checks the id against src/model/statements.ts. */
export const lineRow = <S extends LineStatement>(statement: S, id: LineId<S>): RowId =>
  `line:${statement}:${id}`;
/** The row of a line the data names (a catalogue item, a term of an identity). */
export const printedRow = (line: { readonly statement: StatementId; readonly id: string }): RowId =>
  `line:${line.statement}:${line.id}`;
export const guidanceRow = (period: string, metric: string): RowId =>
  `guidance:${period}:${metric}`;
export const outlookRow = (period: string, metric: string): RowId => `outlook:${period}:${metric}`;
/** The blocks of the drivers section, top to bottom. */
export const DRIVER_BLOCKS = ["yours", "used", "Low", "Mid", "High"] as const;
export type DriverBlock = (typeof DRIVER_BLOCKS)[number];
export const driverRow = (id: string, block: DriverBlock): RowId => `driver:${id}:${block}`;
export const componentRow = (kpiId: string): DerivedRowId => `component:${kpiId}`;
const sectionRow = (id: string): RowId => `section:${id}`;

/** One block of the sheet: the rows it lays out, then the cells it writes into them. */
export interface Section {
  readonly id: string;
  /** Text of the section's header row, which follows a blank row; none for the sheet's header. */
  readonly title?: (ctx: PlanContext) => string;
  /** The section's rows, in order (null: a blank row). A section without rows is left out. */
  readonly rows: (ctx: PlanContext) => readonly (RowId | null)[];
  readonly build: (ctx: PlanContext, layout: SheetLayout, out: SheetWriter) => void;
}

export class SheetLayout {
  constructor(
    readonly columns: PlanColumns,
    private readonly rows: ReadonlyMap<RowId, number>,
    private readonly sections: ReadonlySet<string>,
    /** Rows in the model's area, from row 0. */
    readonly rowCount: number
  ) {}

  /** The 0-based row of an id; a missing row is a bug in a section builder. */
  row(id: RowId): number {
    const row = this.rows.get(id);
    if (row === undefined) throw new Error(`The model sheet's layout has no row "${id}".`);
    return row;
  }

  has(id: RowId): boolean {
    return this.rows.has(id);
  }

  /** The A1 address of a row's cell in a period's column (a period key: "1Q01", "FY2001"). */
  cell(id: RowId, period: string): string {
    const cell = this.findCell(id, period);
    if (cell === null) throw new Error(`The model sheet's layout has no column "${period}".`);
    return cell;
  }

  /** Like `cell`, but null when the row or the period is not on the sheet. */
  findCell(id: RowId, period: string): string | null {
    const col = this.columns.col(period);
    return col === undefined || !this.rows.has(id) ? null : a1(this.row(id), col);
  }

  /** The row of a section's title. */
  titleRow(section: Section): number {
    return this.row(sectionRow(section.id));
  }

  shows(section: Section): boolean {
    return this.sections.has(section.id);
  }
}

/** Numbers every row of every section, top to bottom. */
export function layOut(ctx: PlanContext, sections: readonly Section[]): SheetLayout {
  const rows = new Map<RowId, number>();
  const shown = new Set<string>();
  let next = 0;
  const place = (id: RowId | null) => {
    if (id !== null) {
      if (rows.has(id)) throw new Error(`Two rows of the model sheet have the id "${id}".`);
      rows.set(id, next);
    }
    next++;
  };
  for (const section of sections) {
    const own = section.rows(ctx);
    if (own.length === 0) continue;
    shown.add(section.id);
    if (section.title) [null, sectionRow(section.id)].forEach(place);
    own.forEach(place);
  }
  return new SheetLayout(ctx.columns, rows, shown, next);
}
