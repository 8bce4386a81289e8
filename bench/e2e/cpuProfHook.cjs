// Preloaded with NODE_OPTIONS=--require (node refuses --cpu-prof there): profiles this process's
// CPU until exit into $DYNOSTAGE_CPU_PROF_DIR, from the start, or with DYNOSTAGE_CPU_PROF_ON=signal
// from the first SIGUSR2 (so a script can profile one action, not the load before it). Used by
// bench/e2e/profileLoadAll.ts and profile.ts only.
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const dir = process.env.DYNOSTAGE_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 500 });
    session.post('Profiler.start');
  };
  if (process.env.DYNOSTAGE_CPU_PROF_ON === 'signal') process.on('SIGUSR2', start);
  else start();
  process.on('exit', () => {
    if (!started) return;
    session.post('Profiler.stop', (err, res) => {
      if (err) return;
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/host-${process.pid}.cpuprofile`, JSON.stringify(res.profile));
    });
  });
}
