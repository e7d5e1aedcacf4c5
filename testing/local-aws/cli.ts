// `npm run local -- up | down | status`: keep the local AWS running between test runs.
import { readState } from './state-file';
import { serviceLabel, serviceNames } from './services';
import { startLocalAws, stopServices } from './index';

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'up':
      await startLocalAws({ keep: true });
      console.log('local AWS: up; `npm test` and `npm run demo` will reuse it. Stop it with `npm run local -- down`.');
      return;
    case 'down': {
      const stopped = await stopServices();
      console.log(
        stopped.length
          ? `local AWS: stopped ${stopped.map((n) => serviceLabel(n)).join(', ')}`
          : 'local AWS: nothing of ours was running',
      );
      return;
    }
    case 'status': {
      const state = readState();
      for (const name of serviceNames) {
        const service = state[name];
        console.log(
          `${serviceLabel(name)}: ${service ? `${service.endpoint} (pid ${service.pid}, log ${service.logFile})` : 'not started by the harness'}`,
        );
      }
      return;
    }
    default:
      throw new Error(`unknown command ${JSON.stringify(command)}; use one of: up, down, status`);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
