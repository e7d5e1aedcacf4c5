#!/usr/bin/env node
// `npx stateful-local up | down | status` in a user's project (`npm run local -- …` in this
// repository): keep the local AWS running between test runs.
import { localAwsCommand, localAwsDir } from './project-dir';
import { readState } from './state-file';
import { serviceLabel, serviceNames } from './services';
import { startLocalAws, stopServices } from './index';

async function main(command: string | undefined): Promise<void> {
  const cli = localAwsCommand();
  switch (command) {
    case 'up':
      await startLocalAws({ keep: true });
      console.log(`local AWS: up; test runs in this project will reuse it. Stop it with \`${cli} down\`.`);
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
      console.log(`local AWS: state in ${localAwsDir()}`);
      for (const name of serviceNames) {
        const service = state[name];
        console.log(
          `${serviceLabel(name)}: ${service ? `${service.endpoint} (pid ${service.pid}, log ${service.logFile})` : 'not started by the harness'}`,
        );
      }
      return;
    }
    default:
      throw new Error(
        `unknown command ${JSON.stringify(command)}; use \`${cli} up\`, \`${cli} down\` or \`${cli} status\``,
      );
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
