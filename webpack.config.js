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
// Placeholder kept from Microsoft's Office add-in template convention: replace it with the real
// host of the production build before deploying. Production builds rewrite urlDev to urlProd in
// the copied manifest.xml.
const urlProd = "https://www.contoso.com/";

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

/** Replaces urlDev with urlProd in an emitted asset (one the metadata plugin generates). */
class RewriteAssetUrlsPlugin {
  constructor(assetName) {
    this.assetName = assetName;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("RewriteAssetUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteAssetUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          const asset = compilation.getAsset(this.assetName);
          if (!asset) return;
          const text = asset.source.source().toString().split(urlDev).join(urlProd);
          compilation.updateAsset(this.assetName, new sources.RawSource(text));
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
      // functions.json carries @helpurl links; production points them at the production host too.
      ...(dev ? [] : [new RewriteAssetUrlsPlugin("functions.json")]),
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
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
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

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const addin = addinConfig(dev);
  if (env.WEBPACK_SERVE) {
    // `webpack serve` (npm start) serves the add-in and the local preview (/preview.html); the CLI
    // is built by `npm run build`.
    const { devToolsConfig, officeJsDist } = require("./dev/webpack.config.js");
    addin.plugins.push(previewPanePage());
    addin.devServer = {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await getHttpsOptions() },
      port: process.env.npm_package_config_dev_server_port || devServerPort,
      static: [{ directory: officeJsDist, publicPath: "/preview/office-js", watch: false }],
    };
    return [addin, devToolsConfig(options.mode)];
  }
  return [addin, cliConfig()];
};
