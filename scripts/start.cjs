#!/usr/bin/env node
// `npm start`: build, then open the Electron app. Where no Electron binary can be had (no internet,
// a locked-down build machine), say so in one paragraph and point at the browser host instead.
const { spawnSync, spawn } = require('node:child_process');
const { resolve } = require('node:path');

const root = resolve(__dirname, '..');
function electronBinary() {
  try {
    return require('electron');
  } catch {
    // npm does not run Electron's download script (package.json allowScripts): fetch it now, once.
    spawnSync(process.execPath, [require.resolve('electron/install.js')], { cwd: root, stdio: 'ignore' });
    delete require.cache[require.resolve('electron')];
    return require('electron');
  }
}

let electronPath;
try {
  electronPath = electronBinary();
} catch (err) {
  const reason = String((err && err.message) || err).split('\n')[0];
  console.error(
    'DynoStage could not start its desktop window: the Electron binary is not installed on this ' +
      `machine and could not be downloaded (${reason}). Everything else works: run \`npm run web\` ` +
      'to open the same app in your browser on 127.0.0.1, or install Electron with internet access ' +
      '(delete node_modules/electron and run `npm install`) and try `npm start` again.',
  );
  process.exit(1);
}
const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(electronPath, ['.'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
