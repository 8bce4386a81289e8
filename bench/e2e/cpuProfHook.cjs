// Preloaded with NODE_OPTIONS=--require (node refuses --cpu-prof there): profiles this process's
// CPU from start to exit into $DYNOSTAGE_CPU_PROF_DIR. Used by bench/e2e/profileLoadAll.ts only.
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const dir = process.env.DYNOSTAGE_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (err, res) => {
      if (err) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/host-${process.pid}.cpuprofile`, JSON.stringify(res.profile));
    });
  });
}
