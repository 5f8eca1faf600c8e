/**
 * Releases as JSON data files (what `iij-model ingest` writes, one per release) and back. Reading
 * validates the shape a release must have for the model to read it, and reports every problem at
 * once with its place ("release 2: tables[0].rows[3].cells: 8 cells for 9 columns"), so a bad data
 * directory is fixed in one go.
 */
import {
  MEASURES,
  PRINTED_UNITS,
  type Release,
  STATED_MEASURES,
  STATED_UNITS,
  STATEMENT_IDS,
} from "../../data/types";
import { readPrinted } from "../printed";

const STATEMENTS = STATEMENT_IDS;
const UNITS = PRINTED_UNITS;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUARTER = /^[1-4]Q\d{2}$/;
const PERIOD = /^([1-4]Q\d{2}|FY\d{4})$/;

type Problems = string[];
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function text(o: Json, key: string, at: string, problems: Problems, pattern?: RegExp): void {
  const v = o[key];
  if (typeof v !== "string") problems.push(`${at}.${key}: must be text, got ${describe(v)}`);
  else if (pattern && !pattern.test(v))
    problems.push(`${at}.${key}: "${v}" is not of the form ${pattern.source}`);
}

function oneOf(
  o: Json,
  key: string,
  allowed: readonly string[],
  at: string,
  problems: Problems,
  optional = false
): void {
  const v = o[key];
  if (optional && v === undefined) return;
  if (typeof v !== "string" || !allowed.includes(v))
    problems.push(`${at}.${key}: ${describe(v)} is not one of ${allowed.join(", ")}`);
}

function list(o: Json, key: string, at: string, problems: Problems): unknown[] {
  const v = o[key];
  if (Array.isArray(v)) return v;
  problems.push(`${at}.${key}: must be a list, got ${describe(v)}`);
  return [];
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "string") return `"${v.length > 40 ? `${v.slice(0, 37)}...` : v}"`;
  return Array.isArray(v)
    ? "a list"
    : typeof v === "object" && v !== null
      ? "an object"
      : String(v);
}

function eachObject(
  items: unknown[],
  at: string,
  problems: Problems,
  check: (o: Json, at: string) => void
): void {
  items.forEach((item, i) => {
    if (isObject(item)) check(item, `${at}[${i}]`);
    else problems.push(`${at}[${i}]: must be an object, got ${describe(item)}`);
  });
}

function validCell(cell: unknown): boolean {
  if (typeof cell !== "string") return false;
  try {
    readPrinted(cell);
    return true;
  } catch {
    return false;
  }
}

function validateRow(row: Json, at: string, columns: number, problems: Problems): void {
  text(row, "id", at, problems, /^\S+$/);
  text(row, "label", at, problems);
  text(row, "section", at, problems);
  oneOf(row, "unit", UNITS, at, problems, true);
  if (row.footnote !== undefined) text(row, "footnote", at, problems);
  const cells = list(row, "cells", at, problems);
  if (cells.length !== columns)
    problems.push(`${at}.cells: ${cells.length} cells for ${columns} columns`);
  cells.forEach((c, i) => {
    if (!validCell(c))
      problems.push(
        `${at}.cells[${i}]: ${describe(c)} is not a printed figure ("3,386,912", "(1.5)", "40.6%", "-", "NA" or "")`
      );
  });
}

function validateTable(table: Json, at: string, problems: Problems): void {
  oneOf(table, "statement", STATEMENTS, at, problems);
  text(table, "title", at, problems);
  text(table, "page", at, problems);
  oneOf(table, "unit", UNITS, at, problems);
  const columns = list(table, "columns", at, problems);
  eachObject(columns, `${at}.columns`, problems, (c, cat) => {
    text(c, "header", cat, problems);
    text(c, "period", cat, problems, QUARTER);
    oneOf(c, "measure", MEASURES, cat, problems);
  });
  eachObject(list(table, "rows", at, problems), `${at}.rows`, problems, (r, rat) =>
    validateRow(r, rat, columns.length, problems)
  );
}

function validateGuidance(g: unknown, at: string, problems: Problems): void {
  if (!isObject(g)) return void problems.push(`${at}: must be an object, got ${describe(g)}`);
  text(g, "title", at, problems);
  text(g, "page", at, problems);
  eachObject(list(g, "ranges", at, problems), `${at}.ranges`, problems, (r, rat) => {
    for (const key of ["id", "label", "range"]) text(r, key, rat, problems);
    text(r, "period", rat, problems, PERIOD);
    oneOf(r, "unit", UNITS, rat, problems);
  });
  eachObject(list(g, "outlooks", at, problems), `${at}.outlooks`, problems, (o, oat) => {
    for (const key of ["id", "label", "text", "page", "heading", "place"])
      text(o, key, oat, problems);
    text(o, "period", oat, problems, PERIOD);
  });
}

