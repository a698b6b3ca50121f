#!/usr/bin/env node
// `ruff check [--output-format=concise|github] [paths…]` with ruff's own linter engine (its WebAssembly build),
// for machines that cannot install ruff from PyPI. Settings come from [tool.ruff] of the nearest pyproject.toml;
// per-file-ignores are applied here because the engine checks one text at a time without its path.
// Exit status as ruff's: 0 clean, 1 findings, 2 usage or configuration error.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'smol-toml';

const require = createRequire(import.meta.url);
const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs');
const skipped = new Set(['.git', '.venv', 'venv', 'node_modules', '__pycache__', '.mypy_cache', 'build', 'dist']);

function fail(message) {
  process.stderr.write(`ruff: ${message}\n`);
  process.exit(2);
}

function parseArguments(argv) {
  const [command, ...rest] = argv;
  if (command === '--version') {
    process.stdout.write(`ruff ${Workspace.version()} (WebAssembly)\n`);
    process.exit(0);
  }
  if (command !== 'check') fail(`only 'ruff check' is supported, not '${command ?? ''}'`);
  const format = rest.find((a) => a.startsWith('--output-format='))?.split('=')[1] ?? 'concise';
  const unknown = rest.filter((a) => a.startsWith('-') && !a.startsWith('--output-format='));
  if (unknown.length > 0) fail(`unsupported option(s): ${unknown.join(' ')}`);
  const paths = rest.filter((a) => !a.startsWith('-'));
  return { format, paths: paths.length > 0 ? paths : ['.'] };
}

function findSettings(start) {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const file = join(dir, 'pyproject.toml');
    if (existsSync(file)) {
      const ruff = parse(readFileSync(file, 'utf8')).tool?.ruff ?? {};
      return { root: dir, ruff };
    }
    if (dirname(dir) === dir) return { root: resolve(start), ruff: {} };
  }
}

function pythonFiles(path) {
  if (!existsSync(path)) fail(`${path}: no such file or directory`);
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => !skipped.has(entry.name))
    .flatMap((entry) => (entry.isDirectory() ? pythonFiles(join(path, entry.name)) : entry.name.endsWith('.py') ? [join(path, entry.name)] : []))
    .sort();
}

// Glob of per-file-ignores (`tests/**`, `*.py`, `app/x.py`) to a regular expression over the path from the root.
function globToRegExp(glob) {
  const text = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^(.*/)?${text.replace(/\u0000/g, '.*')}$`);
}

function ignoredCodes(perFileIgnores, path) {
  return Object.entries(perFileIgnores ?? {})
    .filter(([glob]) => globToRegExp(glob).test(path))
    .flatMap(([, codes]) => codes);
}

function main() {
  const { format, paths } = parseArguments(process.argv.slice(2));
  const { root, ruff } = findSettings(process.cwd());
  const { lint = {}, ...top } = ruff;
  const { 'per-file-ignores': perFileIgnores, ...lintOptions } = lint;
  const { src, exclude, 'extend-exclude': extendExclude, ...options } = top;
  let workspace;
  try {
    workspace = new Workspace({ ...options, lint: lintOptions }, PositionEncoding.Utf16);
  } catch (error) {
    fail(`invalid [tool.ruff] settings: ${error}`);
  }
  let findings = 0;
  for (const file of paths.flatMap(pythonFiles)) {
    const path = relative(root, resolve(file)).split(sep).join('/');
    const ignored = ignoredCodes(perFileIgnores, path);
    for (const d of workspace.check(readFileSync(file, 'utf8'))) {
      if (ignored.some((code) => d.code?.startsWith(code))) continue;
      findings += 1;
      const where = `${file}:${d.start_location.row}:${d.start_location.column}`;
      process.stdout.write(format === 'github'
        ? `::error title=ruff (${d.code}),file=${file},line=${d.start_location.row},col=${d.start_location.column}::${d.code} ${d.message}\n`
        : `${where}: ${d.code} ${d.message}\n`);
    }
  }
  process.stdout.write(findings === 0 ? 'All checks passed!\n' : `Found ${findings} error${findings === 1 ? '' : 's'}.\n`);
  process.exit(findings === 0 ? 0 : 1);
}

main();
