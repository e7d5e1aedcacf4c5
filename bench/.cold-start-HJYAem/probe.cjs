const { performance } = require('node:perf_hooks');
const started = performance.now();
const cpu = process.cpuUsage();
const handler = require(process.argv[2]);
const imported = performance.now();
Promise.resolve(handler.settle && handler.settle()).then(() => {
  const ready = performance.now();
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({
    importMs: imported - started,
    readyMs: ready - started,
    cpuMs: (used.user + used.system) / 1000,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }));
});
