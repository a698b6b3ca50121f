// Renovate's own extraction, offline: which dependencies each manager of renovate.json finds in the repository, with
// the values Renovate would update. No lookup, no network: only each manager's extractPackageFile, the call Renovate's
// worker makes per file (lib/modules/manager/index.ts of renovatebot/renovate 44.121.2, read 2026-12-07).
// Usage: node tools/renovate/extract.mjs <repository root>  -> JSON on stdout; bump.mjs imports extractFiles.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GlobalConfig } from 'renovate/dist/config/global.js';
import { init as initLogger } from 'renovate/dist/logger/index.js';
import { extractPackageFile, get } from 'renovate/dist/modules/manager/index.js';

// Renovate writes a file pattern as a regex between slashes, or as a glob (only the regex form is used here).
function matcher(pattern) {
  if (!(pattern.startsWith('/') && pattern.endsWith('/'))) {
    throw new Error(`managerFilePatterns entry ${pattern} is not a /regex/: the extraction script reads only that form`);
  }
  return new RegExp(pattern.slice(1, -1));
}

// The built-in managers whose extraction the tests read: the workflow's (github-actions) and the base images' (dockerfile).
const builtIn = new Set(['github-actions', 'dockerfile']);

/** The managers of renovate.json this repository uses for versions in files: those above and the regex managers. */
function managersOf(config) {
  return [
    ...config.enabledManagers.filter((name) => builtIn.has(name))
      .map((name) => ({ name, id: name, patterns: get(name, 'defaultConfig').managerFilePatterns, config: {} })),
    ...config.customManagers
      .map((custom) => ({ name: 'regex', id: 'custom.regex', patterns: custom.managerFilePatterns, config: custom })),
  ];
}

/** Per manager and file: Renovate's extraction result (deps in file order, as depIndex counts them). */
export async function extractFiles(repositoryRoot) {
  const root = resolve(repositoryRoot);
  // Renovate reads repository files (the github-actions manager its lock file) relative to localDir.
  await initLogger();
  GlobalConfig.set({ localDir: root });
  const config = JSON.parse(readFileSync(join(root, 'renovate.json'), 'utf8'));
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const extracted = [];
  for (const manager of managersOf(config)) {
    const patterns = manager.patterns.map(matcher);
    for (const packageFile of files.filter((file) => patterns.some((pattern) => pattern.test(file)))) {
      const content = readFileSync(join(root, packageFile), 'utf8');
      const result = await extractPackageFile(manager.name, content, packageFile, manager.config);
      if (result?.deps?.length) {
        extracted.push({ manager, packageFile, result });
      }
    }
  }
  return extracted;
}

/** One row per dependency, the fields the tests compare. */
export function rows(extracted) {
  return extracted.flatMap(({ manager, packageFile, result }) => result.deps.map((dep, depIndex) => ({
    manager: manager.id,
    packageFile,
    depIndex,
    depName: dep.depName ?? null,
    packageName: dep.packageName ?? dep.depName ?? null,
    datasource: dep.datasource ?? null,
    versioning: dep.versioning ?? null,
    extractVersion: dep.extractVersion ?? null,
    currentValue: dep.currentValue ?? null,
    currentDigest: dep.currentDigest ?? null,
    depType: dep.depType ?? null,
    skipReason: dep.skipReason ?? null,
  })));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(rows(await extractFiles(process.argv[2] ?? process.cwd())), null, 2) + '\n');
}
