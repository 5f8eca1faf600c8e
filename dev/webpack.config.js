// Development tools, never part of the production build (dist/):
//  - excel-host.js: the Excel host double (dev/excel-host) as one self-contained script, run before
//    the pane's bundles by the end-to-end tests (tests/e2e) and by the preview's pane page;
//  - preview.html and preview.js: the local preview, the pane beside a grid of the double.
// `npm run build:dev-tools` writes them to tmp/dev-tools; `npm start` (webpack serve, see
// ../webpack.config.js) serves them from memory next to the add-in.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const outputPath = path.resolve(__dirname, "..", "tmp", "dev-tools");

/** Where office.js's files are, for pages served without Microsoft's CDN (tests, preview). */
const officeJsDist = path.resolve(
  __dirname,
  "..",
  "node_modules",
  "@microsoft",
  "office-js",
  "dist"
);

function devToolsConfig(mode = "development") {
  return {
    name: "dev-tools",
    mode,
    target: "web",
    devtool: "source-map",
    entry: {
      "excel-host": "./dev/excel-host/install.ts",
      preview: "./dev/preview/preview.ts",
    },
    context: path.resolve(__dirname, ".."),
    output: { path: outputPath, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./dev/preview/preview.html",
        chunks: ["preview"],
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "dev/preview/preview.css", to: "preview.css" }] }),
    ],
    performance: { hints: false },
  };
}

module.exports = (env, options) => devToolsConfig(options?.mode ?? "development");
module.exports.devToolsConfig = devToolsConfig;
module.exports.officeJsDist = officeJsDist;
