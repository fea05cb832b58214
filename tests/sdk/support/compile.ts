import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * The compiler options a consultant's project would likely have, at their strictest. Without the DOM
 * lib: global fetch's types come from @types/node, as in the engine itself.
 */
const COMPILER_OPTIONS = {
  strict: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  target: 'ES2022',
  lib: ['ES2022'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
};

/**
 * A folder inside the repository (under the git-ignored .tmp/), so that the files in it resolve the
 * project's node_modules, its type packages and its ESM package.json, as a folder of the project would.
 */
export function makeTempDir(): string {
  const dir = join(REPO_ROOT, '.tmp', `sdk-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Diagnostic {
  file: string;
  line: number;
  code: string;
  message: string;
}

export interface CompileResult {
  exitCode: number;
  output: string;
  diagnostics: Diagnostic[];
}

const DIAGNOSTIC = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/;

/** Runs `tsc --noEmit` on one file of the folder, with a tsconfig of its own beside it. */
export async function typeCheck(dir: string, file: string): Promise<CompileResult> {
  const project = join(dir, `tsconfig.${file.replace(/\.ts$/, '')}.json`);
  writeFileSync(project, JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: [file] }, null, 2));
  const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((resolve, reject) => {
    execFile(process.execPath, [TSC, '-p', project, '--pretty', 'false'], { cwd: dir }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ exitCode: error ? Number(error.code) : 0, output: `${stdout}${stderr}` });
    });
  });
  const diagnostics = output
    .split('\n')
    .map((line) => DIAGNOSTIC.exec(line.trim()))
    .filter((match) => match !== null)
    .map(([, path, line, code, message]) => ({ file: String(path), line: Number(line), code: String(code), message: String(message) }));
  return { exitCode, output, diagnostics };
}
