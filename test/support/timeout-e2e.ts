// An e2e test deploys a whole service onto the emulator, which takes tens of seconds.
jest.setTimeout(300_000);
