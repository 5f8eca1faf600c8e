/**
 * The build and dev-server settings in webpack.config.js: the dev server is reachable from this
 * machine only, and the production build points the manifest and the functions' help links at
 * PRODUCTION_URL, or, without it, at a placeholder and says so loudly (a webpack warning and a
 * comment in the built manifest and help page) without failing, so that CI can still build.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import webpack, { type Configuration, type Stats } from "webpack";

const ROOT = join(__dirname, "..");

interface WebpackConfigModule {
  (env: Record<string, unknown>, options: { mode: string }): Promise<Configuration[]>;
  productionUrl(env: Record<string, string | undefined>): { url: string; warning: string | null };
  devServerOptions(https: object): { host?: string; port?: unknown };
}
const config = require("../webpack.config.js") as WebpackConfigModule;

const PLACEHOLDER = "https://www.contoso.com/";

interface Built {
  warnings: string[];
  manifest: string;
  functionsJson: string;
  help: string;
}

/**
 * Runs the production add-in config as `npm run build` would, with PRODUCTION_URL as given, keeping
 * the plugins that write and rewrite the manifest, functions.json and help page (the bundles
 * themselves are replaced by a one-line entry, to keep the test quick), into a temporary folder.
 */
async function buildProduction(productionUrl: string | undefined): Promise<Built> {
  const saved = process.env.PRODUCTION_URL;
  if (productionUrl === undefined) delete process.env.PRODUCTION_URL;
  else process.env.PRODUCTION_URL = productionUrl;
  let configs: Configuration[];
  try {
    configs = await config({}, { mode: "production" });
  } finally {
    if (saved === undefined) delete process.env.PRODUCTION_URL;
    else process.env.PRODUCTION_URL = saved;
  }
  const addin = configs.find((c) => c.name === "addin") as Configuration;
  const out = mkdtempSync(join(tmpdir(), "iij-build-"));
  const kept = new Set(["CopyPlugin", "CustomFunctionsMetadataPlugin", "ProductionUrlPlugin"]);
  const plugins = (addin.plugins ?? []).filter((p) => p && kept.has(p.constructor.name));
  expect(plugins.map((p) => p?.constructor.name).sort()).toEqual([...kept].sort());
  try {
    const stats = await new Promise<Stats>((resolve, reject) =>
      webpack(
        {
          ...addin,
          mode: "production",
          context: ROOT,
          entry: { functions: "./src/functions/functions.ts" },
          output: { path: out, filename: "[name].js" },
          devtool: false,
          optimization: { minimize: false },
          plugins,
        },
        (error, result) => (error || !result ? reject(error) : resolve(result))
      )
    );
    expect(stats.hasErrors()).toBe(false);
    const read = (name: string) => readFileSync(join(out, name), "utf8");
    return {
      warnings: stats.compilation.warnings.map((w) => w.message),
      manifest: read("manifest.xml"),
      functionsJson: read("functions.json"),
      help: read("help.html"),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Every https URL a built file names. */
const urls = (text: string) => text.match(/https:\/\/[^"'\s<>)]+/g) ?? [];

describe("the dev server", () => {
  test("listens on localhost only, not on every interface", () => {
    const options = config.devServerOptions({});
    expect(options.host).toBe("localhost");
    // Nothing on the command line overrides it.
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts;
    expect(Object.values(scripts).filter((s) => /--host|--allowed-hosts/.test(String(s)))).toEqual(
      []
    );
    expect(readFileSync(join(ROOT, "scripts", "start.mjs"), "utf8")).not.toMatch(/--host/);
  });
});

describe("PRODUCTION_URL sets the production host", () => {
  test("a production build without PRODUCTION_URL warns loudly and marks the built manifest and help page", async () => {
    const built = await buildProduction(undefined);
    expect(built.warnings).toEqual([
      expect.stringMatching(/^PRODUCTION_URL is not set: .*contoso/),
    ]);
    expect(built.manifest).toMatch(
      /^<\?xml[^>]*\?>\n<!-- WARNING: PRODUCTION_URL is not set: [^]*?-->\n/
    );
    expect(built.help).toMatch(/^<!doctype html>\n<!-- WARNING: PRODUCTION_URL is not set: /i);
    const named = [...urls(built.manifest), ...urls(built.functionsJson)].filter(
      (u) => !u.startsWith("https://<") // the warning's own example
    );
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((u) => !u.startsWith(PLACEHOLDER))).toEqual([]);
  }, 60_000);

  test("a production build with PRODUCTION_URL points every manifest URL and help link there, without a warning", async () => {
    const built = await buildProduction("https://addins.example.com/iij");
    expect(built.warnings).toEqual([]);
    expect(built.manifest).not.toContain("WARNING");
    expect(built.help).not.toContain("WARNING");
    const manifestUrls = urls(built.manifest).filter((u) => !u.startsWith("https://schemas."));
    expect(manifestUrls).toContain("https://addins.example.com/iij/taskpane.html");
    expect(manifestUrls.filter((u) => !u.startsWith("https://addins.example.com/iij/"))).toEqual(
      []
    );
    const helpUrls = (
      JSON.parse(built.functionsJson) as { functions: { helpUrl?: string }[] }
    ).functions.map((f) => f.helpUrl);
    expect(helpUrls).toContain("https://addins.example.com/iij/help.html#income");
    expect(
      helpUrls.filter((u) => !u?.startsWith("https://addins.example.com/iij/help.html#"))
    ).toEqual([]);
  }, 60_000);

  test.each(["http://addins.example.com/", "addins.example.com", "https://x.example/?a=1"])(
    "a PRODUCTION_URL that is not a plain https URL (%s) fails the build",
    (value) => {
      expect(() => config.productionUrl({ PRODUCTION_URL: value })).toThrow(/PRODUCTION_URL/);
    }
  );
});
