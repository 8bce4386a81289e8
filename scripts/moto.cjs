#!/usr/bin/env node
// Makes the project-local virtual environment `.venv-moto` with `moto[server]`, the second DynamoDB
// implementation the tests run transactions and PartiQL against (dynalite has neither).
// Where python3 (or its venv module) is missing it says so in one line and exits 0: the tests that
// need moto then print their own one-line reason and the rest run.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const venv = join(root, '.venv-moto');
const bin = join(venv, process.platform === 'win32' ? 'Scripts' : 'bin');
const motoServer = join(bin, process.platform === 'win32' ? 'moto_server.exe' : 'moto_server');
const python = process.env.DYNOSTAGE_PYTHON || (process.platform === 'win32' ? 'python' : 'python3');

function run(cmd, args) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
}

function main() {
  if (existsSync(motoServer)) {
    console.log(`moto: ${motoServer} already installed`);
    return 0;
  }
  const probe = spawnSync(python, ['-c', 'import venv, ensurepip'], { cwd: root, stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    console.log(
      `moto: not installed (${python} with the venv and ensurepip modules was not found); ` +
        'the transaction and PartiQL tests that need moto will say they were skipped.',
    );
    return 0;
  }
  console.log(`moto: creating ${venv} and installing moto[server] from PyPI`);
  const made = run(python, ['-m', 'venv', venv]);
  if (made.status !== 0) return made.status ?? 1;
  const pip = run(join(bin, 'pip'), ['install', '--disable-pip-version-check', '-q', 'moto[server]']);
  if (pip.status !== 0) return pip.status ?? 1;
  console.log(`moto: installed ${motoServer}`);
  return 0;
}

process.exit(main());
