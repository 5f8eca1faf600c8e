// Two builds from one config:
//  1. the add-in for Excel (web target): task pane page + custom functions in one shared runtime;
//  2. the iij-model command-line tool (node target), bundled to dist/cli/iij-model.js.

const fs = require("fs");
const os = require("os");
const path = require("path");
const { X509Certificate } = require("crypto");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
/**
 * Where the production build says the add-in is served when PRODUCTION_URL is not set: a
 * placeholder (Microsoft's template convention), not a real host. Such a build still succeeds, so
 * that CI can build without a host, but it says so loudly: a webpack warning in the build output
 * and a comment at the top of dist/manifest.xml and dist/help.html.
 */
const urlPlaceholder = "https://www.contoso.com/";

/**
 * The production host from PRODUCTION_URL (https, e.g. https://addins.example.com/iij/), with a
 * trailing slash; or the placeholder and the warning to print when it is not set. A malformed or
 * non-https value fails the build: Office loads add-ins over https only.
 */
function productionUrl(env = process.env) {
  const given = (env.PRODUCTION_URL ?? "").trim();
  if (given === "") {
    return {
      url: urlPlaceholder,
      warning:
        `PRODUCTION_URL is not set: this production build's manifest.xml and functions.json ` +
        `(the functions' help links) point at the placeholder ${urlPlaceholder}, where the ` +
        `add-in is not served. Do not deploy it: build with ` +
        `PRODUCTION_URL=https://<your host>/<path>/ npm run build.`,
    };
  }
  let parsed;
  try {
    parsed = new URL(given);
  } catch {
    throw new Error(
      `PRODUCTION_URL is not a URL: "${given}" (e.g. https://addins.example.com/iij/)`
    );
  }
  if (parsed.protocol !== "https:" || parsed.search || parsed.hash || parsed.username)
    throw new Error(
      `PRODUCTION_URL must be a plain https URL (Office loads add-ins over https only), not "${given}"`
    );
  return { url: parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`, warning: null };
}

const devServerPort = 3000;

const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
const certPath = path.join(certDir, "localhost.crt");
const keyPath = path.join(certDir, "localhost.key");

/** The certificate office-addin-dev-certs made earlier, if it is still valid for a day. */
function readValidDevCert() {
  if (!fs.existsSync(certPath) || !fs.existsSync(keyPath)) return null;
  const cert = fs.readFileSync(certPath);
  const validTo = new X509Certificate(cert).validTo;
  if (Date.parse(validTo) < Date.now() + 24 * 60 * 60 * 1000) return null;
  return { key: fs.readFileSync(keyPath), cert };
}

/**
 * HTTPS key and certificate for the dev server, made by office-addin-dev-certs under
 * ~/.office-addin-dev-certs. Where the tool cannot trust its CA (no sudo on Linux),
 * getHttpsServerOptions() throws after generating the files, so they are read directly; and
 * since it would regenerate them (a new CA) on every start there, Linux reuses valid ones.
 */
async function getHttpsOptions() {
  if (process.platform === "linux") {
    const existing = readValidDevCert();
    if (existing) return existing;
  }
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    if (!fs.existsSync(certPath) || !fs.existsSync(keyPath)) throw error;
    console.warn(
      `office-addin-dev-certs could not trust its CA (${error.message.split("\n")[0]}); ` +
        `serving with ${certPath}. Trust ${path.join(certDir, "ca.crt")} in your browser or OS.`
    );
    return { key: fs.readFileSync(keyPath), cert: fs.readFileSync(certPath) };
  }
}

/** Loader for .ts: transpile only; types are checked by `npm run typecheck` (tsc --noEmit). */
const typescriptRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    // transpileOnly: with type-checking on, the metadata plugin's injected
    // CustomFunctions.associate lines leak into other files on rebuild (TS2304 in watch mode).
    options: { transpileOnly: true, compilerOptions: { noEmit: false } },
  },
};

/** Emitted files that carry the dev server's URL, or are read by whoever deploys the build. */
const PRODUCTION_REWRITTEN = ["manifest.xml", "functions.json", "help.html"];

/**
 * A file of the production build as deployed: every dev-server URL rewritten to the production host
 * and, when that host is the placeholder, a comment saying so at the top (JSON has no comments:
 * functions.json is rewritten only).
 */
function productionText(name, text, production) {
  const rewritten = text.split(urlDev).join(production.url);
  if (!production.warning) return rewritten;
  const comment = `<!-- WARNING: ${production.warning.replace(/--/g, "- -")} -->`;
  if (name.endsWith(".xml")) return rewritten.replace(/^(<\?xml[^>]*\?>\r?\n?)?/, `$1${comment}\n`);
  if (name.endsWith(".html"))
    return rewritten.replace(/^(<!doctype html>\r?\n?)?/i, `$1${comment}\n`);
  return rewritten;
}

/**
 * Production only: points the emitted manifest, functions.json and help page at the production
 * host (see productionUrl), and without PRODUCTION_URL adds the warning to the build's output.
 */
class ProductionUrlPlugin {
  constructor(production) {
    this.production = production;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ProductionUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ProductionUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          for (const name of PRODUCTION_REWRITTEN) {
            const asset = compilation.getAsset(name);
            if (!asset) continue;
            const text = productionText(name, asset.source.source().toString(), this.production);
            compilation.updateAsset(name, new sources.RawSource(text));
          }
          if (this.production.warning)
            compilation.warnings.push(new WebpackError(this.production.warning));
        }
      );
    });
  }
}

function addinConfig(dev) {
  return {
    name: "addin",
    target: "web",
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Keep the CLI bundle, which the other build writes to dist/cli.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [typescriptRule],
    },
    // The task pane page loads both entries into one shared runtime: a single webpack runtime
    // and split chunks keep one copy of every shared module (decimal.js, the model) instead of two.
    optimization: { runtimeChunk: "single", splitChunks: { chunks: "all" } },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // The manifest and functions.json (its @helpurl links) name the host: production's is
      // PRODUCTION_URL, or a placeholder and a loud warning.
      ...(dev ? [] : [new ProductionUrlPlugin(productionUrl())]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Entry names; html-webpack-plugin adds each entry's runtime and split chunks.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/help/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    performance: { hints: false },
  };
}

function cliConfig() {
  return {
    name: "cli",
    target: "node20",
    devtool: "source-map",
    entry: { "iij-model": "./src/cli/iij-model.ts" },
    output: {
      path: path.resolve(__dirname, "dist", "cli"),
      filename: "[name].js",
      library: { type: "commonjs2" },
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [typescriptRule] },
    // The CLI runs where it was built; keep __dirname and friends as node sets them.
    node: { __dirname: false, __filename: false },
    optimization: { minimize: false },
    performance: { hints: false },
  };
}

/**
 * The local preview's copy of the pane page (served by `webpack serve` only, never built into
 * dist/): the production template and bundles, with office.js served from
 * node_modules/@microsoft/office-js instead of Microsoft's CDN and the Excel host double
 * (dev/excel-host, built by dev/webpack.config.js) loaded right before it. Before, not after:
 * office.js sends a framed page to about:blank unless OsfOptOut is set by the time its strings
 * script has loaded, and that asynchronous load can beat a parser-blocking script still being
 * fetched from a busy dev server.
 */
function previewPanePage() {
  const template = fs.readFileSync(path.resolve(__dirname, "src/taskpane/taskpane.html"), "utf8");
  const officeJs = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  if (!template.includes(officeJs)) throw new Error(`taskpane.html no longer loads ${officeJs}`);
  return new HtmlWebpackPlugin({
    filename: "preview-pane.html",
    templateContent: template
      .replace("<script", '<script src="excel-host.js"></script>\n    <script')
      .replace(officeJs, "preview/office-js/office.js"),
    chunks: ["functions", "taskpane"],
    chunksSortMode: "manual",
  });
}

/**
 * The dev server (`npm start`, `npm run dev-server`): HTTPS on localhost only (loopback: nobody else
 * on the network can reach the add-in or the preview), on package.json's config.dev_server_port.
 */
function devServerOptions(httpsOptions) {
  const { officeJsDist } = require("./dev/webpack.config.js");
  return {
    host: "localhost",
    hot: true,
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: httpsOptions },
    port: process.env.npm_package_config_dev_server_port || devServerPort,
    static: [{ directory: officeJsDist, publicPath: "/preview/office-js", watch: false }],
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const addin = addinConfig(dev);
  if (env.WEBPACK_SERVE) {
    // `webpack serve` (npm start) serves the add-in and the local preview (/preview.html); the CLI
    // is built by `npm run build`.
    const { devToolsConfig } = require("./dev/webpack.config.js");
    addin.plugins.push(previewPanePage());
    addin.devServer = devServerOptions(await getHttpsOptions());
    return [addin, devToolsConfig(options.mode)];
  }
  return [addin, cliConfig()];
};
module.exports.productionUrl = productionUrl;
module.exports.devServerOptions = devServerOptions;
