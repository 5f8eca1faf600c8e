/**
 * The security promises of SECURITY.md, checked: the pages' Content-Security-Policy, the
 * manifest's permission, no network access from the add-in's code, text that can never become a
 * formula in a cell, and a small, exactly pinned production dependency tree without install
 * scripts, every package of it listed in SECURITY.md.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "fs";
import { join } from "path";
import { defaultModel } from "../src/model";
import { planModelSheet } from "../src/sheet/plan";
import { cellFormula } from "../src/sheet/plan-types";

const root = join(__dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** The policy of a page's CSP meta element, as directive -> sources. */
function csp(html: string): Map<string, string[]> {
  // Quoted in the template; unquoted where the build minified the attribute.
  const meta = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(["'])(.*?)\1/i.exec(
    html
  );
  if (!meta) throw new Error("no Content-Security-Policy meta element");
  return new Map(
    meta[2]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources])
  );
}

/** What each directive may allow: the page's own origin, Microsoft's office.js CDN, nothing else. */
const ALLOWED: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'", OFFICE_CDN],
  // Inline style attributes cannot run script; office.js sets some.
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "connect-src": ["'self'", OFFICE_CDN],
  "frame-src": ["'self'", "'none'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'", "'none'"],
  "form-action": ["'none'"],
};

function expectTight(policy: Map<string, string[]>, except: string[] = []): void {
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  for (const [directive, sources] of policy) {
    if (except.includes(directive)) continue;
    expect([directive, ALLOWED[directive] !== undefined]).toEqual([directive, true]);
    for (const source of sources)
      expect([directive, source, ALLOWED[directive].includes(source)]).toEqual([directive, source, true]); // prettier-ignore
  }
  const all = [...policy.values()].flat();
  expect(all).not.toContain("'unsafe-eval'");
  expect(all).not.toContain("*");
}

const PAGES = ["src/taskpane/taskpane.html", "src/help/help.html"];

describe("Content-Security-Policy", () => {
  test.each(PAGES)("%s: scripts only from the page's origin and the office.js CDN", (page) => {
    const policy = csp(read(page));
    // No script-src falls back to default-src 'self'.
    expect(policy.get("script-src") ?? ["'self'"]).toEqual(
      page.includes("taskpane") ? ["'self'", OFFICE_CDN] : ["'self'"]
    );
    expectTight(policy, ["connect-src"]);
  });

  test.each(PAGES)("%s: no inline script, no script from anywhere else", (page) => {
    const html = read(page);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe("");
      const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1] ?? "";
      expect(src.startsWith(`${OFFICE_CDN}/`) || !/^[a-z]+:/i.test(src)).toBe(true);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers
  });

  test("the pane connects only to its own origin and the office.js CDN", () => {
    expectTight(csp(read("src/taskpane/taskpane.html")));
  });

  test("the policy survives the build: html-webpack-plugin keeps the template's meta element", () => {
    // The build (npm run build) copies the template's head; when dist/ is there, check it too.
    const built = join(root, "dist/taskpane.html");
    const template = csp(read("src/taskpane/taskpane.html"));
    if (existsSync(built) && statSync(built).mtimeMs >= statSync(join(root, "src/taskpane/taskpane.html")).mtimeMs)
      expect(csp(readFileSync(built, "utf8"))).toEqual(template);
    expect(read("webpack.config.js")).toMatch(/template: "\.\/src\/taskpane\/taskpane\.html"/);
    expect(read("webpack.config.js")).not.toMatch(/\binject:\s*false|\bmeta:\s*\{/);
  }); // prettier-ignore
});

test("the manifest asks for ReadWriteDocument and nothing broader", () => {
  const manifest = read("manifest.xml");
  expect([...manifest.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual([
    "ReadWriteDocument",
  ]);
  expect(manifest).not.toMatch(/<AppDomain>/);
});

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  );
}

test("the add-in's code makes no network request (only office.js, from its own script tag)", () => {
  const files = sources("src").filter((f) => !f.startsWith(join("src", "cli")));
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) {
    const text = read(file);
    for (const api of [/\bfetch\s*\(/, /XMLHttpRequest/, /WebSocket/, /sendBeacon/, /EventSource/, /importScripts/, /\bimport\s*\(/])
      expect([file, api.test(text)]).toEqual([file, false]);
  } // prettier-ignore
});

describe("text written into cells can never be taken as a formula unless it is one of ours", () => {
  const plan = planModelSheet(defaultModel(), { quarter: "1Q01", unit: "JPY millions" });

  test("text that looks like a formula is written with a leading apostrophe", () => {
    for (const text of ["=cmd|' /C calc'!A0", "+1+1", "-2", "@SUM(A1)", "=HYPERLINK(\"x\")"])
      expect(cellFormula({ row: 0, col: 0, text, style: "text" })).toBe(`'${text}`);
    expect(cellFormula({ row: 0, col: 0, text: "Total revenues", style: "label" })).toBe("Total revenues");
    expect(cellFormula({ row: 0, col: 0, formula: "=SUM(A1)", style: "formula" })).toBe("=SUM(A1)");
  }); // prettier-ignore

  test("every text cell of the model sheet stays text", () => {
    for (const cell of plan.cells.filter((c) => c.text !== undefined))
      expect(String(cellFormula(cell))).not.toMatch(/^[=+\-@]/);
  });

  test("the model's own formulas are plain arithmetic on its own sheet: no DDE, links, calls out", () => {
    const formulas = plan.cells.filter((c) => c.formula !== undefined).map((c) => c.formula ?? "");
    expect(formulas.length).toBeGreaterThan(50);
    for (const f of formulas) {
      expect(f).toMatch(/^=/);
      expect([f, /[|[\]!]|https?:|\b(HYPERLINK|WEBSERVICE|FILTERXML|CALL|REGISTER|EXEC|IIJ)\s*[.(]/i.test(f)]).toEqual([f, false]); // prettier-ignore
    }
  });
});

describe("supply chain", () => {
  const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };
  const lock = JSON.parse(read("package-lock.json")) as {
    packages: Record<string, { version?: string; dev?: boolean; hasInstallScript?: boolean }>;
  };
  const production = Object.entries(lock.packages).filter(([path, p]) => path && !p.dev);

  test("production dependencies are few and pinned to exact versions", () => {
    const deps = Object.entries(pkg.dependencies);
    expect(deps.length).toBeLessThanOrEqual(3);
    for (const [name, version] of deps) {
      expect([name, version]).toEqual([name, expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
      expect(lock.packages[`node_modules/${name}`].version).toBe(version);
    }
  });

  test("no production package has an install script", () => {
    expect(production.filter(([, p]) => p.hasInstallScript).map(([path]) => path)).toEqual([]);
  });

  test("SECURITY.md lists every package of the production tree at its locked version", () => {
    const security = read("SECURITY.md");
    for (const [path, p] of production) {
      const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
      expect([name, security.includes(`${name}@${p.version}`)]).toEqual([name, true]);
    }
  });
});
