// Preloaded into the app's processes by `BENCH_PROFILE=<dir> npm run bench` (NODE_OPTIONS
// refuses --cpu-prof): records a V8 CPU profile and writes it to <dir> when the process is
// told to stop. Open the .cpuprofile files in Chromium's DevTools (Performance panel).
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_PROFILE;
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable', () => session.post('Profiler.start'));
process.once('SIGTERM', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `app-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    }
    process.exit(0);
  });
});