function validateNotes(o: Json, at: string, problems: Problems): void {
  eachObject(list(o, "repairs", at, problems), `${at}.repairs`, problems, (r, rat) => {
    oneOf(r, "statement", STATEMENTS, rat, problems);
    for (const key of ["rowId", "ocr", "settled", "reason"]) text(r, key, rat, problems);
    if (typeof r.column !== "number" && r.column !== "label" && r.column !== "header")
      problems.push(
        `${rat}.column: ${describe(r.column)} is not a column index, "label" or "header"`
      );
  });
  eachObject(
    list(o, "inconsistencies", at, problems),
    `${at}.inconsistencies`,
    problems,
    (r, rat) => {
      for (const key of ["checkId", "period", "rowId", "explanation"]) text(r, key, rat, problems);
    }
  );
  if (o.unresolved === undefined) return;
  eachObject(list(o, "unresolved", at, problems), `${at}.unresolved`, problems, (r, rat) => {
    oneOf(r, "statement", STATEMENTS, rat, problems);
    for (const key of ["rowId", "ocr", "why"]) text(r, key, rat, problems);
    if (typeof r.column !== "number") problems.push(`${rat}.column: must be a column index`);
    if (!Array.isArray(r.candidates) || r.candidates.some((c) => typeof c !== "string"))
      problems.push(`${rat}.candidates: must be a list of printed texts`);
  });
}

/** The figures stated in the prose: each a subject, a printed figure and its sentence. */
function validateStated(o: Json, at: string, problems: Problems): void {
  if (o.stated === undefined) return;
  eachObject(list(o, "stated", at, problems), `${at}.stated`, problems, (f, fat) => {
    text(f, "id", fat, problems, /^[a-z0-9_]+$/);
    for (const key of ["label", "printed", "sentence", "page", "heading", "place"])
      text(f, key, fat, problems);
    text(f, "value", fat, problems, /^-?\d+(\.\d+)?$/);
    oneOf(f, "unit", STATED_UNITS, fat, problems);
    oneOf(f, "measure", STATED_MEASURES, fat, problems);
    if (f.period !== undefined) text(f, "period", fat, problems, QUARTER);
    if (f.base !== undefined) text(f, "base", fat, problems, QUARTER);
  });
}

/** Every problem with one release's data, by its place in the JSON. */
export function releaseProblems(value: unknown, at = "release"): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return [`${at}: must be an object, got ${describe(value)}`];
  for (const key of ["id", "date"]) text(value, key, at, problems, ISO_DATE);
  for (const key of ["title", "source"]) text(value, key, at, problems);
  text(value, "latestQuarter", at, problems, QUARTER);
  if (!isObject(value.rate))
    problems.push(`${at}.rate: must be an object, got ${describe(value.rate)}`);
  else {
    text(value.rate, "jpyPerUsd", `${at}.rate`, problems, /^\d+(\.\d+)?$/);
    if (value.rate.asOf !== undefined) text(value.rate, "asOf", `${at}.rate`, problems, ISO_DATE);
    text(value.rate, "printed", `${at}.rate`, problems);
  }
  eachObject(list(value, "tables", at, problems), `${at}.tables`, problems, (t, tat) =>
    validateTable(t, tat, problems)
  );
  validateGuidance(value.guidance, `${at}.guidance`, problems);
  validateNotes(value, at, problems);
  validateStated(value, at, problems);
  return problems;
}

/**
 * The releases of a data directory's files (their texts), validated: throws one Error listing every
 * problem of every file, or of two files holding the same release.
 */
export function releasesFromJson(
  texts: readonly string[],
  names: readonly string[] = []
): Release[] {
  const problems: string[] = [];
  const releases: Release[] = [];
  texts.forEach((t, i) => {
    const name = names[i] ?? `file ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch (error) {
      problems.push(`${name}: not JSON (${(error as Error).message})`);
      return;
    }
    const found = releaseProblems(value).map((p) => `${name}: ${p}`);
    problems.push(...found);
    if (found.length === 0) releases.push(value as Release);
  });
  const ids = releases.map((r) => r.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`release ${id} is in more than one file`);
  });
  if (problems.length > 0)
    throw new Error(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the release data:\n${problems.join("\n")}`
    );
  return releases;
}

/** A release as the text of its data file: stable key order, two-space indent, final newline. */
export function releaseToJson(release: Release): string {
  return `${JSON.stringify(release, null, 2)}\n`;
}

/** The data file's name for a release: its date and latest quarter, "2001-08-14-1q01.json". */
export function releaseFileName(release: Release): string {
  return `${release.id}-${release.latestQuarter.toLowerCase()}.json`;
}
